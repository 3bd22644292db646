/**
 * The set of documents a query matches, as a bitset: AND over the query terms (each term is the
 * OR of its expansions), or OR when no document has every term.
 *
 * Common Vietnamese procedure words ("cấp", "giấy", "đăng ký") are in nearly every document's
 * body; on bitsets their intersection still costs ~80 word operations per term.
 */

import { andInto, cardinality, fillAll, orInto, setBit, wordCount } from './bitset.ts';
import type { InvertedIndex } from './inverted-index.ts';
import type { PlannedTerm, QueryPlan } from './query-plan.ts';

export type Matcher = {
  /** Matching documents of `plan`; the bitset is scratch, valid until the next call. */
  match(plan: QueryPlan): { bits: Uint32Array; orMode: boolean };
  /** Documents containing any expansion of `term`; scratch, valid until the next call. */
  termSet(term: PlannedTerm): Uint32Array;
};

export function createMatcher(index: InvertedIndex): Matcher {
  const { docCount, postStart, postDoc, termBitsAt, termBits } = index;
  const words = wordCount(docCount);
  const matched = new Uint32Array(words);
  const set = new Uint32Array(words);

  const termSet = (term: PlannedTerm): Uint32Array => {
    set.fill(0);
    for (const t of term.expansionIds) {
      const at = termBitsAt[t] as number;
      if (at >= 0) {
        orInto(set, termBits.subarray(at, at + words));
      } else {
        for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) setBit(set, postDoc[p] as number);
      }
    }
    return set;
  };

  return {
    termSet,
    match(plan: QueryPlan): { bits: Uint32Array; orMode: boolean } {
      if (plan.terms.length === 0) {
        matched.fill(0);
        return { bits: matched, orMode: false };
      }
      fillAll(matched, docCount);
      for (const term of plan.terms) andInto(matched, termSet(term));
      if (plan.terms.length === 1 || cardinality(matched) > 0) return { bits: matched, orMode: false };
      for (const term of plan.terms) orInto(matched, termSet(term));
      return { bits: matched, orMode: true };
    },
  };
}
