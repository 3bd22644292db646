// A small seeded pseudo-random generator for the synthetic registries. Every record is drawn from a
// generator seeded by its own index, so record n is the same on every machine and run, and can be
// computed alone (no need to generate records 1…n−1 first). Math.random is never used.

export type Random = Readonly<{
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks from [item, weight] pairs with probability proportional to the (positive) weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}>;

/**
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, good enough statistics for demo data and
 * trivial to reimplement in another language if a partner needs the same records.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for record `index` of the data set called `stream`. Different streams (residents,
 * enterprises) hash to different seeds, so resident 5 and enterprise 5 are unrelated.
 */
export function seededRandom(stream: string, index: number): Random {
  let seed = 2166136261; // FNV-1a over the stream name, then mixed with the index
  for (let i = 0; i < stream.length; i++) seed = Math.imul(seed ^ stream.charCodeAt(i), 16777619);
  const next = mulberry32(Math.imul(seed ^ index, 0x9e3779b1));
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let threshold = next() * total;
      for (const [item, weight] of items) {
        threshold -= weight;
        if (threshold < 0) return item;
      }
      const last = items.at(-1);
      if (last === undefined) throw new RangeError('pick from an empty list');
      return last[0];
    },
  };
}

/** Spreads `n` over 0…modulus−1 without repeats: an affine map whose factor is coprime with the modulus. */
export function scatter(n: number, factor: number, offset: number, modulus: number): number {
  // Number arithmetic stays exact while n and factor are below 10⁷: the product is below 2⁵³.
  return (((n * factor + offset) % modulus) + modulus) % modulus;
}
