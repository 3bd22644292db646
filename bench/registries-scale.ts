// `node bench/run.ts registries-scale` (or `npm run bench -- registries-scale`): person look-up by
// personal ID in a population registry of BENCH_PERSONS persons (default 100 million; target p99 < 5 ms).
// Never part of the default `npm run bench`: loading 100 million persons takes the better part of an
// hour and ~25 GB. The registry lives in its own database (BENCH_SCALE_DATABASE, default congso_scale),
// created when missing and kept between runs: a run finding it already loaded with the same size and
// generator version only measures.
import { mkdir, writeFile } from 'node:fs/promises';
import postgres from 'postgres';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { migrateDatabase } from '../apps/server/src/kernel/db/migrate.ts';
import { createEventBus } from '../apps/server/src/kernel/events/event-bus.ts';
import { createOutbox } from '../apps/server/src/kernel/events/outbox.ts';
import { withDatabase } from '../apps/server/src/kernel/testing/test-database.ts';
import { createRegistriesRepository } from '../apps/server/src/modules/registries/registries.repository.ts';
import { createRegistryRecords } from '../apps/server/src/modules/registries/registry-records.ts';
import { describeProgress, seedSyntheticRegistries, syntheticPerson } from '../apps/server/src/modules/registries/index.ts';

export const REGISTRIES_SCALE = 'registries-scale';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 20_000);
const DATABASE = process.env.BENCH_SCALE_DATABASE ?? 'congso_scale';
const TARGET_P99_MS = 5;

type Latencies = { p50: number; p95: number; p99: number; max: number; perSecond: number };

function percentiles(samples: number[], seconds: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), perSecond: Math.round(samples.length / seconds) };
}

/** `lookups` calls of `lookup` over the IDs by `concurrency` workers; the latency of each call, in ms. */
async function measure(ids: string[], concurrency: number, lookup: (id: string) => Promise<unknown>): Promise<Latencies> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++] ?? '';
        const t0 = performance.now();
        const found = await lookup(id);
        samples.push(performance.now() - t0);
        if (!found) throw new Error(`person ${id} not found: is ${DATABASE} loaded with ${PERSONS} persons?`);
      }
    }),
  );
  return percentiles(samples, (performance.now() - started) / 1000);
}

export async function runRegistriesScale(serverUrl: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (exists.length === 0) await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = connectDatabase(withDatabase(serverUrl, DATABASE), { max: 20, applicationName: 'congso-bench-scale' });
  try {
    await migrateDatabase(database);
    console.log(`Registries scale benchmark: ${PERSONS.toLocaleString('en')} persons in database ${DATABASE}.`);
    const loadStarted = performance.now();
    const seeded = await seedSyntheticRegistries(database, {
      persons: PERSONS,
      onProgress: (p) => console.log(`  load ${describeProgress(p)}`),
    });
    const loadSeconds = Math.round((performance.now() - loadStarted) / 1000);
    console.log(seeded.applied ? `Loaded in ${loadSeconds} s: ${seeded.summary}` : `Already loaded (${seeded.summary}); measuring only.`);
    const [size] = await database.sql<{ table: string; indexes: string }[]>`
      select pg_size_pretty(pg_table_size('registries.person')) as table, pg_size_pretty(pg_indexes_size('registries.person')) as indexes`;

    // Random persons anywhere in the registry: cold pages as well as warm ones, like real traffic.
    const ids = Array.from({ length: LOOKUPS }, () => syntheticPerson(1 + Math.floor(Math.random() * PERSONS)).personalId);
    const repository = createRegistriesRepository(database.db);
    const records = createRegistryRecords({ db: database.db, repository, outbox: createOutbox(createEventBus()) });
    const rows: { path: string; concurrency: number; result: Latencies }[] = [];
    for (const [path, lookup] of [
      ['repository (SQL by primary key)', (id: string) => repository.findPerson(id)],
      ['registry service (validation, view)', (id: string) => records.person(id)],
    ] as const) {
      for (const concurrency of [1, 16]) rows.push({ path, concurrency, result: await measure(ids, concurrency, lookup) });
    }
    const table = [
      `| look-up among ${PERSONS.toLocaleString('en')} persons | concurrency | per s | p50 ms | p95 ms | p99 ms | max ms |`,
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.path} | ${r.concurrency} | ${r.result.perSecond.toLocaleString('en')} | ${r.result.p50} | ${r.result.p95} | ${r.result.p99} | ${r.result.max} |`),
    ].join('\n');
    console.log(`\n${table}\n\nperson table ${size?.table ?? '?'}, its indexes ${size?.indexes ?? '?'}; target p99 < ${TARGET_P99_MS} ms.`);
    await mkdir('.bench', { recursive: true });
    await writeFile('.bench/registries-scale.json', JSON.stringify({ at: new Date().toISOString(), persons: PERSONS, lookups: LOOKUPS, loaded: seeded.applied, loadSeconds: seeded.applied ? loadSeconds : null, size, rows }, null, 2));
  } finally {
    await database.close();
  }
}
