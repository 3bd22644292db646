/**
 * Lexicographic view of the vocabulary for prefix (search-as-you-type) matching.
 *
 * Terms keep their insertion ids everywhere else; `rank[termId]` is the term's position in
 * code-unit order, so "all terms starting with p" is one contiguous rank range [lo, hi) found by
 * two binary searches, and "does term t start with p" is an integer comparison.
 */

export type RankRange = { lo: number; hi: number };

export type Vocabulary = {
  readonly terms: readonly string[];
  /** termId -> rank in sorted order. */
  readonly rank: Int32Array;
  /** rank -> termId. */
  readonly byRank: Int32Array;
  /** Ranks of the terms that start with `prefix` (empty range when none). */
  prefixRange(prefix: string): RankRange;
};

export function buildVocabulary(terms: readonly string[]): Vocabulary {
  const byRank = Int32Array.from(terms.keys());
  byRank.sort((a, b) => {
    const x = terms[a] as string;
    const y = terms[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(terms.length);
  for (let r = 0; r < byRank.length; r++) rank[byRank[r] as number] = r;
  const sorted = Array.from(byRank, (id) => terms[id] as string);

  return {
    terms,
    rank,
    byRank,
    prefixRange(prefix: string): RankRange {
      // First term >= prefix.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      const start = lo;
      // First term after start that does not start with prefix; the matches are contiguous.
      hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as string).startsWith(prefix)) lo = mid + 1;
        else hi = mid;
      }
      return { lo: start, hi: lo };
    },
  };
}
