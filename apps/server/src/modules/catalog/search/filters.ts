/**
 * Structured filters (level any-of, field exact, agency exact) and the level/field facets.
 *
 * Every filter value owns a bitset over documents, so a compiled filter is at most three
 * bitsets and applying it to a query's matches is a few word-wise ANDs. Levels are a handful of
 * values; documents can have several levels and several agencies, but at most one field.
 *
 * Facets follow the usual faceted-search rule: the level facet counts matches that pass every
 * filter except the level filter (so the user sees what choosing another level would give), and
 * the field facet likewise ignores the field filter.
 */

import { andInto, cardinality, popcount32 as popcountWord, setBit, wordCount } from './bitset.ts';

export type FilterValues = { levels: readonly string[]; field: string | null; agencies: readonly string[] };
export type FilterQuery = { levels?: readonly string[]; field?: string; agency?: string };
export type FacetCount = { readonly value: string; readonly count: number };
export type Facets = { readonly levels: readonly FacetCount[]; readonly fields: readonly FacetCount[] };

/** A filter resolved against the index; a null part is "not filtered". */
export type CompiledFilter = {
  readonly levels: Uint32Array | null;
  readonly field: Uint32Array | null;
  readonly agency: Uint32Array | null;
};

/** Filter values are compared after NFC and trimming: the catalogue mixes normal forms. */
export function normaliseFilterValue(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Sorts facet counts by count desc then Vietnamese collation. Collation ranks are computed once;
 * per query the order is one numeric sort of packed (count, rank) keys, with no string compares.
 */
function facetSorter(values: readonly string[]): (counts: Int32Array, docCount: number) => FacetCount[] {
  if (values.length > 65536) throw new RangeError('search index supports at most 65536 values per facet');
  const collator = new Intl.Collator('vi');
  const byRank = Int32Array.from(values.keys()).sort((a, b) =>
    collator.compare(values[a] as string, values[b] as string),
  );
  const rank = new Int32Array(values.length);
  byRank.forEach((valueId, r) => {
    rank[valueId] = r;
  });
  const keys = new Float64Array(values.length);
  return (counts, docCount) => {
    let n = 0;
    for (let v = 0; v < values.length; v++) {
      const count = counts[v] as number;
      if (count > 0) keys[n++] = (docCount - count) * 65536 + (rank[v] as number);
    }
    const sorted = keys.subarray(0, n).sort();
    const out: FacetCount[] = new Array<FacetCount>(n);
    for (let i = 0; i < n; i++) {
      const v = byRank[(sorted[i] as number) % 65536] as number;
      out[i] = { value: values[v] as string, count: counts[v] as number };
    }
    return out;
  };
}

export type FilterIndex = {
  compile(query: FilterQuery): CompiledFilter;
  /**
   * Facets of the documents in `matched` under `filter`, and `results` := the matched documents
   * that pass every filter. Returns the number of results.
   */
  apply(filter: CompiledFilter, matched: Uint32Array, results: Uint32Array): { total: number; facets: Facets };
};

/** Bitsets per distinct value of one filter dimension. */
type ValueSets = { ids: Map<string, number>; values: string[]; sets: Uint32Array[] };

function valueSets(): ValueSets {
  return { ids: new Map(), values: [], sets: [] };
}

function addValue(dimension: ValueSets, raw: string, d: number, words: number): number {
  const value = normaliseFilterValue(raw);
  if (value === '') return -1;
  let id = dimension.ids.get(value);
  if (id === undefined) {
    id = dimension.values.length;
    dimension.ids.set(value, id);
    dimension.values.push(value);
    dimension.sets.push(new Uint32Array(words));
  }
  setBit(dimension.sets[id] as Uint32Array, d);
  return id;
}

export function buildFilterIndex(docs: readonly FilterValues[]): FilterIndex {
  const docCount = docs.length;
  const words = wordCount(docCount);
  const levels = valueSets();
  const fields = valueSets();
  const agencies = valueSets();
  const fieldOf = new Int32Array(docCount).fill(-1);
  docs.forEach((doc, d) => {
    for (const level of doc.levels) addValue(levels, level, d, words);
    if (doc.field !== null) fieldOf[d] = addValue(fields, doc.field, d, words);
    for (const agency of doc.agencies) addValue(agencies, agency, d, words);
  });

  const sortLevels = facetSorter(levels.values);
  const sortFields = facetSorter(fields.values);
  const empty = new Uint32Array(words);
  const levelCounts = new Int32Array(levels.values.length);
  const fieldCounts = new Int32Array(fields.values.length);
  const scratch = new Uint32Array(words);

  return {
    compile(query: FilterQuery): CompiledFilter {
      const requested = (query.levels ?? []).map(normaliseFilterValue).filter((level) => level !== '');
      let levelSet: Uint32Array | null = null;
      if (requested.length > 0) {
        levelSet = new Uint32Array(words);
        for (const level of requested) {
          const id = levels.ids.get(level);
          if (id === undefined) continue;
          const set = levels.sets[id] as Uint32Array;
          for (let w = 0; w < words; w++) levelSet[w] = ((levelSet[w] as number) | (set[w] as number)) >>> 0;
        }
      }
      const lookup = (dimension: ValueSets, raw: string | undefined): Uint32Array | null => {
        const value = raw === undefined ? '' : normaliseFilterValue(raw);
        if (value === '') return null;
        const id = dimension.ids.get(value);
        return id === undefined ? empty : (dimension.sets[id] as Uint32Array);
      };
      return { levels: levelSet, field: lookup(fields, query.field), agency: lookup(agencies, query.agency) };
    },

    apply(filter: CompiledFilter, matched: Uint32Array, results: Uint32Array): { total: number; facets: Facets } {
      // Level facet: matches passing the field and agency filters, counted per level set.
      scratch.set(matched);
      if (filter.agency !== null) andInto(scratch, filter.agency);
      if (filter.field !== null) andInto(scratch, filter.field);
      levelCounts.fill(0);
      for (let w = 0; w < words; w++) {
        const word = scratch[w] as number;
        if (word === 0) continue;
        for (let l = 0; l < levelCounts.length; l++) {
          levelCounts[l] = (levelCounts[l] as number) + popcountWord(word & ((levels.sets[l] as Uint32Array)[w] as number));
        }
      }
      results.set(scratch);
      if (filter.levels !== null) andInto(results, filter.levels);

      // Field facet: matches passing the level and agency filters, counted by walking them
      // (fields are many and each is small, so per-field set intersections would cost more).
      scratch.set(matched);
      if (filter.agency !== null) andInto(scratch, filter.agency);
      if (filter.levels !== null) andInto(scratch, filter.levels);
      fieldCounts.fill(0);
      for (let w = 0; w < words; w++) {
        let word = scratch[w] as number;
        while (word !== 0) {
          const low = word & -word;
          const field = fieldOf[(w << 5) + 31 - Math.clz32(low)] as number;
          if (field >= 0) fieldCounts[field] = (fieldCounts[field] as number) + 1;
          word = (word ^ low) >>> 0;
        }
      }
      return {
        total: cardinality(results),
        facets: { levels: sortLevels(levelCounts, docCount), fields: sortFields(fieldCounts, docCount) },
      };
    },
  };
}
