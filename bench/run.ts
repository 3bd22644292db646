// `npm run bench`: throughput and latency of the platform's hot paths, each reported as a ratio to a
// Fastify hello-world measured in the same run on the same machine (machines are shared and noisy).
// Servers run on core 0 and the load generator on core 1 when `taskset` is available.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/server/src/kernel/db/embedded.ts';
import { prepareTemplate, withDatabase } from '../apps/server/src/kernel/testing/test-database.ts';
import { seedReferenceData } from '../apps/server/src/main/seed.ts';
import { scenarios, type Scenario } from './scenarios.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const only = process.argv.slice(2);
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const logger = pino({ level: 'warn' });

type LoadResult = { requestsPerSecond: number; total: number; p50: number; p90: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number };

function pinned(core: number, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, args];
}

async function startServer(args: string[]): Promise<{ child: ChildProcess; port: number; rss: number | undefined }> {
  const [command, argv] = pinned(0, args);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)(?: rss=(\d+))?/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), rss: match[2] ? Number(match[2]) : undefined });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

const hasWrk = spawnSync('wrk', ['--version']).error === undefined;

/**
 * One load run on core 1: wrk (C, Debian package `wrk`) when installed, else autocannon. wrk is
 * preferred because autocannon, being JavaScript, becomes the bottleneck on multi-kilobyte replies.
 */
async function load(port: number, scenario: Scenario, seconds: number): Promise<LoadResult> {
  const requestsFile = join(tmpdir(), `congso-bench-requests-${process.pid}`);
  let run;
  if (hasWrk) {
    await writeFile(requestsFile, scenario.requests.map((r) => r.path).join('\n') + '\n');
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '-s', 'bench/wrk-paths.lua', `http://127.0.0.1:${port}`];
    const [command, argv] = hasTaskset ? ['taskset', ['-c', '1', 'wrk', ...args]] : ['wrk', args];
    run = spawnSync(command, argv, { encoding: 'utf8', env: { ...process.env, BENCH_PATHS: requestsFile } });
  } else {
    // The request list goes through a file: thousands of paths do not fit on a command line.
    await writeFile(requestsFile, JSON.stringify(scenario.requests));
    const [command, argv] = pinned(1, ['bench/load.ts', `http://127.0.0.1:${port}`, requestsFile, String(CONNECTIONS), String(seconds)]);
    run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 10_000_000 });
  }
  await rm(requestsFile, { force: true });
  if (run.status !== 0) throw new Error(`load generator failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

async function measure(port: number, scenario: Scenario): Promise<LoadResult> {
  await load(port, scenario, WARMUP_SECONDS);
  return load(port, scenario, SECONDS);
}

let embedded: EmbeddedDatabase | undefined;
let embeddedDir: string | undefined;
const children: ChildProcess[] = [];
const databaseName = `congso_bench_${process.pid}`;
let serverUrl = process.env.DATABASE_URL;
try {
  if (!serverUrl) {
    embeddedDir = await mkdtemp(join(tmpdir(), 'congso-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, logger });
    serverUrl = embedded.url;
  }
  await prepareTemplate(serverUrl, databaseName, (database) => seedReferenceData(database, logger));

  console.log(`Congso benchmarks: ${CONNECTIONS} connections, ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up; ` +
    `${hasTaskset ? 'servers on core 0, load on core 1' : 'unpinned (no taskset)'}; load generator ${hasWrk ? 'wrk' : 'autocannon'}; Node ${process.version}.`);
  const hello = await startServer(['bench/hello-server.ts']);
  children.push(hello.child);
  const baseline = await measure(hello.port, { name: 'hello-world', requests: [{ path: '/' }] });
  hello.child.kill();

  const congso = await startServer(['bench/congso-server.ts', withDatabase(serverUrl, databaseName)]);
  children.push(congso.child);
  const rows: { scenario: string; target?: string; result: LoadResult; ratio: number }[] = [
    { scenario: 'Fastify hello-world (baseline)', result: baseline, ratio: 1 },
  ];
  for (const scenario of scenarios) {
    if (only.length > 0 && !only.some((name) => scenario.name.includes(name))) continue;
    const result = await measure(congso.port, scenario);
    rows.push({ scenario: scenario.name, ...(scenario.target ? { target: scenario.target } : {}), result, ratio: result.requestsPerSecond / baseline.requestsPerSecond });
  }
  congso.child.kill();

  const table = [
    '| scenario | req/s | ratio to hello-world | p50 ms | p99 ms | errors / non-2xx | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) =>
      `| ${row.scenario} | ${Math.round(row.result.requestsPerSecond).toLocaleString('en')} | ${(row.ratio * 100).toFixed(1)} % | ${row.result.p50} | ${row.result.p99} | ${row.result.errors + row.result.timeouts} / ${row.result.non2xx} | ${row.target ?? ''} |`,
    ),
  ].join('\n');
  console.log('\n' + table + '\n');
  if (congso.rss) console.log(`Congso server RSS after start (reference data and search index loaded): ${(congso.rss / 1048576).toFixed(0)} MiB`);
  await mkdir('.bench', { recursive: true });
  await writeFile('.bench/results.md', `# Benchmark ${new Date().toISOString()}\n\n${table}\n`);
  await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, rows }, null, 2));
} finally {
  for (const child of children) child.kill();
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`).catch(() => undefined);
    await admin.end({ timeout: 5 });
  }
  await embedded?.stop();
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
}
