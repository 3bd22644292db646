import { and, asc, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { gatewayKey, messageLog, timestampBatch } from './exchange.schema.ts';
import type { LogRow } from './log-hash.ts';
import type { LogExport } from './log-verifier.ts';

/**
 * A message-log export for offline verification: the rows logged in [from, to) (all when omitted),
 * the time-stamps that cover them, and every gateway public key. As JSON lines: a header, then `row`
 * lines, then `timestamp` lines.
 *
 * The export is a stretch of the chain, not a filter on time: a row's time is when its call arrived
 * and its seq when it committed, so a slow call can sit between two faster, later ones; leaving it out
 * would look like a deleted row. Every row between the first and last in the period is included, and
 * the stretch runs on to the end of the time-stamp batch that covers its last row, so each exported
 * row is pinned by a token the verifier can check.
 */
export async function exportLog(db: Db, range: { from?: Date; to?: Date }): Promise<LogExport & { exportedAt: string }> {
  const conditions = [range.from ? gte(messageLog.at, range.from) : undefined, range.to ? lt(messageLog.at, range.to) : undefined].filter((c) => c !== undefined);
  const [bounds] = await db
    .select({ first: sql<string | null>`min(${messageLog.seq})`, last: sql<string | null>`max(${messageLog.seq})` })
    .from(messageLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined);
  const seqOf = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
  const first = seqOf(bounds?.first);
  let last = seqOf(bounds?.last);
  if (last !== null) {
    const [covering] = await db.select({ lastSeq: timestampBatch.lastSeq }).from(timestampBatch).where(sql`${timestampBatch.firstSeq} <= ${last} and ${timestampBatch.lastSeq} >= ${last}`).limit(1);
    if (covering) last = covering.lastSeq;
  }
  const rows = first === null || last === null ? [] : await db.select().from(messageLog).where(sql`${messageLog.seq} between ${first} and ${last}`).orderBy(asc(messageLog.seq));
  const batches =
    first === null || last === null
      ? []
      : await db
          .select()
          .from(timestampBatch)
          .where(sql`${timestampBatch.lastSeq} >= ${first} and ${timestampBatch.firstSeq} <= ${last}`)
          .orderBy(asc(timestampBatch.lastSeq));
  const keys = await db.select({ publicJwk: gatewayKey.publicJwk }).from(gatewayKey);
  return {
    exportedAt: new Date().toISOString(),
    fromSeq: first,
    toSeq: last,
    rows: rows.map((row): LogRow => ({ ...row, at: row.at.toISOString() })),
    batches: batches.map((batch) => ({ firstSeq: batch.firstSeq, lastSeq: batch.lastSeq, headHash: batch.headHash, token: batch.token, stampedAt: batch.stampedAt.toISOString() })),
    keys: keys.map((key) => key.publicJwk),
  };
}

/** The export as JSON lines. */
export function toJsonLines(data: LogExport & { exportedAt: string }): string {
  const lines = [
    JSON.stringify({ kind: 'header', format: 'congso-exchange-log-v1', exportedAt: data.exportedAt, fromSeq: data.fromSeq, toSeq: data.toSeq, keys: data.keys }),
    ...data.rows.map((row) => JSON.stringify({ kind: 'row', ...row })),
    ...data.batches.map((batch) => JSON.stringify({ kind: 'timestamp', ...batch })),
  ];
  return `${lines.join('\n')}\n`;
}

/** Reads JSON lines back; throws on a line that is not part of an export. */
export function fromJsonLines(text: string): LogExport {
  const data: LogExport = { fromSeq: null, toSeq: null, rows: [], batches: [], keys: [] };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const { kind, ...value } = JSON.parse(line) as { kind?: string } & Record<string, unknown>;
    if (kind === 'header') {
      data.fromSeq = typeof value.fromSeq === 'number' ? value.fromSeq : null;
      data.toSeq = typeof value.toSeq === 'number' ? value.toSeq : null;
      data.keys = Array.isArray(value.keys) ? (value.keys as Record<string, unknown>[]) : [];
    } else if (kind === 'row') data.rows.push(value as LogRow);
    else if (kind === 'timestamp') data.batches.push(value as LogExport['batches'][number]);
    else throw new Error(`line ${index + 1} is not part of a message-log export`);
  });
  return data;
}
