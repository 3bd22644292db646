/**
 * Name-shape bonus: how well a document's name reproduces the query as typed, and how much of
 * the name the query covers.
 *
 * Works on bit masks of query-token positions: each vocabulary term knows which positions of the
 * query it can stand for (`positionsOf`, filled per query), so "token i followed by token i+1
 * somewhere in the name" for every i at once is `P(p) & (P(p+1) >>> 1)` over adjacent name
 * positions p: one pass over the name, no per-pair loop.
 */

import type { InvertedIndex } from './inverted-index.ts';
import type { QueryPlan } from './query-plan.ts';
import { COVER_BONUS, EXACT_BONUS, PHRASE_BONUS, START_BONUS } from './ranking.ts';

/** The largest factor `nameShapeFactor` can return; lets callers skip hopeless documents. */
export const MAX_NAME_SHAPE_FACTOR = 1 + START_BONUS + EXACT_BONUS + PHRASE_BONUS + COVER_BONUS;

export type NameShape = {
  /** Prepares for `plan` (clears the previous query's marks). */
  prepare(plan: QueryPlan): void;
  /**
   * Multiplier in [1, MAX_NAME_SHAPE_FACTOR] for document `d`'s score, given its name mask
   * (bits of the plan's terms found in its name).
   */
  factor(d: number, nameMask: number): number;
  /**
   * Cheap bounds of `factor(d, nameMask)` without walking the whole name: writes [lower, upper]
   * into `out`.
   */
  bounds(d: number, nameMask: number, out: Float64Array): void;
};

function popcount(x: number): number {
  let n = 0;
  for (let rest = x; rest !== 0; rest &= rest - 1) n++;
  return n;
}

export function createNameShape(index: InvertedIndex): NameShape {
  const { nameStart, nameTerms } = index;
  const { rank } = index.vocabulary;
  // termId -> bits of the query-token positions the term matches (0 for unrelated terms).
  const positionsOf = new Uint32Array(index.vocabulary.terms.length);
  const marked: number[] = [];
  let tokens = 0;
  // The half-typed last word matches every completion in this rank range; checking the range
  // per name token is cheaper than marking thousands of completions of a one-letter prefix.
  let rangePositions = 0;
  let rangeLo = 0;
  let rangeHi = 0;

  const positionsAt = (termId: number): number => {
    const marks = positionsOf[termId] as number;
    if (rangePositions === 0) return marks;
    const r = rank[termId] as number;
    return r >= rangeLo && r < rangeHi ? (marks | rangePositions) >>> 0 : marks;
  };
  // Per adjacent query-token pair i: the plan-term bits both of its tokens need.
  const pairNeeds = new Uint32Array(32);

  /** Query token i found at name position i, for i = 0, 1, ...: the run length. */
  const leadingRun = (start: number, end: number): number => {
    let run = 0;
    while (run < tokens && start + run < end && ((positionsAt(nameTerms[start + run] as number) >>> run) & 1) === 1) {
      run++;
    }
    return run;
  };

  /**
   * Everything but the phrase part: the start run, an exact name, and how much of the name the
   * query's words cover ("khai sinh" says more about "Đăng ký khai sinh" than about "Đăng ký
   * khai sinh có yếu tố nước ngoài"). Shared by factor and bounds so equal bounds are exact.
   */
  const fixedPart = (start: number, end: number, run: number, nameMask: number): number => {
    const length = end - start;
    let fixed = 1 + START_BONUS * (run / tokens);
    if (run === tokens && length === tokens) fixed += EXACT_BONUS;
    return fixed + COVER_BONUS * Math.min(1, popcount(nameMask) / length);
  };

  const mark = (termId: number, positions: number): void => {
    if (positionsOf[termId] === 0) marked.push(termId);
    positionsOf[termId] = ((positionsOf[termId] as number) | positions) >>> 0;
  };

  return {
    prepare(plan: QueryPlan): void {
      for (const t of marked) positionsOf[t] = 0;
      marked.length = 0;
      tokens = plan.sequence.length;
      rangePositions = 0;
      for (let i = 0; i + 1 < tokens; i++) {
        pairNeeds[i] = ((1 << (plan.sequence[i] as number)) | (1 << (plan.sequence[i + 1] as number))) >>> 0;
      }
      plan.sequence.forEach((u, position) => {
        const term = plan.terms[u];
        if (term === undefined) return;
        const bit = 1 << position;
        for (const t of term.expansionIds) mark(t, bit);
        const range = term.prefixRange;
        if (range !== null) {
          rangePositions = (rangePositions | bit) >>> 0;
          rangeLo = range.lo;
          rangeHi = range.hi;
        }
      });
    },

    factor(d: number, nameMask: number): number {
      const start = nameStart[d] as number;
      const end = nameStart[d + 1] as number;
      if (end === start || tokens === 0 || nameMask === 0) return 1;
      const fixed = fixedPart(start, end, leadingRun(start, end), nameMask);
      if (tokens < 2) return fixed;

      // Adjacent pairs (i, i+1) of the query found adjacent in the name.
      const pairBits = (2 ** (tokens - 1) - 1) >>> 0; // bit i: pair (i, i + 1)
      let pairs = 0;
      let here = positionsAt(nameTerms[start] as number);
      for (let p = start + 1; p < end && pairs !== pairBits; p++) {
        const next = positionsAt(nameTerms[p] as number);
        pairs |= here & (next >>> 1);
        here = next;
      }
      return fixed + PHRASE_BONUS * (popcount(pairs & pairBits) / (tokens - 1));
    },

    bounds(d: number, nameMask: number, out: Float64Array): void {
      const start = nameStart[d] as number;
      const end = nameStart[d + 1] as number;
      if (end === start || tokens === 0 || nameMask === 0) {
        out[0] = 1;
        out[1] = 1;
        return;
      }
      const run = leadingRun(start, end);
      const fixed = fixedPart(start, end, run, nameMask);
      if (tokens < 2) {
        out[0] = fixed;
        out[1] = fixed;
        return;
      }
      // Pairs inside the leading run are certainly adjacent; pairs whose terms are not both in
      // the name certainly are not.
      let possible = 0;
      for (let i = 0; i + 1 < tokens; i++) {
        const need = pairNeeds[i] as number;
        if ((nameMask & need) === need) possible++;
      }
      out[0] = fixed + PHRASE_BONUS * (Math.max(0, run - 1) / (tokens - 1));
      out[1] = fixed + PHRASE_BONUS * (possible / (tokens - 1));
    },
  };
}
