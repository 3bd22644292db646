// Smoke test of `npm start` on the embedded PostgreSQL: a first start on an empty DATA_DIR (creates
// the cluster, migrates, seeds), then a second start that must reuse the data and be ready quickly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../apps/server/src/kernel/db/embedded.ts';

const SECOND_START_LIMIT_MS = 10_000;
const dataDir = await mkdtemp(join(tmpdir(), 'congso-smoke-'));
const port = await findFreePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
delete env.NATS_URL;

function start(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  children.push(child);
  return { child, output: () => output };
}

async function waitReady(child: ChildProcess, output: () => string, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after ${limitMs} ms:\n${output()}`);
}

const children: ChildProcess[] = [];

/** Stops npm start and everything in its process group (the embedded PostgreSQL included). */
async function stop(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  // npm exits on the signal at once; wait for the whole group (server, database) to finish instead.
  killGroup(child.pid, 'SIGTERM');
  const deadline = performance.now() + 20_000;
  while (groupAlive(child.pid) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  killGroup(child.pid, 'SIGKILL');
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

async function expectJson(path: string, check: (body: Record<string, unknown>) => boolean, what: string) {
  const response = await fetch(base + path);
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok || !check(body)) throw new Error(`${what}: ${path} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  console.log(`  ok  ${what}`);
}

let failed = false;
try {
  console.log(`Smoke test of npm start (embedded PostgreSQL, DATA_DIR=${dataDir})`);
  const first = start();
  const firstMs = await waitReady(first.child, first.output, 240_000);
  console.log(`  ok  first start ready in ${(firstMs / 1000).toFixed(1)} s`);
  await expectJson('/api/v1/admin-units/79', (b) => b.fullName === 'Thành phố Hồ Chí Minh', 'admin unit 79 served');
  await expectJson('/api/v1/agencies/H29', (b) => b.code === 'H29', 'demo agency seeded');
  await expectJson('/openapi.json', (b) => typeof b.openapi === 'string' && b.openapi.startsWith('3.1'), 'OpenAPI 3.1 document');
  const page = await fetch(base + '/', { headers: { accept: 'text/html' } });
  if (!page.ok || !(await page.text()).includes('<div id="root"')) throw new Error('web app not served at /');
  console.log('  ok  web app served at /');
  if (!first.output().includes('Congso is running')) throw new Error('start banner missing');
  for (const label of ['Citizen (level 2)', 'Business representative', 'Receptionist', 'Handler', 'Leader', 'System administrator', 'TOTP secret']) {
    if (!first.output().includes(label)) throw new Error(`demo account not listed: ${label}`);
  }
  console.log('  ok  demo accounts listed');
  await expectJson('/oidc/.well-known/openid-configuration', (b) => typeof b.issuer === 'string', 'OpenID discovery');
  await stop(first.child);

  const second = start();
  const secondMs = await waitReady(second.child, second.output, 60_000);
  console.log(`  ok  second start ready in ${(secondMs / 1000).toFixed(1)} s (limit ${SECOND_START_LIMIT_MS / 1000} s)`);
  await expectJson('/api/v1/admin-units/25747?at=2025-03-01', (b) => b.fullName === 'Phường Phú Cường', 'data kept across restarts');
  await stop(second.child);
  if (secondMs > SECOND_START_LIMIT_MS) throw new Error(`second start took ${secondMs} ms`);
} catch (error) {
  failed = true;
  console.error('Smoke test FAILED:', error instanceof Error ? error.message : error);
} finally {
  for (const child of children) await stop(child);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}
process.exit(failed ? 1 : 0);
