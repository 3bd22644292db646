/**
 * Document sets as bitsets (32 documents per Uint32 word). The catalogue is a few thousand
 * documents, so a set is ~80 words: intersecting query terms and filters costs a few hundred
 * word operations however common the words are, which is what keeps generic queries ("cấp giấy
 * phép") cheap.
 */

export function wordCount(size: number): number {
  return (size + 31) >>> 5;
}

export function hasBit(bits: Uint32Array, d: number): boolean {
  return (((bits[d >>> 5] as number) >>> (d & 31)) & 1) === 1;
}

export function setBit(bits: Uint32Array, d: number): void {
  bits[d >>> 5] = ((bits[d >>> 5] as number) | (1 << (d & 31))) >>> 0;
}

/** Sets the first `size` bits and clears the padding of the last word. */
export function fillAll(bits: Uint32Array, size: number): void {
  bits.fill(0xffffffff);
  const tail = size & 31;
  if (tail !== 0 && bits.length > 0) bits[bits.length - 1] = (0xffffffff >>> (32 - tail)) >>> 0;
}

/** target &= other */
export function andInto(target: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < target.length; w++) target[w] = ((target[w] as number) & (other[w] as number)) >>> 0;
}

/** target |= other */
export function orInto(target: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < target.length; w++) target[w] = ((target[w] as number) | (other[w] as number)) >>> 0;
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function cardinality(bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) n += popcount32(bits[w] as number);
  return n;
}

/** Writes the members of `bits` in ascending order into `out`; returns how many. */
export function members(bits: Uint32Array, out: Int32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      out[n++] = (w << 5) + 31 - Math.clz32(low);
      word = (word ^ low) >>> 0;
    }
  }
  return n;
}
