import { createHash } from 'node:crypto';

// The dossier's audit log is a hash chain: each entry's hash covers the previous hash and the entry's
// canonical JSON, and the dossier keeps the head (entry count and last hash). Editing, deleting,
// inserting or reordering any entry breaks a link or the head, and `verifyChain` says where.
// (Someone able to rewrite the whole chain and the head together is caught only by an outside anchor
// of the head, e.g. published digests — a later step.)

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = Readonly<{
  seq: number;
  at: string;
  actor: Readonly<{ kind: string; id: string; role: string | null }>;
  action: string;
  from: string | null;
  to: string;
  reason: string | null;
  data?: Readonly<Record<string, unknown>>;
}>;

export type ChainedEntry = Readonly<{ entry: AuditEntry; prevHash: string; hash: string }>;
export type ChainHead = Readonly<{ count: number; lastHash: string }>;

/** JSON with object keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** Appends an entry after `head`, giving the stored row and the new head. */
export function append(head: ChainHead, entry: Omit<AuditEntry, 'seq'>): { row: ChainedEntry; head: ChainHead } {
  const full: AuditEntry = { ...entry, seq: head.count + 1 };
  const hash = entryHash(head.lastHash, full);
  return { row: { entry: full, prevHash: head.lastHash, hash }, head: { count: full.seq, lastHash: hash } };
}

export const EMPTY_HEAD: ChainHead = { count: 0, lastHash: GENESIS_HASH };

export type ChainProblem = 'sequence' | 'link' | 'hash' | 'head';
export type ChainVerdict = { ok: true } | { ok: false; index: number; problem: ChainProblem };

/** Checks rows in stored order against each other and against the dossier's head. */
export function verifyChain(rows: readonly ChainedEntry[], head: ChainHead): ChainVerdict {
  let previous = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    if (row.entry.seq !== index + 1) return { ok: false, index, problem: 'sequence' };
    if (row.prevHash !== previous) return { ok: false, index, problem: 'link' };
    if (entryHash(row.prevHash, row.entry) !== row.hash) return { ok: false, index, problem: 'hash' };
    previous = row.hash;
  }
  if (rows.length !== head.count || previous !== head.lastHash) return { ok: false, index: rows.length, problem: 'head' };
  return { ok: true };
}
