import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldTokens } from './fold.ts';
import { buildSearchIndex, type SearchDoc, type SearchQuery, type SearchResult } from './search-index.ts';
import { BO, FIXTURE, KHAC, TINH, XA } from './test-fixture.ts';

const index = buildSearchIndex(FIXTURE);
const byId = new Map(FIXTURE.map((doc) => [doc.id, doc]));

const words = [...new Set(FIXTURE.flatMap((doc) => doc.name.split(/[\s,()]+/u)).filter((w) => w !== ''))];
const fields = [...new Set(FIXTURE.flatMap((doc) => (doc.filters.field === null ? [] : [doc.filters.field])))];
const agencies = [...new Set(FIXTURE.flatMap((doc) => doc.filters.agencies))];

/** Realistic queries: fixture words, sometimes without accents, cut short or misspelt; plus noise. */
const word = fc.constantFrom(...words).chain((w) =>
  fc.oneof(
    fc.constant(w),
    fc.constant(foldTokens(w).join('')),
    fc.integer({ min: 1, max: Math.max(1, w.length) }).map((n) => w.slice(0, n)),
    fc.integer({ min: 0, max: Math.max(0, w.length - 1) }).map((i) => w.slice(0, i) + w.slice(i + 1)),
  ),
);
const query = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' ')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constant(''),
);
const filters = fc.record(
  {
    levels: fc.subarray([XA, TINH, BO, KHAC, 'Cấp thôn']),
    field: fc.constantFrom(...fields, 'Không có'),
    agency: fc.constantFrom(...agencies, 'Không có'),
  },
  { requiredKeys: [] },
);

const passes = (doc: SearchDoc, query: Omit<SearchQuery, 'page' | 'pageSize'>): boolean =>
  (query.levels === undefined || query.levels.length === 0 || doc.filters.levels.some((l) => query.levels?.includes(l))) &&
  (query.field === undefined || doc.filters.field === query.field) &&
  (query.agency === undefined || doc.filters.agencies.includes(query.agency));

const hits = (result: SearchResult) => result.items.map((hit) => `${hit.id}:${hit.score}:${hit.matched.name}`);

describe('search properties', () => {
  it('never throws for arbitrary unicode input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 100 }), (q, page, pageSize) => {
        const result = index.search({ q, page, pageSize });
        assert.ok(result.total >= result.items.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns only, and at most all, the documents passing the filters', () => {
    fc.assert(
      fc.property(query, filters, fc.integer({ min: 1, max: 40 }), (q, filter, pageSize) => {
        const result = index.search({ q, ...filter, page: 1, pageSize });
        const eligible = FIXTURE.filter((doc) => passes(doc, filter)).length;
        assert.ok(result.items.length <= pageSize);
        assert.ok(result.total >= result.items.length);
        assert.ok(result.total <= eligible);
        assert.equal(new Set(result.items.map((hit) => hit.id)).size, result.items.length);
        for (const hit of result.items) {
          const doc = byId.get(hit.id);
          assert.ok(doc !== undefined && passes(doc, filter), `${hit.id} passes ${JSON.stringify(filter)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('orders by score, then id (name order when nothing is searched)', () => {
    fc.assert(
      fc.property(query, filters, (q, filter) => {
        fc.pre(foldTokens(q).length > 0);
        const { items } = index.search({ q, ...filter, page: 1, pageSize: 100 });
        for (let i = 1; i < items.length; i++) {
          const a = items[i - 1];
          const b = items[i];
          assert.ok(a !== undefined && b !== undefined);
          assert.ok(a.score > b.score || (a.score === b.score && a.id < b.id), `${a.id}:${a.score} before ${b.id}:${b.score}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('concatenated pages equal the unpaged list (small pages exercise the bounded ranking)', () => {
    fc.assert(
      fc.property(query, filters, fc.integer({ min: 1, max: 6 }), (q, filter, pageSize) => {
        const all = index.search({ q, ...filter, page: 1, pageSize: 100 });
        const pages: string[] = [];
        for (let page = 1; (page - 1) * pageSize < all.total; page++) {
          const result = index.search({ q, ...filter, page, pageSize });
          assert.equal(result.total, all.total);
          assert.deepEqual(result.facets, all.facets);
          pages.push(...hits(result));
        }
        assert.deepEqual(pages, hits(all));
      }),
      { numRuns: 400 },
    );
  });

  it('answers do not depend on the queries before them (scratch state is reset)', () => {
    fc.assert(
      fc.property(query, query, filters, (a, b, filter) => {
        const first = index.search({ q: a, ...filter, page: 1, pageSize: 10 });
        index.search({ q: b, page: 1, pageSize: 3 });
        assert.deepEqual(index.search({ q: a, ...filter, page: 1, pageSize: 10 }), first);
      }),
      { numRuns: 500 },
    );
  });
});
