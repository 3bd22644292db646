/**
 * In-memory ranked search over the procedure catalogue.
 *
 * PostgreSQL is the source of truth; the server builds this index from all procedures at boot
 * and rebuilds it when the catalogue changes (an index is immutable once built). A query costs
 * tens of microseconds. The pipeline: query-plan.ts turns the text into terms and expansions
 * (typos, prefixes), match.ts finds the matching documents as a bitset, filters.ts applies the
 * filters and counts facets, rank.ts scores and selects the requested page; inverted-index.ts
 * has the data layout and ranking.ts the scoring rules.
 *
 * `search` is synchronous and reuses per-index scratch buffers, so it must not be re-entered;
 * nothing in it yields, which JavaScript's run-to-completion model guarantees.
 */

import { fillAll, hasBit, members, setBit, wordCount } from './bitset.ts';
import { buildFilterIndex, type CompiledFilter, type FacetCount, type Facets } from './filters.ts';
import { buildInvertedIndex, isPrefixKey } from './inverted-index.ts';
import { createMatcher } from './match.ts';
import { planQuery } from './query-plan.ts';
import { createRanker } from './rank.ts';
import { buildTypoDictionary } from './typo.ts';

export type { FacetCount, Facets };

export type SearchDoc = {
  /** National procedure code, e.g. "1.000757"; unique. */
  id: string;
  name: string;
  /** Secondary text (field, agencies, documents, steps...), weighted well below the name. */
  body: string;
  filters: { levels: readonly string[]; field: string | null; agencies: readonly string[] };
};

export type SearchQuery = {
  /** Free text; empty or absent lists every (filtered) procedure in Vietnamese name order. */
  q?: string;
  /** Any of these levels. */
  levels?: readonly string[];
  field?: string;
  agency?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
};

export type SearchHit = {
  id: string;
  /**
   * Relevance, comparable within one result list only (0 when browsing without a query). Items
   * are ordered by it, descending, then by id.
   */
  score: number;
  /** `name` is true when every query term the procedure matched was found in its name. */
  matched: { name: boolean };
};

export type SearchResult = { total: number; items: SearchHit[]; facets: Facets };

export type SearchIndex = {
  readonly size: number;
  search(query: SearchQuery): SearchResult;
};

export const MAX_PAGE_SIZE = 100;

const HAS_DIGIT = /\d/;

function checkPaging(page: number, pageSize: number): void {
  if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`page must be an integer ≥ 1, got ${page}`);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer in 1..${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
}

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const docCount = docs.length;
  const docOf = new Map<string, number>();
  docs.forEach((doc, d) => {
    if (docOf.has(doc.id)) throw new Error(`duplicate procedure id in search index: ${doc.id}`);
    docOf.set(doc.id, d);
  });

  const text = buildInvertedIndex(docs);
  const filters = buildFilterIndex(docs.map((doc) => doc.filters));
  const terms = text.vocabulary.terms;
  const typos = buildTypoDictionary(terms, (termId) => {
    const term = terms[termId] as string;
    return !isPrefixKey(term) && !HAS_DIGIT.test(term);
  });

  // Ties break by id so equal scores order deterministically; stored as ranks for integer compares.
  const idRank = new Int32Array(docCount);
  Int32Array.from(docs.keys())
    .sort((a, b) => {
      const x = (docs[a] as SearchDoc).id;
      const y = (docs[b] as SearchDoc).id;
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .forEach((d, r) => {
      idRank[d] = r;
    });
  const collator = new Intl.Collator('vi');
  const nameOrder = Int32Array.from(docs.keys()).sort(
    (a, b) =>
      collator.compare((docs[a] as SearchDoc).name, (docs[b] as SearchDoc).name) ||
      (idRank[a] as number) - (idRank[b] as number),
  );

  const matcher = createMatcher(text);
  const ranker = createRanker(text, matcher);
  const words = wordCount(docCount);
  const everything = new Uint32Array(words);
  fillAll(everything, docCount);
  const single = new Uint32Array(words);
  const results = new Uint32Array(words);
  const resultList = new Int32Array(docCount);
  const ranked = new Int32Array(docCount);

  /** Empty query: the filtered catalogue in name order. */
  const browse = (filter: CompiledFilter, offset: number, pageSize: number): SearchResult => {
    const { total, facets } = filters.apply(filter, everything, results);
    const items: SearchHit[] = [];
    let seen = 0;
    for (let i = 0; i < docCount && items.length < pageSize && seen < offset + pageSize; i++) {
      const d = nameOrder[i] as number;
      if (!hasBit(results, d)) continue;
      if (seen >= offset) items.push({ id: (docs[d] as SearchDoc).id, score: 0, matched: { name: false } });
      seen++;
    }
    return { total, items, facets };
  };

  /** The user pasted a procedure code: that procedure alone (score 1), if it passes the filters. */
  const byCode = (d: number, filter: CompiledFilter, offset: number): SearchResult => {
    single.fill(0);
    setBit(single, d);
    const { total, facets } = filters.apply(filter, single, results);
    const items: SearchHit[] =
      total === 1 && offset === 0 ? [{ id: (docs[d] as SearchDoc).id, score: 1, matched: { name: false } }] : [];
    return { total, items, facets };
  };

  const search = (query: SearchQuery): SearchResult => {
    checkPaging(query.page, query.pageSize);
    const filter = filters.compile(query);
    const offset = (query.page - 1) * query.pageSize;
    const q = query.q ?? '';
    const code = docOf.get(q.trim());
    if (code !== undefined) return byCode(code, filter, offset);
    const plan = planQuery(q, text, typos);
    if (plan.terms.length === 0) return browse(filter, offset, query.pageSize);

    const { bits, orMode } = matcher.match(plan);
    const { total, facets } = filters.apply(filter, bits, results);
    const items: SearchHit[] = [];
    if (offset < total) {
      const count = members(results, resultList);
      const request = { plan, orMode, docs: resultList, count, docBits: results, k: offset + query.pageSize, tieRank: idRank };
      const got = ranker.rank(request, ranked);
      for (let i = offset; i < got; i++) {
        const d = ranked[i] as number;
        items.push({
          id: (docs[d] as SearchDoc).id,
          score: ranker.score[d] as number,
          matched: { name: ranker.nameMatched(d) },
        });
      }
    }
    return { total, items, facets };
  };

  return { size: docCount, search };
}
