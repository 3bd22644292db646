import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { signDetached } from './jws.ts';
import { GENESIS_HASH, rowHashOf, type LogRow } from './log-hash.ts';
import { verifyLog, type LogExport } from './log-verifier.ts';
import { requestTimeStamp } from './timestamper.ts';
import { startLocalTsa, type LocalTsa } from './tsa/local-tsa.ts';

// The verifier against every way of changing the log: edit, delete, insert, reorder, at random
// positions; and a rewrite of the whole tail, caught by the RFC 3161 token over the head.

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = 'test-key';
const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: KID, alg: 'ES256', use: 'sig' };
const ROWS = 12;

function chain(count: number): LogRow[] {
  const rows: LogRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const requestHash = Buffer.from(`request ${seq}`).toString('base64');
    const responseHash = Buffer.from(`response ${seq}`).toString('base64');
    const fields = {
      seq,
      messageId: `0190d3f0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
      client: 'VN/GOV/H29.15/ho-tich',
      service: 'VN/GOV/H29/dan-cu/person',
      userId: 'canbo01',
      purpose: 'hồ sơ H29.15-261204-0001',
      issue: null,
      requestHash,
      responseHash,
      status: seq % 4 === 0 ? 403 : 200,
      errorCode: seq % 4 === 0 ? 'Server.ServerProxy.AccessDenied' : null,
      at: new Date(Date.UTC(2026, 11, 4, 9, 0, seq)).toISOString(),
      kid: KID,
      requestSignature: signDetached(privateKey, KID, requestHash),
      responseSignature: signDetached(privateKey, KID, responseHash),
    };
    const rowHash = rowHashOf(prevHash, fields);
    rows.push({ ...fields, prevHash, rowHash });
    prevHash = rowHash;
  }
  return rows;
}

const rehash = (row: LogRow, prevHash = row.prevHash): LogRow => {
  const { prevHash: _p, rowHash: _r, ...fields } = row;
  return { ...fields, prevHash, rowHash: rowHashOf(prevHash, fields) };
};

let tsa: LocalTsa;
let dir: string;
let original: LogExport;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'congso-verifier-'));
  tsa = await startLocalTsa({ dir: join(dir, 'tsa') });
  const rows = chain(ROWS);
  const head = rows.at(-1) as LogRow;
  const middle = rows[5] as LogRow;
  const stamp = async (row: LogRow) => (await requestTimeStamp(tsa.url, Buffer.from(row.rowHash, 'hex'))).toString('base64');
  original = {
    fromSeq: 1,
    toSeq: ROWS,
    rows,
    batches: [
      { firstSeq: 1, lastSeq: middle.seq, headHash: middle.rowHash, token: await stamp(middle), stampedAt: new Date().toISOString() },
      { firstSeq: middle.seq + 1, lastSeq: head.seq, headHash: head.rowHash, token: await stamp(head), stampedAt: new Date().toISOString() },
    ],
    keys: [jwk],
  };
});
after(async () => {
  await tsa.stop();
  await rm(dir, { recursive: true, force: true });
});

const withRows = (rows: LogRow[]): LogExport => ({ ...original, rows });

describe('message-log verifier', () => {
  it('accepts an untouched log, every row stamped', () => {
    const result = verifyLog(original);
    assert.deepEqual(result.breaks, []);
    assert.equal(result.ok, true);
    assert.equal(result.stampedThrough, ROWS);
    assert.equal(result.unstampedRows, 0);
  });

  it('reports an edited row at its position', () => {
    const rows = [...original.rows];
    rows[3] = { ...(rows[3] as LogRow), purpose: 'something else' };
    const result = verifyLog(withRows(rows));
    assert.equal(result.ok, false);
    assert.deepEqual(result.breaks[0], { kind: 'edited', position: 3, seq: 4, detail: 'the row does not match its row_hash' });
  });

  it('reports a deleted row, and rows in exchanged places', () => {
    const deleted = original.rows.filter((_row, index) => index !== 4);
    assert.equal(verifyLog(withRows(deleted)).breaks[0]?.kind, 'deleted');
    assert.equal(verifyLog(withRows(deleted)).breaks[0]?.position, 4);
    const swapped = [...original.rows];
    [swapped[2], swapped[7]] = [swapped[7] as LogRow, swapped[2] as LogRow];
    assert.equal(verifyLog(withRows(swapped)).breaks[0]?.kind, 'reordered');
    assert.equal(verifyLog(withRows(swapped)).breaks[0]?.position, 2);
  });

  it('catches a rewritten tail (every hash recomputed) by the time-stamp over the head', () => {
    const rows = [...original.rows];
    rows[7] = { ...(rows[7] as LogRow), status: 200, errorCode: null }; // seq 8 was refused (403)
    for (let i = 7; i < rows.length; i++) rows[i] = rehash(rows[i] as LogRow, (rows[i - 1] as LogRow).rowHash);
    const result = verifyLog(withRows(rows));
    assert.equal(result.ok, false);
    assert.ok(result.breaks.some((found) => found.kind === 'bad_timestamp' && found.seq === ROWS));
  });

  it('refuses a signature by an unknown key or over other content', () => {
    const rows = [...original.rows];
    rows[1] = { ...(rows[1] as LogRow), requestSignature: (rows[2] as LogRow).requestSignature };
    const result = verifyLog(withRows(rows));
    assert.ok(result.breaks.some((found) => found.kind === 'bad_signature' && found.seq === 2));
    assert.ok(verifyLog({ ...original, keys: [] }).breaks.some((found) => found.kind === 'unknown_key'));
  });

  it('detects any edit, deletion, insertion or reordering at any position (property)', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(ROWS - 1), field: fc.constantFrom('purpose', 'userId', 'status', 'service', 'at', 'client'), rehashed: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(ROWS - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(ROWS - 1), copyOf: fc.nat(ROWS - 1), seqShift: fc.integer({ min: -2, max: 2 }) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(ROWS - 1), other: fc.nat(ROWS - 1) }).filter((m) => m.at !== m.other),
    );
    fc.assert(
      fc.property(mutation, (m) => {
        const rows = [...original.rows];
        switch (m.kind) {
          case 'edit': {
            const row = rows[m.at] as LogRow;
            const changed = { ...row, [m.field]: m.field === 'status' ? row.status + 1 : m.field === 'at' ? new Date(Date.parse(row.at) + 1000).toISOString() : `${String(row[m.field])}x` };
            rows[m.at] = m.rehashed ? rehash(changed) : changed;
            break;
          }
          case 'delete':
            rows.splice(m.at, 1);
            break;
          case 'insert': {
            const previous = rows[m.at - 1];
            const forged = { ...(rows[m.copyOf] as LogRow), seq: (previous?.seq ?? 0) + 1 + m.seqShift };
            rows.splice(m.at, 0, rehash(forged, previous?.rowHash ?? GENESIS_HASH));
            break;
          }
          case 'swap':
            [rows[m.at], rows[m.other]] = [rows[m.other] as LogRow, rows[m.at] as LogRow];
            break;
        }
        const result = verifyLog(withRows(rows));
        return !result.ok && result.breaks.length > 0;
      }),
      { numRuns: 400 },
    );
  });
});
