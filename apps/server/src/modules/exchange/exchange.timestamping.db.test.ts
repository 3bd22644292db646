import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { findFreePort } from '../../kernel/db/embedded.ts';
import type { Caller } from '../../kernel/http/access.ts';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { exportLog, toJsonLines } from './log-export.ts';
import { verifyLogFile } from './log-verify-file.ts';
import { verifyLog } from './log-verifier.ts';
import type { createExchangeModule } from './index.ts';
import { createTimestamper } from './timestamper.ts';
import { startLocalTsa, type LocalTsa } from './tsa/local-tsa.ts';

// Reliability plan F7 (evidence-service outage): with the TSA down the gateway keeps serving until
// the failure limit, then refuses every call (logged) until a stamp succeeds again; the backlog is
// stamped on recovery and the log verifies, tokens included.

type ExchangeService = ReturnType<typeof createExchangeModule>['service'];
const LIMIT_MS = 600;
const PORTAL = 'VN/GOV/H29/portal';
const ECHO = 'VN/GOV/H29/tsa-test/echo';
/** An agency system of the provider's agency allowed to manage its exchange settings. */
const ADMIN = { kind: 'client', subject: 'tsa-test-admin', agencyCode: 'H29', permissions: ['exchange:manage'] } as Caller;

let t: TestApp;
let exchange: ExchangeService;
let tsa: LocalTsa;
let dir: string;

const callEcho = () => exchange.call({ client: PORTAL, service: ECHO, method: 'GET', path: '', userId: null, purpose: null });
const lastRow = async () =>
  ((await t.db.database.db.execute(sql`select seq, status, error_code from exchange.message_log order by seq desc limit 1`)) as unknown as { seq: string; status: number; error_code: string | null }[])[0];

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'congso-tsa-'));
  tsa = await startLocalTsa({ dir: join(dir, 'tsa'), port: await findFreePort() });
  t = await createTestApp({ env: { EXCHANGE_TSA_URL: tsa.url, EXCHANGE_TIMESTAMP_INTERVAL_MS: '100', EXCHANGE_TIMESTAMP_FAILURE_LIMIT_MS: String(LIMIT_MS) } });
  exchange = moduleService<ExchangeService>(t, 'exchange');
  await exchange.addProviders([
    {
      memberClass: 'GOV',
      memberCode: 'H29',
      memberName: 'UBND TP Hồ Chí Minh',
      subsystem: 'tsa-test',
      subsystemName: 'TSA test',
      services: [{ code: 'echo', title: { vi: 'Echo', en: 'Echo' }, openapi: {}, personalData: false, handle: async () => ({ status: 200, body: { ok: true } }) }],
      events: [],
    },
    { memberClass: 'GOV', memberCode: 'H29', memberName: 'UBND TP Hồ Chí Minh', subsystem: 'portal', subsystemName: 'Cổng', services: [], events: [] },
  ]);
  await exchange.administration.grant(ADMIN, { clientSubsystemId: PORTAL, serviceId: ECHO, mayDeferDisclosure: false });
});
after(async () => {
  await t.close();
  await tsa.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('exchange time-stamping (fail closed)', () => {
  it('stamps the log at the configured interval', async () => {
    assert.equal((await callEcho()).status, 200);
    const seq = Number((await lastRow())?.seq);
    await until('a batch over the first call', async () => {
      const [row] = (await t.db.database.db.execute(sql`select max(last_seq) as last from exchange.timestamp_batch`)) as unknown as { last: string | null }[];
      return Number(row?.last ?? 0) >= seq ? true : undefined;
    });
  });

  it('refuses calls once the TSA has been down longer than the limit, and recovers with the backlog stamped', async () => {
    await tsa.stop();
    const during = await callEcho();
    assert.equal(during.status, 200, 'still serving within the failure period');
    const refused = await until('the gateway to fail closed', async () => {
      const answer = await callEcho();
      return answer.status === 503 ? answer : undefined;
    });
    assert.equal((refused.body as { xroadError?: string }).xroadError, 'Server.ServerProxy.TimestampingFailed');
    const row = await lastRow();
    assert.equal(row?.error_code, 'Server.ServerProxy.TimestampingFailed', 'the refusal is logged');
    const refusedSeq = Number(row?.seq);
    const readiness = t.modules.find((m) => m.name === 'exchange')?.readiness?.();
    assert.equal(readiness?.timestamping, 'failed_closed');
    assert.equal((await callEcho()).status, 503);

    tsa = await startLocalTsa({ dir: join(dir, 'tsa'), port: tsa.port });
    await until('calls accepted again', async () => ((await callEcho()).status === 200 ? true : undefined));
    const [batch] = (await t.db.database.db.execute(sql`select max(last_seq) as last from exchange.timestamp_batch`)) as unknown as { last: string }[];
    assert.ok(Number(batch?.last) >= refusedSeq, 'the backlog (refused calls included) is stamped');

    assert.notEqual(await exchange.stampNow(), 'failed');
    const result = verifyLog(await exportLog(t.db.database.db, {}));
    assert.deepEqual(result.breaks, []);
    assert.equal(result.unstampedRows, 0);
  });

  it('stays closed across a restart: rows waiting past the limit keep a new instance refusing until a stamp succeeds', async () => {
    await tsa.stop();
    assert.equal((await callEcho()).status, 200);
    await sleep(LIMIT_MS + 100);
    // A new timestamper over the same database, as a restarted process (or another instance) builds it.
    const restarted = createTimestamper({ db: t.db.database.db, tsaUrl: () => tsa.url, intervalMs: 60_000, failureLimitMs: LIMIT_MS, now: () => new Date(), logger: pino({ level: 'silent' }) });
    assert.equal(restarted.refusing(), false);
    await restarted.init();
    assert.equal(restarted.refusing(), true, 'closed before it has tried once');
    assert.equal(await restarted.stampNow(), 'failed');
    assert.equal(restarted.refusing(), true);
    tsa = await startLocalTsa({ dir: join(dir, 'tsa'), port: tsa.port });
    assert.equal(await restarted.stampNow(), 'stamped');
    assert.equal(restarted.refusing(), false);
    await until('the running gateway to accept calls again', async () => ((await callEcho()).status === 200 ? true : undefined));
  });

  it("refuses a token its TSA's CA did not sign (whoever answers at the URL cannot keep the gateway open)", async () => {
    const rogue = await startLocalTsa({ dir: join(dir, 'rogue-tsa'), port: await findFreePort() });
    try {
      assert.equal((await callEcho()).status, 200, 'a row waiting for its time-stamp');
      const fooled = createTimestamper({ db: t.db.database.db, tsaUrl: () => rogue.url, tsaCaFile: () => tsa.files.caCert, intervalMs: 60_000, failureLimitMs: LIMIT_MS, now: () => new Date(), logger: pino({ level: 'silent' }) });
      assert.equal(await fooled.stampNow(), 'failed');
      assert.match(fooled.state().lastError ?? '', /does not verify against its CA certificate/);
    } finally {
      await rogue.stop();
    }
  });

  it('exports the log; the file verifies offline with openssl, and an edited line is reported', async () => {
    const file = join(dir, 'log.jsonl');
    await writeFile(file, toJsonLines(await exportLog(t.db.database.db, {})));
    const verified = await verifyLogFile(file, { tsaCa: tsa.files.caCert });
    assert.deepEqual(verified.breaks, []);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = (lines[2] ?? '').replace('"status":200', '"status":201');
    await writeFile(file, lines.join('\n'));
    const broken = await verifyLogFile(file, { tsaCa: tsa.files.caCert });
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.breaks[0] && { kind: broken.breaks[0].kind, position: broken.breaks[0].position }, { kind: 'edited', position: 1 });
  });
});
