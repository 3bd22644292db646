import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectDatabase, type Database } from '../../kernel/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { exportLog } from './log-export.ts';
import { verifyLog } from './log-verifier.ts';
import { createMessageLog, type LogEntry } from './message-log.ts';
import { loadGatewaySigner, type GatewaySigner } from './signer.ts';

// The message log as two gateway instances share it: each chains onto the head it last committed and
// learns of the other's rows only when its insert collides on `seq`. Whatever the interleaving, the
// log must stay one gap-free chain that verifies offline, and every acknowledged append must be in it.

// These appends carry no data-subject reads: a recorder call would mean the log invented one.
const noReads = { record: () => Promise.reject(new Error('no tracker records expected')) };

let t: TestDatabase;
let second: Database;
let signer: GatewaySigner;

before(async () => {
  t = await createTestDatabase();
  // A second pool stands for a second instance of the platform on the same database.
  second = connectDatabase(t.url, { max: 3 });
  signer = await loadGatewaySigner(t.database.db, () => new Date());
});
after(async () => {
  await second.close();
  await t.drop();
});

function entry(purpose = 'kiểm thử', at = new Date().toISOString()): LogEntry {
  const requestHash = randomUUID();
  const responseHash = randomUUID();
  return {
    messageId: randomUUID(),
    client: 'VN/GOV/H29.15/ho-tich',
    service: 'VN/GOV/G01/population-registry/person',
    userId: 'can-bo-1',
    purpose,
    issue: null,
    requestHash,
    responseHash,
    status: 200,
    errorCode: null,
    at,
    kid: signer.kid,
    requestSignature: signer.signNow(requestHash),
    responseSignature: signer.signNow(responseHash),
  };
}

async function verifiedRows() {
  const exported = await exportLog(t.database.db, {});
  assert.deepEqual(verifyLog(exported).breaks, []);
  assert.deepEqual(exported.rows.map((row) => row.seq), exported.rows.map((_row, index) => index + 1));
  return exported.rows;
}

describe('message log shared by two instances', () => {
  const a = () => createMessageLog({ sql: t.database.sql, tracker: noReads });

  it('chains onto rows another instance appended since (its own head is stale)', async () => {
    const first = a();
    const other = createMessageLog({ sql: second.sql, tracker: noReads });
    const one = await first.append(entry());
    const two = await other.append(entry());
    // `first` still remembers seq 1 as the head: its next row must follow the other's, not replace it.
    const three = await first.append(entry());
    assert.deepEqual([one.seq, two.seq, three.seq], [1, 2, 3]);
    assert.equal(three.prevHash, two.rowHash);
    assert.equal((await verifiedRows()).length, 3);
  });

  it('keeps one gap-free chain when both append at once, and loses no acknowledged row', async () => {
    const before = (await verifiedRows()).length;
    const [one, other] = [a(), createMessageLog({ sql: second.sql, tracker: noReads })];
    const appended = await Promise.all(Array.from({ length: 120 }, (_v, i) => (i % 2 === 0 ? one : other).append(entry())));
    const rows = await verifiedRows();
    assert.equal(rows.length, before + 120);
    const logged = new Map(rows.map((row) => [row.seq, row.rowHash]));
    for (const row of appended) assert.equal(logged.get(row.seq), row.rowHash, 'an acknowledged row is in the log as acknowledged');
  });

  it('forgets nothing it did not commit: a failed append leaves the chain for the next one', async () => {
    const log = a();
    await log.append(entry());
    // PostgreSQL refuses NUL in text: the batch rolls back, and the call that made it fails.
    await assert.rejects(log.append(entry('a\u0000b')));
    const next = await log.append(entry());
    const rows = await verifiedRows();
    assert.equal(rows.at(-1)?.seq, next.seq);
    assert.equal(rows.at(-2)?.rowHash, next.prevHash);
  });

  it('exports a period as a stretch of the chain: a slow call logged after faster, later ones is in it', async () => {
    const log = a();
    const base = Date.parse('2030-01-01T00:00:00.000Z');
    const at = (ms: number) => new Date(base + ms).toISOString();
    // Arrival times 0.9 s, 0.1 s (slow: it arrived first but committed second), 1.5 s after midnight.
    const rows = [await log.append(entry('kiểm thử', at(900))), await log.append(entry('kiểm thử', at(-100))), await log.append(entry('kiểm thử', at(1500)))];
    const exported = await exportLog(t.database.db, { from: new Date(base) });
    assert.deepEqual(exported.rows.map((row) => row.seq), rows.map((row) => row.seq), 'the row that arrived before midnight sits inside the stretch');
    assert.deepEqual(verifyLog(exported).breaks, []);
  });
});
