import { createHash } from 'node:crypto';

// The message log's hash chain, shared by the gateway (append) and the offline verifier.

export const GENESIS_HASH = '0'.repeat(64);

/** A message-log row as stored and exported. */
export type LogRow = {
  seq: number;
  messageId: string | null;
  client: string | null;
  service: string | null;
  userId: string | null;
  purpose: string | null;
  issue: string | null;
  requestHash: string | null;
  responseHash: string | null;
  status: number;
  errorCode: string | null;
  /** ISO 8601 instant, millisecond precision (as stored). */
  at: string;
  kid: string;
  requestSignature: string | null;
  responseSignature: string | null;
  prevHash: string;
  rowHash: string;
};

/** The row's fields in a fixed order, as JSON: what row_hash covers besides prev_hash. */
export function canonicalRow(row: Omit<LogRow, 'prevHash' | 'rowHash'>): string {
  return JSON.stringify([
    row.seq,
    row.messageId,
    row.client,
    row.service,
    row.userId,
    row.purpose,
    row.issue,
    row.requestHash,
    row.responseHash,
    row.status,
    row.errorCode,
    row.at,
    row.kid,
    row.requestSignature,
    row.responseSignature,
  ]);
}

/** row_hash = hex SHA-256(prev_hash + LF + canonical row). */
export function rowHashOf(prevHash: string, row: Omit<LogRow, 'prevHash' | 'rowHash'>): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalRow(row)}`).digest('hex');
}
