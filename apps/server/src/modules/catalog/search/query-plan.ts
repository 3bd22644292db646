/**
 * Turns the raw query string into a plan: the distinct query terms, what vocabulary terms each
 * one matches (exact, typo neighbours, prefix completions) and at which weight.
 *
 * The plan is small (≤ MAX_QUERY_TERMS terms with a few expansions each); building it costs a few
 * Map probes, plus deletion lookups only for tokens missing from (or rare in) the vocabulary.
 */

import { searchTokens } from './fold.ts';
import { MAX_INDEXED_PREFIX, prefixKey, type InvertedIndex } from './inverted-index.ts';
import { idf as bm25Idf, PREFIX_FACTOR, TYPO_FACTOR_1, TYPO_FACTOR_2 } from './ranking.ts';
import type { TypoDictionary } from './typo.ts';
import type { RankRange } from './vocabulary.ts';

/** Longer input is cut: nobody types more, and it bounds the work an abusive query can cause. */
export const MAX_QUERY_CHARS = 256;
/**
 * Query terms and token positions are tracked as bits of 32-bit masks (kept below the sign bit).
 * 31 tokens covers a pasted procedure name up to its distinguishing tail ("… cấp Trung ương").
 */
export const MAX_QUERY_TERMS = 31;
/** A token seen in at most this many documents is suspicious enough to also try its typo neighbours. */
const RARE_DOC_FREQ = 2;
const MAX_TYPO_EXPANSIONS = 8;
/** A longer (unindexed) prefix expands to at most this many completions, the most frequent. */
const MAX_PREFIX_EXPANSIONS = 16;
/** Long-prefix completions weighing less than this next to an exact word are not worth their postings. */
const MIN_COMPLETION_FACTOR = 0.05;

export type PlannedTerm = {
  /** Vocabulary terms matched through postings, with their weight factors (parallel arrays). */
  readonly expansionIds: readonly number[];
  readonly expansionFactors: readonly number[];
  /**
   * When a prefix pseudo-term is among the expansions, the vocabulary ranks of the words it
   * stands for: the name-shape bonus uses it to see the half-typed word in a name (names hold
   * words, not pseudo-terms). Null otherwise; longer prefixes' completions are expansions.
   */
  readonly prefixRange: RankRange | null;
  /** The token's accent key when the user typed diacritics, else null. */
  readonly accent: string | null;
  /** idf of the exact term, or of its best expansion; scales the accent bonus. */
  readonly idf: number;
};

export type QueryPlan = {
  readonly terms: readonly PlannedTerm[];
  /** Query tokens in order, as indexes into `terms` (repeated tokens share a term). */
  readonly sequence: readonly number[];
};

const HAS_DIGIT = /\d/;
const ENDS_IN_WORD_CHAR = /[\p{L}\p{N}\p{M}]$/u;

export function planQuery(rawQuery: string, index: InvertedIndex, typos: TypoDictionary): QueryPlan {
  const text = rawQuery.slice(0, MAX_QUERY_CHARS);
  const { keys, accents } = searchTokens(text);
  const tokenCount = Math.min(keys.length, MAX_QUERY_TERMS);
  // Search-as-you-type: the last token is a prefix unless the user has typed past it.
  const lastIsPrefix = tokenCount === keys.length && ENDS_IN_WORD_CHAR.test(text);

  const termIndex = new Map<string, number>();
  const distinctKeys: string[] = [];
  const distinctAccents: (string | null)[] = [];
  const sequence: number[] = [];
  for (let i = 0; i < tokenCount; i++) {
    const key = keys[i] as string;
    let u = termIndex.get(key);
    if (u === undefined) {
      u = distinctKeys.length;
      termIndex.set(key, u);
      distinctKeys.push(key);
      distinctAccents.push(null);
    }
    const accent = accents[i] as string;
    if (accent !== key) distinctAccents[u] = accent;
    sequence.push(u);
  }
  const prefixTerm = lastIsPrefix && tokenCount > 0 ? (sequence[tokenCount - 1] as number) : -1;

  const terms = distinctKeys.map((key, u) =>
    planTerm(key, distinctAccents[u] ?? null, u === prefixTerm, index, typos),
  );
  return { terms, sequence };
}

function planTerm(
  key: string,
  accent: string | null,
  isPrefix: boolean,
  index: InvertedIndex,
  typos: TypoDictionary,
): PlannedTerm {
  const factors = new Map<number, number>();
  const offer = (termId: number, factor: number): void => {
    if ((factors.get(termId) ?? 0) < factor) factors.set(termId, factor);
  };
  const exact = index.termIds.get(key);
  if (exact !== undefined) offer(exact, 1);

  // Search-as-you-type: a half-typed word that some vocabulary word completes is unfinished,
  // not misspelled ("thuo" is on its way to "thuong", not a typo of "thue").
  const range = isPrefix ? index.vocabulary.prefixRange(key) : null;
  const completed = range !== null && range.hi - range.lo > (exact === undefined ? 0 : 1);

  const rare = exact === undefined || (index.docFreq[exact] as number) <= RARE_DOC_FREQ;
  if (rare && !completed && !HAS_DIGIT.test(key)) {
    const candidates = typos.candidates(key);
    candidates.sort(
      (a, b) =>
        a.distance - b.distance ||
        (index.docFreq[b.termId] as number) - (index.docFreq[a.termId] as number) ||
        a.termId - b.termId,
    );
    for (const candidate of candidates.slice(0, MAX_TYPO_EXPANSIONS)) {
      offer(candidate.termId, candidate.distance === 1 ? TYPO_FACTOR_1 : TYPO_FACTOR_2);
    }
  }

  let completions: RankRange | null = null;
  if (range !== null) {
    if (key.length <= MAX_INDEXED_PREFIX) {
      const pseudo = index.termIds.get(prefixKey(key));
      if (pseudo !== undefined) {
        // "cap" also completes to rare words ("capital"), which makes its pseudo-term rarer than
        // the common word "cấp" itself; what the user typed is no rarer than that word. Kept even
        // when that leaves it almost no weight: "thu tuc co" is on its way to "công".
        const docFreq = Math.max(index.docFreq[pseudo] as number, exact === undefined ? 0 : (index.docFreq[exact] as number));
        offer(pseudo, PREFIX_FACTOR * Math.min(1, bm25Idf(index.docCount, docFreq) / (index.idf[pseudo] as number)));
        completions = range;
      }
    } else {
      offerCompletions(range, exact, index, offer);
    }
  }

  const expansionIds = [...factors.keys()];
  const expansionFactors = expansionIds.map((id) => factors.get(id) as number);
  let idf = 0;
  if (exact !== undefined) idf = index.idf[exact] as number;
  else for (const id of expansionIds) idf = Math.max(idf, index.idf[id] as number);
  return {
    expansionIds,
    expansionFactors,
    prefixRange: completions,
    accent,
    idf,
  };
}

/**
 * Offers the completions of an unindexed (longer) prefix. Each completion's weight is scaled
 * down to the idf of the most frequent completion: the user has typed the prefix, not the rare
 * word that happens to complete it, so a rare completion must not outrank the common one.
 */
function offerCompletions(
  range: RankRange,
  exact: number | undefined,
  index: InvertedIndex,
  offer: (termId: number, factor: number) => void,
): void {
  const ids: number[] = [];
  for (let r = range.lo; r < range.hi; r++) {
    const id = index.vocabulary.byRank[r] as number;
    if (id !== exact) ids.push(id);
  }
  if (ids.length === 0) return;
  ids.sort((a, b) => (index.docFreq[b] as number) - (index.docFreq[a] as number) || a - b);
  let maxDocFreq = exact === undefined ? 0 : (index.docFreq[exact] as number);
  maxDocFreq = Math.max(maxDocFreq, index.docFreq[ids[0] as number] as number);
  const prefixIdf = bm25Idf(index.docCount, maxDocFreq);
  for (const id of ids.slice(0, MAX_PREFIX_EXPANSIONS)) {
    const factor = PREFIX_FACTOR * Math.min(1, prefixIdf / (index.idf[id] as number));
    // Next to a common exact word, rare completions end up weighing next to nothing; they would
    // only cost postings scans (the catalogue has glued tokens like "phap08").
    if (exact !== undefined && factor < MIN_COMPLETION_FACTOR) continue;
    offer(id, factor);
  }
}
