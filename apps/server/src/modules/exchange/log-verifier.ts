import { publicKeyOf, verifyDetached } from './jws.ts';
import { GENESIS_HASH, rowHashOf, type LogRow } from './log-hash.ts';
import { readTimeStampResponse } from './tsa/rfc3161.ts';

// Offline verification of a message-log export (exchange:verify-log): the hash chain, each row's
// gateway signatures and each time-stamp's imprint. Pure: the CLI reads the file and, when given the
// TSA's CA, also runs `openssl ts -verify` on each token.

export type ExportedBatch = { firstSeq: number; lastSeq: number; headHash: string; token: string; stampedAt: string };
/** `fromSeq`/`toSeq`: the range the gateway exported (its header), so rows missing at either end show. */
export type LogExport = { fromSeq: number | null; toSeq: number | null; rows: LogRow[]; batches: ExportedBatch[]; keys: Record<string, unknown>[] };

export type BreakKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'bad_signature' | 'unknown_key' | 'bad_timestamp' | 'stamped_row_missing';
/** `position` is the 0-based index of the row (or batch) in the export. */
export type Break = { kind: BreakKind; position: number; seq: number | null; detail: string };
export type Verification = { ok: boolean; rows: number; batches: number; stampedThrough: number | null; unstampedRows: number; breaks: Break[] };

/** The first break of the chain, and every signature and time-stamp problem. */
export function verifyLog(data: LogExport): Verification {
  const breaks: Break[] = [];
  const keys = new Map<string, NonNullable<ReturnType<typeof publicKeyOf>>>();
  for (const jwk of data.keys) {
    const key = publicKeyOf({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
    if (key && typeof jwk.kid === 'string') keys.set(jwk.kid, key);
  }
  const { rows } = data;
  let chainBroken = false;
  const first = rows[0];
  if (data.fromSeq !== null && first?.seq !== data.fromSeq) {
    breaks.push({ kind: 'deleted', position: 0, seq: data.fromSeq, detail: `the export should start at seq ${data.fromSeq}` });
    chainBroken = true;
  } else if (first?.seq === 1 && first.prevHash !== GENESIS_HASH) {
    breaks.push({ kind: 'inserted', position: 0, seq: 1, detail: 'the first row does not start from the genesis hash' });
    chainBroken = true;
  }
  const last = rows.at(-1);
  if (data.toSeq !== null && last?.seq !== data.toSeq) {
    breaks.push({ kind: 'deleted', position: rows.length, seq: data.toSeq, detail: `the export should end at seq ${data.toSeq}` });
  }
  rows.forEach((row, position) => {
    const { prevHash, rowHash, ...fields } = row;
    const previous = rows[position - 1];
    if (!chainBroken && rowHashOf(prevHash, fields) !== rowHash) {
      breaks.push({ kind: 'edited', position, seq: row.seq, detail: 'the row does not match its row_hash' });
      chainBroken = true;
    }
    if (!chainBroken && previous && prevHash !== previous.rowHash) {
      breaks.push({ kind: classify(previous, row, rows, position), position, seq: row.seq, detail: `prev_hash does not link to the row at position ${position - 1} (seq ${previous.seq})` });
      chainBroken = true;
    }
    const key = keys.get(row.kid);
    if (!key) {
      breaks.push({ kind: 'unknown_key', position, seq: row.seq, detail: `no public key ${row.kid} in the export` });
      return;
    }
    if (row.requestSignature !== null && (row.requestHash === null || !verifyDetached(key, row.requestSignature, row.requestHash))) {
      breaks.push({ kind: 'bad_signature', position, seq: row.seq, detail: 'the gateway signature of the request does not verify' });
    }
    if (row.responseSignature !== null && (row.responseHash === null || !verifyDetached(key, row.responseSignature, row.responseHash))) {
      breaks.push({ kind: 'bad_signature', position, seq: row.seq, detail: 'the gateway signature of the response does not verify' });
    }
  });

  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const firstSeq = rows[0]?.seq ?? Number.POSITIVE_INFINITY;
  const lastSeq = rows.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
  let stampedThrough: number | null = null;
  data.batches.forEach((batch, position) => {
    try {
      const info = readTimeStampResponse(Buffer.from(batch.token, 'base64'));
      if (!info.granted || !info.imprint.equals(Buffer.from(batch.headHash, 'hex'))) {
        breaks.push({ kind: 'bad_timestamp', position, seq: batch.lastSeq, detail: 'the time-stamp token does not cover the batch head hash' });
        return;
      }
    } catch (error) {
      breaks.push({ kind: 'bad_timestamp', position, seq: batch.lastSeq, detail: `unreadable time-stamp token: ${(error as Error).message}` });
      return;
    }
    if (batch.lastSeq < firstSeq || batch.lastSeq > lastSeq) return; // outside the exported range
    const head = bySeq.get(batch.lastSeq);
    if (!head) {
      breaks.push({ kind: 'stamped_row_missing', position, seq: batch.lastSeq, detail: `the time-stamped row seq ${batch.lastSeq} is not in the export` });
    } else if (head.rowHash !== batch.headHash) {
      breaks.push({ kind: 'bad_timestamp', position, seq: batch.lastSeq, detail: `row seq ${batch.lastSeq} is not the row that was time-stamped` });
    } else {
      stampedThrough = Math.max(stampedThrough ?? 0, batch.lastSeq);
    }
  });
  const through = stampedThrough as number | null;
  return {
    ok: breaks.length === 0,
    rows: rows.length,
    batches: data.batches.length,
    stampedThrough: through,
    unstampedRows: rows.filter((row) => through === null || row.seq > through).length,
    breaks,
  };
}

/**
 * Why a row does not link to its predecessor: the next number with a wrong link means the predecessor
 * was changed and re-hashed; the same number twice, an extra row; a number going back, an exchange of
 * places; a gap, rows deleted (unless the missing numbers come later: reordered).
 */
function classify(previous: LogRow, row: LogRow, rows: readonly LogRow[], position: number): BreakKind {
  if (row.seq === previous.seq + 1) return 'edited';
  if (row.seq === previous.seq) return 'inserted';
  if (row.seq < previous.seq) return 'reordered';
  return rows.slice(position + 1).some((later) => later.seq > previous.seq && later.seq < row.seq) ? 'reordered' : 'deleted';
}
