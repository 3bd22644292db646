/**
 * Top-k selection of documents by (score desc, tie rank asc).
 *
 * A page needs only the best page × pageSize documents, usually 20 out of hundreds or thousands
 * of matches; a bounded min-heap over the candidates keeps that O(n log k) with a cheap
 * rejection test for most candidates, instead of sorting every match.
 */

/** Is document a ranked before document b? `tieRank` makes the order total (ids are unique). */
function before(a: number, b: number, score: Float64Array, tieRank: Int32Array): boolean {
  const sa = score[a] as number;
  const sb = score[b] as number;
  return sa > sb || (sa === sb && (tieRank[a] as number) < (tieRank[b] as number));
}

/**
 * Writes the best `min(k, count)` of `candidates[0..count)` into `out` in rank order and returns
 * how many were written. `heap` is caller-provided scratch of at least that size.
 */
export function selectTop(
  candidates: Int32Array,
  count: number,
  k: number,
  score: Float64Array,
  tieRank: Int32Array,
  heap: Int32Array,
  out: Int32Array,
): number {
  const size = Math.min(k, count);
  if (size <= 0) return 0;
  // Min-heap on rank order: the root is the worst of the current best `size`.
  let filled = 0;
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= filled) return;
      const r = l + 1;
      let worst = l;
      if (r < filled && before(heap[l] as number, heap[r] as number, score, tieRank)) worst = r;
      if (!before(heap[i] as number, heap[worst] as number, score, tieRank)) return;
      const tmp = heap[i] as number;
      heap[i] = heap[worst] as number;
      heap[worst] = tmp;
      i = worst;
    }
  };
  // The root's key is cached: most candidates lose against it and cost one comparison.
  let rootScore = -Infinity;
  let rootTie = 0;
  for (let c = 0; c < count; c++) {
    const d = candidates[c] as number;
    if (filled < size) {
      let i = filled++;
      heap[i] = d;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as number, heap[i] as number, score, tieRank)) break;
        const tmp = heap[parent] as number;
        heap[parent] = heap[i] as number;
        heap[i] = tmp;
        i = parent;
      }
    } else {
      const s = score[d] as number;
      if (s < rootScore || (s === rootScore && (tieRank[d] as number) > rootTie)) continue;
      heap[0] = d;
      siftDown(0);
    }
    if (filled === size) {
      const root = heap[0] as number;
      rootScore = score[root] as number;
      rootTie = tieRank[root] as number;
    }
  }
  // Pop worst-first into the back of `out`.
  for (let i = size - 1; i >= 0; i--) {
    out[i] = heap[0] as number;
    heap[0] = heap[--filled] as number;
    siftDown(0);
  }
  return size;
}
