/**
 * Scoring and top-k selection of the documents that passed the query and the filters.
 *
 * A document's score is Σ over query terms of (best name weight + best body weight among the
 * term's expansions), plus accent bonuses, times the name-shape factor (see ranking.ts).
 *
 * Generic queries ("thủ tục cấp giấy phép") match most of the catalogue through body text, but
 * only a page of results is wanted and names dominate the score. So names are scored first, from
 * the short per-term name lists; body weights are bounded per term (maxBody), which bounds what
 * any document can still gain; body postings are then read only for the documents whose upper
 * bound can reach the k-th best lower bound. The result is exact: the same top k, in the same
 * order, as scoring everything (which is what happens when no bound prunes).
 *
 * Scratch arrays are allocated once per index and cleared through the previous result list, so
 * a query allocates nothing proportional to the corpus.
 */

import { hasBit, members, setBit } from './bitset.ts';
import type { InvertedIndex } from './inverted-index.ts';
import type { Matcher } from './match.ts';
import { createNameShape, MAX_NAME_SHAPE_FACTOR } from './name-shape.ts';
import type { PlannedTerm, QueryPlan } from './query-plan.ts';
import { ACCENT_BONUS } from './ranking.ts';
import { selectTop } from './top-k.ts';

export type RankRequest = {
  plan: QueryPlan;
  /** The match used OR semantics: scores are scaled by term coverage². */
  orMode: boolean;
  /** Documents to rank, ascending ids, and the same set as a bitset. */
  docs: Int32Array;
  count: number;
  docBits: Uint32Array;
  /** How many of the best to return. */
  k: number;
  /** Tie-break rank per document (lower first). */
  tieRank: Int32Array;
};

export type Ranker = {
  /** Writes the best `k` documents into `out` in rank order; returns how many. */
  rank(request: RankRequest, out: Int32Array): number;
  /** Final scores of the documents the last `rank` returned. */
  readonly score: Float64Array;
  /** Whether every query term document `d` matched was found in its name (last `rank`). */
  nameMatched(d: number): boolean;
};

/** Relative cost of a binary-search probe vs reading one posting sequentially. */
const PROBE_COST = 12;
/** Below k × this many documents, scoring every body is cheaper than bounding. */
const BOUNDED_MIN_RATIO = 4;
/** Slack for float summation order when comparing bounds (bounds stay conservative). */
const BOUND_SLACK = 1 + 1e-9;

function popcount(x: number): number {
  let n = 0;
  for (let rest = x; rest !== 0; rest &= rest - 1) n++;
  return n;
}

export function createRanker(index: InvertedIndex, matcher: Matcher): Ranker {
  const { docCount, postStart, postDoc, postBody, maxBody, inNameStart, inNameDoc, inNameWeight, denseBodyAt, denseNameAt, dense } =
    index;
  const score = new Float64Array(docCount);
  const lower = new Float64Array(docCount);
  const shapeBounds = new Float64Array(2);
  const shapeLow = new Float64Array(docCount);
  const shapeHigh = new Float64Array(docCount);
  const termScore = new Float64Array(docCount); // kept all-zero between uses
  const nameMask = new Uint32Array(docCount);
  const termMask = new Uint32Array(docCount);
  const named = new Int32Array(docCount);
  const termDocs = new Int32Array(docCount);
  const survivors = new Int32Array(docCount);
  const candidates = new Int32Array(docCount);
  const candidateBits = new Uint32Array((docCount + 31) >>> 5);
  const previous = new Int32Array(docCount);
  const heap = new Int32Array(docCount);
  const top = new Int32Array(docCount);
  const shape = createNameShape(index);
  let previousCount = 0;
  let namedCount = 0;
  let fullMask = 0;
  let lastOrMode = false;

  /**
   * Records name weight `w` of query term `bit` for document `d`. With `direct` (the term has one
   * expansion) the weight goes straight into the score; otherwise the best expansion per
   * document is kept in termScore (documents listed in termDocs) and added once the term is
   * done. Returns the number of termDocs entries. Counts are passed in and out rather than kept
   * in closure variables, which hot loops cannot hold in registers.
   */
  const offerName = (d: number, bit: number, w: number, direct: boolean, termDocCount: number): number => {
    const mask = nameMask[d] as number;
    if ((mask & bit) === 0) {
      if (mask === 0) named[namedCount++] = d;
      nameMask[d] = (mask | bit) >>> 0;
      if (direct) {
        score[d] = (score[d] as number) + w;
        return termDocCount;
      }
      termScore[d] = w;
      termDocs[termDocCount] = d;
      return termDocCount + 1;
    }
    if (!direct && w > (termScore[d] as number)) termScore[d] = w;
    return termDocCount;
  };

  /** Name weights (best expansion per term) and accent bonuses for `docs[0..count)`. */
  const scoreNames = (plan: QueryPlan, docs: Int32Array, count: number, docBits: Uint32Array): void => {
    namedCount = 0;
    for (let u = 0; u < plan.terms.length; u++) {
      const term = plan.terms[u] as PlannedTerm;
      const bit = 1 << u;
      const direct = term.expansionIds.length === 1;
      let termDocCount = 0;
      for (let e = 0; e < term.expansionIds.length; e++) {
        const t = term.expansionIds[e] as number;
        const factor = term.expansionFactors[e] as number;
        const at = denseNameAt[t] as number;
        const from = inNameStart[t] as number;
        const end = inNameStart[t + 1] as number;
        if (at >= 0 && count < end - from) {
          for (let i = 0; i < count; i++) {
            const d = docs[i] as number;
            const w = dense[at + d] as number;
            if (w > 0) termDocCount = offerName(d, bit, w * factor, direct, termDocCount);
          }
        } else {
          for (let p = from; p < end; p++) {
            const d = inNameDoc[p] as number;
            if (hasBit(docBits, d)) termDocCount = offerName(d, bit, (inNameWeight[p] as number) * factor, direct, termDocCount);
          }
        }
      }
      for (let i = 0; i < termDocCount; i++) {
        const d = termDocs[i] as number;
        score[d] = (score[d] as number) + (termScore[d] as number);
        termScore[d] = 0;
      }
      addAccentBonus(term, bit);
    }
  };

  const addAccentBonus = (term: PlannedTerm, bit: number): void => {
    if (term.accent === null) return;
    const docs = index.accentNames.get(term.accent);
    if (docs === undefined) return;
    const bonus = ACCENT_BONUS * term.idf;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      if (((nameMask[d] as number) & bit) !== 0) score[d] = (score[d] as number) + bonus;
    }
  };

  /** Adds body weights (best expansion per term) for `docs[0..count)`, also marked in `bits`. */
  const scoreBodies = (plan: QueryPlan, docs: Int32Array, count: number, bits: Uint32Array): void => {
    for (const term of plan.terms) {
      let postings = 0;
      for (const t of term.expansionIds) postings += (postStart[t + 1] as number) - (postStart[t] as number);
      const probe = count * PROBE_COST < postings;
      let useful = false;
      for (let e = 0; e < term.expansionIds.length; e++) {
        const t = term.expansionIds[e] as number;
        if (maxBody[t] === 0) continue; // a near-stopword: no body weight at all (ranking.ts)
        useful = true;
        const factor = term.expansionFactors[e] as number;
        const end = postStart[t + 1] as number;
        const at = denseBodyAt[t] as number;
        if (at >= 0) {
          for (let i = 0; i < count; i++) {
            const d = docs[i] as number;
            const w = (dense[at + d] as number) * factor;
            if (w > (termScore[d] as number)) termScore[d] = w;
          }
        } else if (probe) {
          let from = postStart[t] as number;
          for (let i = 0; i < count && from < end; i++) {
            const d = docs[i] as number;
            let hi = end;
            while (from < hi) {
              const mid = (from + hi) >>> 1;
              if ((postDoc[mid] as number) < d) from = mid + 1;
              else hi = mid;
            }
            if (from < end && postDoc[from] === d) {
              const w = (postBody[from] as number) * factor;
              if (w > (termScore[d] as number)) termScore[d] = w;
            }
          }
        } else {
          for (let p = postStart[t] as number; p < end; p++) {
            const d = postDoc[p] as number;
            if (!hasBit(bits, d)) continue;
            const w = (postBody[p] as number) * factor;
            if (w > (termScore[d] as number)) termScore[d] = w;
          }
        }
      }
      if (!useful) continue;
      for (let i = 0; i < count; i++) {
        const d = docs[i] as number;
        score[d] = (score[d] as number) + (termScore[d] as number);
        termScore[d] = 0;
      }
    }
  };

  /** The most body weight any document can add for this plan. */
  const bodyBound = (plan: QueryPlan): number => {
    let total = 0;
    for (const term of plan.terms) {
      let best = 0;
      term.expansionIds.forEach((t, e) => {
        best = Math.max(best, (maxBody[t] as number) * (term.expansionFactors[e] as number));
      });
      total += best;
    }
    return total * BOUND_SLACK;
  };

  /** Name-shape factor bounds into shapeLow/shapeHigh (1 for documents without name match). */
  const boundShapes = (list: Int32Array, n: number): void => {
    for (let i = 0; i < n; i++) {
      const d = list[i] as number;
      const mask = nameMask[d] as number;
      if (mask === 0) {
        shapeLow[d] = 1;
        shapeHigh[d] = 1;
      } else {
        shape.bounds(d, mask, shapeBounds);
        shapeLow[d] = shapeBounds[0] as number;
        shapeHigh[d] = shapeBounds[1] as number;
      }
    }
  };

  /** The k-th best lower bound (score × shapeLow) over `list`, or -Infinity if n < k. */
  const floorOf = (list: Int32Array, n: number, k: number, tieRank: Int32Array): number => {
    if (n < k) return -Infinity;
    for (let i = 0; i < n; i++) {
      const d = list[i] as number;
      lower[d] = (score[d] as number) * (shapeLow[d] as number);
    }
    const got = selectTop(list, n, k, lower, tieRank, heap, top);
    return lower[top[got - 1] as number] as number;
  };

  /**
   * Exact top k of `list[0..n)` whose scores are final but for the name shape (bounds set):
   * the exact shape is only computed where the upper bound reaches the k-th best lower bound.
   */
  const selectShaped = (list: Int32Array, n: number, k: number, tieRank: Int32Array, out: Int32Array): number => {
    const floor = floorOf(list, n, k, tieRank);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const d = list[i] as number;
      const high = shapeHigh[d] as number;
      if ((score[d] as number) * high * BOUND_SLACK < floor) continue;
      // Equal bounds are the exact factor (always so for one-word queries): no name walk.
      if (nameMask[d] !== 0) score[d] = (score[d] as number) * (shapeLow[d] === high ? high : shape.factor(d, nameMask[d] as number));
      survivors[kept++] = d;
    }
    return selectTop(survivors, kept, k, score, tieRank, heap, out);
  };

  /**
   * AND queries over many documents: names are scored, bodies not yet. A name score times the
   * shape's lower bound is a lower bound of the final score, and (name score + the most any body
   * can add) times the shape's upper bound an upper bound; bodies are scored only for documents
   * whose upper bound reaches the k-th best lower bound. Documents without a name match all
   * share the upper bound `bodyMax`.
   */
  const selectByBounds = (plan: QueryPlan, docs: Int32Array, count: number, k: number, tieRank: Int32Array, out: Int32Array): number => {
    const bodyMax = bodyBound(plan);
    // The floor only needs some k documents' lower bounds (the k-th best of any subset is at
    // most the k-th best overall); the documents with every term in the name are the strongest
    // and usually plenty, which spares the shape bounds of all the others.
    let strong = 0;
    for (let i = 0; i < namedCount; i++) {
      const d = named[i] as number;
      if (nameMask[d] === fullMask) survivors[strong++] = d;
    }
    let floor: number;
    if (strong >= k) {
      boundShapes(survivors, strong);
      floor = floorOf(survivors, strong, k, tieRank);
    } else {
      boundShapes(named, namedCount);
      floor = floorOf(named, namedCount, k, tieRank);
    }
    // Candidates go into a bitset first: its members come out in ascending id order, which the
    // body pass wants, without a sort. The cheap bound (maximum shape factor) goes first.
    candidateBits.fill(0);
    for (let i = 0; i < namedCount; i++) {
      const d = named[i] as number;
      const reach = ((score[d] as number) + bodyMax) * BOUND_SLACK;
      if (reach * MAX_NAME_SHAPE_FACTOR < floor) continue;
      if (strong >= k && nameMask[d] !== fullMask) {
        shape.bounds(d, nameMask[d] as number, shapeBounds);
        shapeLow[d] = shapeBounds[0] as number;
        shapeHigh[d] = shapeBounds[1] as number;
      }
      if (reach * (shapeHigh[d] as number) >= floor) setBit(candidateBits, d);
    }
    if (bodyMax * BOUND_SLACK >= floor) {
      for (let i = 0; i < count; i++) {
        const d = docs[i] as number;
        if (nameMask[d] !== 0) continue;
        shapeLow[d] = 1;
        shapeHigh[d] = 1;
        setBit(candidateBits, d);
      }
    }
    const n = members(candidateBits, candidates);
    scoreBodies(plan, candidates, n, candidateBits);
    return selectShaped(candidates, n, k, tieRank, out);
  };

  const rank = (request: RankRequest, out: Int32Array): number => {
    const { plan, orMode, docs, count, docBits, k, tieRank } = request;
    for (let i = 0; i < previousCount; i++) {
      const d = previous[i] as number;
      score[d] = 0;
      nameMask[d] = 0;
      termMask[d] = 0;
    }
    previous.set(docs.subarray(0, count));
    previousCount = count;
    fullMask = (1 << plan.terms.length) - 1;
    lastOrMode = orMode;
    if (count === 0 || k <= 0) return 0;

    shape.prepare(plan);
    scoreNames(plan, docs, count, docBits);
    // Small lists, and OR matches (whose coverage factor needs every term's presence), are
    // scored in full; otherwise bodies are read only where the bounds say they can matter.
    if (!orMode && count > k * BOUNDED_MIN_RATIO) return selectByBounds(plan, docs, count, k, tieRank, out);
    scoreBodies(plan, docs, count, docBits);
    if (orMode) {
      plan.terms.forEach((term, u) => {
        const set = matcher.termSet(term);
        for (let i = 0; i < count; i++) {
          const d = docs[i] as number;
          if (hasBit(set, d)) termMask[d] = ((termMask[d] as number) | (1 << u)) >>> 0;
        }
      });
      for (let i = 0; i < count; i++) {
        const d = docs[i] as number;
        const coverage = popcount(termMask[d] as number) / plan.terms.length;
        score[d] = (score[d] as number) * coverage * coverage;
      }
    }
    boundShapes(docs, count);
    return selectShaped(docs, count, k, tieRank, out);
  };

  return {
    rank,
    score,
    nameMatched(d: number): boolean {
      return nameMask[d] === (lastOrMode ? termMask[d] : fullMask);
    },
  };
}
