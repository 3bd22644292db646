// The gateway's cost (issue 6 target: overhead < 2 ms p50 per call, throughput ≥ 50 % of direct): the
// same population-registry person lookup made directly from the registry's API and through /r1/…
// (OAuth token, access right, replay and quota guards, provider call, two ES256 signatures, the
// chained message-log row and the tracker record, group-committed), by one agency system, same run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { syntheticPerson } from '../apps/server/src/modules/registries/index.ts';
import type { LoadResult } from './dossier-bench.ts';

/** `sequential`: one call at a time (the per-call overhead); `direct`/`gateway`: under load (throughput). */
export type GatewayOverhead = { sequential: { directP50Ms: number; gatewayP50Ms: number; calls: number }; direct: LoadResult; gateway: LoadResult; overheadP50Ms: number; throughputRatio: number };

const CLIENT = 'VN/GOV/H29.15/bench-client';
const SERVICE = 'VN/GOV/G01/population-registry/person';

/** p50 of `count` calls made one after another over one keep-alive connection, in ms (0.01 ms resolution). */
async function sequentialP50(base: string, mode: 'direct' | 'gateway', token: string, ids: readonly string[], count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[i % ids.length] ?? '';
    const headers: Record<string, string> =
      mode === 'direct'
        ? { authorization: `Bearer ${token}`, 'x-road-userid': 'bench-operator', 'x-road-purpose': 'benchmark' }
        : { authorization: `Bearer ${token}`, 'x-road-client': CLIENT, 'x-road-id': randomUUID(), 'x-road-date': new Date().toISOString(), 'x-road-userid': 'bench-operator', 'x-road-purpose': 'benchmark' };
    const started = performance.now();
    const response = await fetch(mode === 'direct' ? `${base}/api/v1/registries/population/persons/${id}` : `${base}/r1/${SERVICE}/${id}`, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`exchange ${mode}: ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pinned = (core: number, args: string[]): [string, string[]] => (hasTaskset ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, args]);

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; port: number; clientId: string; secret: string }> {
  const [command, argv] = pinned(0, ['bench/exchange-server.ts', databaseUrl]);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+) client=([^:\s]+):(\S+)\n/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), clientId: match[2] ?? '', secret: match[3] ?? '' });
    });
    child.once('exit', (code) => reject(new Error(`exchange bench server exited with ${code}: ${output}`)));
  });
}

function load(port: number, mode: 'direct' | 'gateway', token: string, ids: string, connections: number, seconds: number): LoadResult {
  const [command, argv] = pinned(1, ['bench/exchange-load.ts', `http://127.0.0.1:${port}`, mode, token, ids, String(connections), String(seconds)]);
  const run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 10_000_000 });
  if (run.status !== 0) throw new Error(`exchange load failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`exchange ${mode}: ${result.non2xx} non-2xx and ${result.errors} errors of ${result.total}; the figures would be meaningless`);
  return result;
}

export async function gatewayOverhead(databaseUrl: string, options: { connections: number; seconds: number; warmUpSeconds: number; persons: number }): Promise<GatewayOverhead> {
  const server = await startServer(databaseUrl);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const tokenResponse = await fetch(`${base}/oidc/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${server.clientId}:${server.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=api',
    });
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
    const list = Array.from({ length: Math.min(options.persons, 500) }, (_v, i) => syntheticPerson(1 + ((i * 7919) % options.persons)).personalId);
    const ids = list.join(',');
    // One call at a time first (warm-up, then measured), alternating so drift hits both alike.
    await sequentialP50(base, 'direct', token, list, 300);
    await sequentialP50(base, 'gateway', token, list, 300);
    const directP50 = [];
    const gatewayP50 = [];
    for (let round = 0; round < 3; round++) {
      directP50.push(await sequentialP50(base, 'direct', token, list, 500));
      gatewayP50.push(await sequentialP50(base, 'gateway', token, list, 500));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    const sequential = { directP50Ms: median(directP50), gatewayP50Ms: median(gatewayP50), calls: 1500 };
    const run = (mode: 'direct' | 'gateway') => {
      load(server.port, mode, token, ids, options.connections, options.warmUpSeconds);
      return load(server.port, mode, token, ids, options.connections, options.seconds);
    };
    const direct = run('direct');
    const gateway = run('gateway');
    return { sequential, direct, gateway, overheadP50Ms: sequential.gatewayP50Ms - sequential.directP50Ms, throughputRatio: gateway.requestsPerSecond / direct.requestsPerSecond };
  } finally {
    server.child.kill();
  }
}

export function formatGatewayOverhead(result: GatewayOverhead, connections: number): string {
  const row = (name: string, r: LoadResult) => `| ${name} | ${Math.round(r.requestsPerSecond).toLocaleString('en')} | ${r.p50} | ${r.p99} |`;
  return [
    `Exchange gateway: population-registry person lookup, ${connections} connections (autocannon).`,
    '| path | req/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    row('direct: GET /api/v1/registries/population/persons/{id}', result.direct),
    row('gateway: GET /r1/VN/GOV/G01/population-registry/person/{id}', result.gateway),
    `One call at a time (${result.sequential.calls} each): p50 direct ${result.sequential.directP50Ms.toFixed(2)} ms, gateway ${result.sequential.gatewayP50Ms.toFixed(2)} ms.`,
    `Gateway overhead p50 ${result.overheadP50Ms.toFixed(2)} ms (target < 2 ms); throughput ${(result.throughputRatio * 100).toFixed(1)} % of direct (target ≥ 50 %).`,
  ].join('\n');
}
