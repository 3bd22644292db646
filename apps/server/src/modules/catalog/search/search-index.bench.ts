/**
 * Micro-benchmark of the search index on the real national catalogue (not a test).
 *
 *   node apps/server/src/modules/catalog/search/search-index.bench.ts [queries=10000]
 *
 * Builds the index over the 2,642 procedures of data/vn-tthc-catalog, then times a mix of
 * realistic queries (whole names, typed-so-far prefixes, accentless, i/y variants, typos, single
 * words, filters, empty browse) and prints build time, heap growth and per-query latency.
 */

import { fileURLToPath } from 'node:url';
import { foldTokens } from './fold.ts';
import { loadRealCatalog } from './real-catalog.ts';
import { buildSearchIndex, type SearchDoc, type SearchQuery } from './search-index.ts';
import { POPULAR_QUERIES } from './popular-queries.ts';

/** Deterministic PRNG so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function typo(word: string, rand: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const kind = Math.floor(rand() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1); // deletion
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i); // doubling
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1); // transposition
}

export type QueryKind = 'name' | 'prefix' | 'accentless' | 'typo' | 'word' | 'filtered' | 'browse';

export function makeQueries(docs: readonly SearchDoc[], count: number): { kind: QueryKind; query: SearchQuery }[] {
  const rand = mulberry32(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const kinds: QueryKind[] = ['name', 'prefix', 'accentless', 'typo', 'word', 'filtered', 'browse'];
  const out: { kind: QueryKind; query: SearchQuery }[] = [];
  for (let i = 0; i < count; i++) {
    const doc = pick(docs);
    const words = doc.name.split(/\s+/).slice(0, 2 + Math.floor(rand() * 4));
    const kind = pick(kinds);
    const base = { page: 1, pageSize: 20 };
    switch (kind) {
      case 'name':
        out.push({ kind, query: { ...base, q: words.join(' ') } });
        break;
      case 'prefix': {
        const text = words.join(' ');
        out.push({ kind, query: { ...base, q: text.slice(0, Math.max(1, text.length - 1 - Math.floor(rand() * 4))) } });
        break;
      }
      case 'accentless':
        out.push({ kind, query: { ...base, q: foldTokens(words.join(' ')).join(' ') } });
        break;
      case 'typo':
        out.push({ kind, query: { ...base, q: foldTokens(words.join(' ')).map((w) => typo(w, rand)).join(' ') } });
        break;
      case 'word':
        out.push({ kind, query: { ...base, q: pick(foldTokens(doc.name).filter((w) => w.length > 2)) ?? 'cap' } });
        break;
      case 'filtered':
        out.push({
          kind,
          query: { ...base, q: words.slice(0, 2).join(' '), levels: doc.filters.levels.slice(0, 1), field: doc.filters.field ?? undefined },
        });
        break;
      case 'browse':
        out.push({ kind, query: { ...base, page: 1 + Math.floor(rand() * 5), levels: doc.filters.levels.slice(0, 1) } });
        break;
    }
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The HTTP benchmark's search mix (bench/scenarios.ts) plus a few typing states, timed one by one. */
const TYPICAL = [...POPULAR_QUERIES, 'đăng kí thường trú', 'dang ky thuong t', 'cấp giấy phép'];

function main(): void {
  const queryCount = Number(process.argv[2] ?? 10000);
  const docs = loadRealCatalog();
  globalThis.gc?.();
  const before = process.memoryUsage();
  const buildStart = process.hrtime.bigint();
  const index = buildSearchIndex(docs);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
  console.log(`docs: ${index.size}, build: ${buildMs.toFixed(0)} ms`);
  console.log(
    `memory: heap +${mib(after.heapUsed - before.heapUsed)}, typed arrays +${mib(after.arrayBuffers - before.arrayBuffers)}` +
      (globalThis.gc === undefined ? ' (run with --expose-gc for stable figures)' : ''),
  );

  const queries = makeQueries(docs, queryCount);
  for (const { query } of queries.slice(0, 2000)) index.search(query); // warm-up / JIT
  const times = new Float64Array(queries.length);
  const byKind = new Map<QueryKind, number[]>();
  const start = process.hrtime.bigint();
  queries.forEach(({ kind, query }, i) => {
    const t0 = process.hrtime.bigint();
    index.search(query);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    times[i] = us;
    const list = byKind.get(kind) ?? [];
    list.push(us);
    byKind.set(kind, list);
  });
  const totalUs = Number(process.hrtime.bigint() - start) / 1000;
  const sorted = times.slice().sort();
  console.log(
    `${queries.length} mixed queries: mean ${(totalUs / queries.length).toFixed(1)} µs/query, ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} µs, p90 ${percentile(sorted, 90).toFixed(1)} µs, ` +
      `p99 ${percentile(sorted, 99).toFixed(1)} µs, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} µs`,
  );
  for (const [kind, list] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const s = Float64Array.from(list).sort();
    console.log(
      `  ${kind.padEnd(10)} n=${String(s.length).padStart(5)}  p50 ${percentile(s, 50).toFixed(1).padStart(6)} µs  p99 ${percentile(s, 99).toFixed(1).padStart(7)} µs`,
    );
  }

  console.log('typical queries (page 1 of 20, mean of 2000 after warm-up):');
  for (const q of TYPICAL) {
    const query = { q, page: 1, pageSize: 20 };
    for (let i = 0; i < 500; i++) index.search(query);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) index.search(query);
    const us = Number(process.hrtime.bigint() - t0) / 2000 / 1000;
    const { total, items } = index.search(query);
    const first = docs.find((doc) => doc.id === items[0]?.id)?.name ?? '';
    console.log(`  ${q.padEnd(24)} ${us.toFixed(1).padStart(6)} µs  total ${String(total).padStart(4)}  → ${first.slice(0, 60)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
