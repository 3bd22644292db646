/**
 * Typo candidates for query tokens: a SymSpell-style deletion dictionary over the vocabulary.
 *
 * Every vocabulary term is registered under itself and its deletions (1 for short terms, up to 2
 * for long ones); a query token looks up its own deletions and verifies the hits with a bounded
 * optimal-string-alignment (Damerau-Levenshtein with adjacent transpositions) distance. Lookup
 * is a handful of Map probes, independent of vocabulary size, which is what keeps a typo query
 * in the tens of microseconds.
 */

/** Shortest query token that gets typo expansion (shorter tokens have too many neighbours). */
export const MIN_TYPO_LENGTH = 4;
/** Query tokens at least this long tolerate two edits. */
export const TWO_EDIT_LENGTH = 8;
/** Longer tokens are codes or glued text: no typo tolerance, and not worth the memory. */
const MAX_TYPO_LENGTH = 24;

/** Edit budget for a query token of this length (0 = no typo tolerance). */
export function maxEditsFor(length: number): number {
  if (length < MIN_TYPO_LENGTH || length > MAX_TYPO_LENGTH) return 0;
  return length >= TWO_EDIT_LENGTH ? 2 : 1;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `limit + 1` as soon as it is known
 * to exceed `limit`. Tokens are short, so a rolling three-row table is enough.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  const result = prev[m] as number;
  return result > limit ? limit + 1 : result;
}

/** All strings reachable from `s` by deleting up to `depth` characters (including `s`). */
function deletions(s: string, depth: number, out: Set<string>): void {
  out.add(s);
  if (depth === 0 || s.length <= 1) return;
  for (let i = 0; i < s.length; i++) {
    const shorter = s.slice(0, i) + s.slice(i + 1);
    if (!out.has(shorter) || depth > 1) deletions(shorter, depth - 1, out);
  }
}

export type TypoCandidate = { termId: number; distance: number };

export type TypoDictionary = {
  /** Vocabulary terms within the edit budget of `token` (never `token` itself). */
  candidates(token: string): TypoCandidate[];
};

/**
 * `eligible(termId)` excludes terms that must never be suggested (numbers: "2013" is not a typo
 * of "2014").
 */
export function buildTypoDictionary(
  terms: readonly string[],
  eligible: (termId: number) => boolean,
): TypoDictionary {
  // deletion string -> term ids; a single id is stored unboxed since most keys have one term.
  const byDeletion = new Map<string, number | number[]>();
  const scratch = new Set<string>();
  for (let termId = 0; termId < terms.length; termId++) {
    const term = terms[termId] as string;
    // A term can only be the target of a query token within the budget of that token's length.
    if (term.length < MIN_TYPO_LENGTH - 1 || term.length > MAX_TYPO_LENGTH + 2) continue;
    if (!eligible(termId)) continue;
    scratch.clear();
    deletions(term, term.length >= TWO_EDIT_LENGTH - 2 ? 2 : 1, scratch);
    for (const key of scratch) {
      const existing = byDeletion.get(key);
      if (existing === undefined) byDeletion.set(key, termId);
      else if (typeof existing === 'number') byDeletion.set(key, [existing, termId]);
      else existing.push(termId);
    }
  }

  return {
    candidates(token: string): TypoCandidate[] {
      const limit = maxEditsFor(token.length);
      if (limit === 0) return [];
      const keys = new Set<string>();
      deletions(token, limit, keys);
      const seen = new Set<number>();
      const out: TypoCandidate[] = [];
      for (const key of keys) {
        const hit = byDeletion.get(key);
        if (hit === undefined) continue;
        const ids = typeof hit === 'number' ? [hit] : hit;
        for (const termId of ids) {
          if (seen.has(termId)) continue;
          seen.add(termId);
          const term = terms[termId] as string;
          if (term === token) continue;
          const distance = boundedEditDistance(token, term, limit);
          if (distance <= limit) out.push({ termId, distance });
        }
      }
      return out;
    },
  };
}
