/**
 * The index on the real national catalogue (2,642 procedures): the ranking promises hold on real
 * names, and the bounded ranking (which only kicks in over hundreds of matches) returns exactly
 * what full scoring returns.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { foldTokens } from './fold.ts';
import { MAX_QUERY_TERMS } from './query-plan.ts';
import { loadRealCatalog, realCatalogAvailable } from './real-catalog.ts';
import { buildSearchIndex, type SearchDoc, type SearchIndex } from './search-index.ts';

const skip = realCatalogAvailable() ? false : 'data/vn-tthc-catalog is not present';

describe('search over the real catalogue', { skip }, () => {
  let docs: SearchDoc[] = [];
  let index: SearchIndex;
  before(() => {
    docs = loadRealCatalog();
    index = buildSearchIndex(docs);
  });
  const top = (q: string, pageSize = 5) => index.search({ q, page: 1, pageSize }).items.map((hit) => hit.id);

  const cases: [q: string, expected: readonly string[]][] = [
    ['dang ky thuong tru', ['1.004222']],
    ['Đăng ký thường trú', ['1.004222']],
    ['đăng kí thường trú', ['1.004222']],
    ['dang ky thuongg tru', ['1.004222']],
    ['dang ky thuong t', ['1.004222']],
    ['xoa dang ky thuong tru', ['1.003197']],
    ['dang ky tam tru', ['1.004194']],
    ['dang ky khai sinh', ['1.001193']],
    ['đăng ký kết hôn', ['1.000894']],
    ['cap ho chieu pho thong', ['1.001456', '1.001471']],
  ];
  for (const [q, expected] of cases) {
    it(`${JSON.stringify(q)} → ${expected.join(' or ')} first`, () => {
      const first = top(q)[0];
      assert.ok(first !== undefined && expected.includes(first), `got ${top(q).join(', ')}`);
    });
  }

  it('searching a procedure\'s full name finds it first (every distinct name of ≤ 31 words)', () => {
    const key = (name: string) => foldTokens(name).join(' ');
    const counts = new Map<string, number>();
    for (const doc of docs) counts.set(key(doc.name), (counts.get(key(doc.name)) ?? 0) + 1);
    const distinct = docs.filter((doc) => foldTokens(doc.name).length <= MAX_QUERY_TERMS && counts.get(key(doc.name)) === 1);
    assert.ok(distinct.length > 2000);
    const misses = distinct.filter((doc) => top(doc.name, 1)[0] !== doc.id).map((doc) => `${doc.id} ${doc.name}`);
    assert.deepEqual(misses, []);
  });

  it('pages equal the unpaged list on generic queries (bounded vs full ranking)', () => {
    const names = docs.map((doc) => doc.name.split(/\s+/u));
    const query = fc
      .tuple(fc.integer({ min: 0, max: names.length - 1 }), fc.integer({ min: 1, max: 4 }), fc.boolean())
      .map(([i, n, cut]) => {
        const text = (names[i] as string[]).slice(0, n).join(' ');
        return cut ? text.slice(0, Math.max(1, text.length - 2)) : text;
      });
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 10 }), (q, pageSize) => {
        const all = index.search({ q, page: 1, pageSize: 3 * pageSize });
        const pages = [1, 2, 3].flatMap((page) => index.search({ q, page, pageSize }).items);
        assert.deepEqual(pages, all.items);
      }),
      { numRuns: 150 },
    );
  });
});
