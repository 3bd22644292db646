// `npm run bench`: throughput and latency of the platform's hot paths, each reported as a ratio to a
// Fastify hello-world measured in the same run on the same machine (machines are shared and noisy).
// Servers run on core 0 and the load generator on core 1 when `taskset` is available.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/server/src/kernel/db/embedded.ts';
import { DEFAULT_TEST_SERVER, prepareTemplate, withDatabase } from '../apps/server/src/kernel/testing/test-database.ts';
import { REPO_ROOT } from '../apps/server/src/kernel/paths.ts';
import { buildWebIfStale } from '../scripts/web-build.ts';
import { firstContentfulPaints, homeJavaScript, WEB_TARGETS } from './web-budget.ts';
import { seedReferenceData, TEST_REGISTRY_PERSONS } from '../apps/server/src/main/seed.ts';
import { RAW_SQL_FILING, rawSqlFilings, type LoadResult } from './dossier-bench.ts';
import { eventFanOut, formatFanOut } from './exchange-events.ts';
import { formatGatewayOverhead, gatewayOverhead } from './exchange-gateway.ts';
import { scenarios, type BenchRequest, type BenchServer, type Scenario } from './scenarios.ts';
import { REGISTRIES_SCALE, runRegistriesScale } from './registries-scale.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const only = process.argv.slice(2);
// The agency system the identity scenarios act as, registered by bench/congso-server.ts.
const CLIENT_ID = 'bench-agency-system';
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const logger = pino({ level: 'warn' });

// BENCH_PROFILE=<folder>: the servers write V8 CPU profiles there when they stop (for finding hot spots).
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

function pinned(core: number, args: string[]): [string, string[]] {
  const node = [...profile, ...args];
  return hasTaskset ? ['taskset', ['-c', String(core), process.execPath, ...node]] : [process.execPath, node];
}

type StartedServer = { child: ChildProcess; port: number; rss: number | undefined; client: { id: string; secret: string } | undefined; citizen: string | undefined };

async function startServer(args: string[], env: Record<string, string> = {}): Promise<StartedServer> {
  const [command, argv] = pinned(0, args);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Up to the end of the line: the ready line may come in more than one chunk.
      const match = /ready (\d+)(?: rss=(\d+))?(?: client=([^:\s]+):(\S+))?(?: citizen=(\d{12}))?\n/.exec(output);
      if (!match) return;
      const [, port, rss, id, secret, citizen] = match;
      resolve({ child, port: Number(port), rss: rss ? Number(rss) : undefined, client: id && secret ? { id, secret } : undefined, citizen });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

// BENCH_LOADER=autocannon forces the fallback (to compare the two, or to check it still works).
const hasWrk = process.env.BENCH_LOADER !== 'autocannon' && spawnSync('wrk', ['--version']).error === undefined;

/**
 * One load run on core 1: wrk (C, Debian package `wrk`) when installed, else autocannon. wrk is
 * preferred because autocannon, being JavaScript, becomes the bottleneck on multi-kilobyte replies.
 */
async function load(port: number, requests: BenchRequest[], seconds: number): Promise<LoadResult> {
  const requestsFile = join(tmpdir(), `congso-bench-requests-${process.pid}`);
  let run;
  if (hasWrk) {
    await writeFile(requestsFile, requests.map(wrkLine).join('\n') + '\n');
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '-s', 'bench/wrk-requests.lua', `http://127.0.0.1:${port}`];
    const [command, argv] = hasTaskset ? ['taskset', ['-c', '1', 'wrk', ...args]] : ['wrk', args];
    run = spawnSync(command, argv, { encoding: 'utf8', env: { ...process.env, BENCH_REQUESTS: requestsFile } });
  } else {
    // The request list goes through a file: thousands of paths do not fit on a command line.
    await writeFile(requestsFile, JSON.stringify(requests));
    const [command, argv] = pinned(1, ['bench/load.ts', `http://127.0.0.1:${port}`, requestsFile, String(CONNECTIONS), String(seconds)]);
    run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 10_000_000 });
  }
  await rm(requestsFile, { force: true });
  if (run.status !== 0) throw new Error(`load generator failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

/** Escapes a body for one line (\\, \\r, \\n, \\t); bench/wrk-requests.lua undoes it. */
const escapeBody = (body: string) => body.replace(/[\\\r\n\t]/g, (c) => ({ '\\': '\\\\', '\r': '\\r', '\n': '\\n', '\t': '\\t' })[c] ?? c);

/** A request as bench/wrk-requests.lua reads it: method, path, body (escaped), headers, tab-separated on one line. */
function wrkLine(request: BenchRequest): string {
  const head = [request.method ?? 'GET', request.path, ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`)];
  if (head.some((field) => /[\t\r\n]/.test(field))) throw new Error(`a request line or header for wrk cannot hold a tab or a line break: ${request.method ?? 'GET'} ${request.path}`);
  const [method, path, ...headers] = head;
  return [method, path, escapeBody(request.body ?? ''), ...headers].join('\t');
}

// A scenario whose answers are not 2xx measures the error path (a 401 costs far less than the work
// it stands for), so such a scenario stops the bench instead of printing figures.

/** Before the load: the first requests, one by one, so the message can show what the server said. */
async function checkFirstAnswers(base: string, scenario: Scenario, requests: BenchRequest[]): Promise<void> {
  for (const request of requests.slice(0, 3)) {
    const method = request.method ?? 'GET';
    const response = await fetch(base + request.path, { method, ...(request.headers ? { headers: request.headers } : {}), ...(request.body === undefined ? {} : { body: request.body }) });
    const body = await response.text();
    if (!response.ok) throw new Error(`scenario "${scenario.name}": ${method} ${request.path} answered ${response.status}: ${body.slice(0, 500)}`);
  }
}

/** After each load run: wrk counts answers of 400 and above, autocannon every answer outside 2xx. */
function checkLoadAnswers(scenario: Scenario, result: LoadResult): LoadResult {
  if (result.non2xx > 0) throw new Error(`scenario "${scenario.name}": ${result.non2xx} of ${result.total} answers were errors; its figures would be meaningless`);
  return result;
}

async function measure(port: number, scenario: Scenario, server?: BenchServer): Promise<LoadResult> {
  // Built again before each run, so a credential in them (an access token) is fresh for that run.
  const requestsFor = async (): Promise<BenchRequest[]> => {
    if (Array.isArray(scenario.requests)) return scenario.requests;
    if (!server) throw new Error(`scenario "${scenario.name}" needs the Congso server`);
    return scenario.requests(server);
  };
  const warmUp = await requestsFor();
  await checkFirstAnswers(`http://127.0.0.1:${port}`, scenario, warmUp);
  checkLoadAnswers(scenario, await load(port, warmUp, WARMUP_SECONDS));
  return checkLoadAnswers(scenario, await load(port, await requestsFor(), SECONDS));
}

// `node bench/run.ts registries-scale`: person look-ups among BENCH_PERSONS (default 100 million) in
// their own kept database (bench/registries-scale.ts); only when asked, never in the default run.
if (only.includes(REGISTRIES_SCALE)) {
  await runRegistriesScale(process.env.DATABASE_URL ?? DEFAULT_TEST_SERVER);
  process.exit(0);
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
  await prepareTemplate(serverUrl, databaseName, (database) => seedReferenceData(database, logger, { registryPersons: TEST_REGISTRY_PERSONS }));

  // `npm run bench -- web`: the portal's page budget (JavaScript size, first paint), not load figures.
  if (only.includes('web')) {
    const dist = join(REPO_ROOT, 'apps/web/dist');
    await buildWebIfStale(dist);
    const web = await startServer(['bench/congso-server.ts', withDatabase(serverUrl, databaseName)], { BENCH_WEB_DIST: dist });
    children.push(web.child);
    const js = await homeJavaScript(dist);
    const gzip = js.reduce((sum, f) => sum + f.gzipBytes, 0);
    const paints = await firstContentfulPaints(`http://127.0.0.1:${web.port}/`, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
    web.child.kill();
    const sorted = [...paints].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`Portal home page: JavaScript loaded up front ${kb(gzip)} gzip (${js.map((f) => `${f.file} ${kb(f.bytes)} → ${kb(f.gzipBytes)}`).join(', ')}); target ≤ ${kb(WEB_TARGETS.jsGzipBytes)}.`);
    console.log(`First contentful paint, headless Chromium, ${paints.length} cold loads: median ${median.toFixed(0)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}); target ≤ ${WEB_TARGETS.fcpMs} ms.`);
    await mkdir('.bench', { recursive: true });
    await writeFile('.bench/web.json', JSON.stringify({ at: new Date().toISOString(), js, gzipBytes: gzip, paints, medianFcpMs: median }, null, 2));
  }
  // `npm run bench -- events`: the exchange's event fan-out through the outbox and NATS JetStream
  // (NATS_URL, default the local 4222; its own stream, deleted after), against raw JetStream.
  if (only.length === 0 || only.includes('events')) {
    const fanOut = await eventFanOut(withDatabase(serverUrl, databaseName), logger);
    console.log(formatFanOut(fanOut));
    await mkdir('.bench', { recursive: true });
    await writeFile('.bench/events.json', JSON.stringify({ at: new Date().toISOString(), ...fanOut }, null, 2));
  }
  // `npm run bench -- exchange-gateway`: a registry call through the gateway's /r1/ vs made directly.
  if (only.length === 0 || only.includes('exchange-gateway')) {
    const overhead = await gatewayOverhead(withDatabase(serverUrl, databaseName), { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARMUP_SECONDS, persons: TEST_REGISTRY_PERSONS });
    console.log(formatGatewayOverhead(overhead, CONNECTIONS));
    await mkdir('.bench', { recursive: true });
    await writeFile('.bench/exchange-gateway.json', JSON.stringify({ at: new Date().toISOString(), ...overhead }, null, 2));
  }
  const noLoad = only.length > 0 && only.every((name) => name === 'web' || name === 'events' || name === 'exchange-gateway');
  if (!noLoad) await loadScenarios(serverUrl);
} finally {
  await cleanUp();
}

/** The load scenarios: hello-world, then Congso's, each against the baseline it is compared with. */
async function loadScenarios(serverUrl: string): Promise<void> {
  console.log(`Congso benchmarks: ${CONNECTIONS} connections, ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up; ` +
    `${hasTaskset ? 'servers on core 0, load on core 1' : 'unpinned (no taskset)'}; load generator ${hasWrk ? 'wrk' : 'autocannon'}; Node ${process.version}.`);
  const hello = await startServer(['bench/hello-server.ts']);
  children.push(hello.child);
  const baseline = await measure(hello.port, { name: 'hello-world', requests: [{ path: '/' }] });
  hello.child.kill();

  const congso = await startServer(['bench/congso-server.ts', withDatabase(serverUrl, databaseName)], { BENCH_CLIENT_ID: CLIENT_ID });
  children.push(congso.child);
  if (!congso.client) throw new Error('the Congso server registered no bench client');
  const server: BenchServer = { base: `http://127.0.0.1:${congso.port}`, client: congso.client, citizen: congso.citizen ?? '', longestRunSeconds: Math.max(WARMUP_SECONDS, SECONDS) };
  const rows: { scenario: string; target?: string; result: LoadResult; ratio: number }[] = [
    { scenario: 'Fastify hello-world (baseline)', result: baseline, ratio: 1 },
  ];
  // Arguments select scenarios by substring of their names; a selected scenario brings the one it
  // is compared with, so the comparison is always made within one run.
  const selected = (scenario: Scenario) => only.length === 0 || only.some((name) => scenario.name.includes(name));
  const references = new Set(scenarios.filter(selected).flatMap((scenario) => (scenario.comparedWith ? [scenario.comparedWith.scenario] : [])));
  // The one-stop shop's baseline is not HTTP: the same rows a filing writes, inserted directly in SQL.
  if (references.has(RAW_SQL_FILING)) {
    const result = await rawSqlFilings(withDatabase(serverUrl, databaseName), CONNECTIONS, SECONDS);
    rows.push({ scenario: RAW_SQL_FILING, result, ratio: result.requestsPerSecond / baseline.requestsPerSecond });
  }
  for (const scenario of scenarios) {
    if (!selected(scenario) && !references.has(scenario.name)) continue;
    if (scenario.name === RAW_SQL_FILING) continue;
    const result = await measure(congso.port, scenario, server);
    rows.push({ scenario: scenario.name, ...(scenario.target ? { target: scenario.target } : {}), result, ratio: result.requestsPerSecond / baseline.requestsPerSecond });
  }
  congso.child.kill();

  // Ratios between two Congso scenarios of the same run, e.g. what checking a bearer token costs.
  const comparisons = scenarios.flatMap((scenario) => {
    const row = rows.find((r) => r.scenario === scenario.name);
    const reference = rows.find((r) => r.scenario === scenario.comparedWith?.scenario);
    if (!scenario.comparedWith || !row || !reference) return [];
    const { result } = row;
    return [{ label: scenario.comparedWith.label, scenario: row.scenario, reference: reference.scenario, ratio: result.requestsPerSecond / reference.result.requestsPerSecond, p50: [result.p50, reference.result.p50], p99: [result.p99, reference.result.p99] }];
  });

  const table = [
    '| scenario | req/s | ratio to hello-world | p50 ms | p99 ms | errors / non-2xx | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) =>
      `| ${row.scenario} | ${Math.round(row.result.requestsPerSecond).toLocaleString('en')} | ${(row.ratio * 100).toFixed(1)} % | ${row.result.p50} | ${row.result.p99} | ${row.result.errors + row.result.timeouts} / ${row.result.non2xx} | ${row.target ?? ''} |`,
    ),
  ].join('\n');
  const compared = comparisons.map((c) => `${c.label}: ${(c.ratio * 100).toFixed(1)} % (p50 ${c.p50[0]} vs ${c.p50[1]} ms, p99 ${c.p99[0]} vs ${c.p99[1]} ms)`).join('\n');
  console.log('\n' + table + '\n');
  if (compared) console.log(compared + '\n');
  if (congso.rss) console.log(`Congso server RSS after start (reference data and search index loaded): ${(congso.rss / 1048576).toFixed(0)} MiB`);
  await mkdir('.bench', { recursive: true });
  await writeFile('.bench/results.md', `# Benchmark ${new Date().toISOString()}\n\n${table}\n${compared ? `\n${compared}\n` : ''}`);
  await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, rows, comparisons }, null, 2));
}

async function cleanUp(): Promise<void> {
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

