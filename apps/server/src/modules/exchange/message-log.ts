import { drizzle } from 'drizzle-orm/postgres-js';
import type { TransactionSql } from 'postgres';
import { certainlyRolledBack, isUniqueViolation, type Sql } from '../../kernel/db/database.ts';
import { rowHashOf, type LogRow } from './log-hash.ts';
import type { DataAccess, DataAccessRecorder } from './provider.ts';

/** A call's record before the chain gives it a place (seq, prev_hash, row_hash). */
export type LogEntry = Omit<LogRow, 'seq' | 'prevHash' | 'rowHash'>;

type ChainHead = { seq: number; hash: string };

/** Another instance moved the chain head since this one last committed. */
class StaleHead extends Error {}

type Pending = { entry: LogEntry; seen: { client: string; messageId: string } | null; accesses: DataAccess[]; resolve(row: LogRow): void; reject(error: unknown): void };

/** Rows written per transaction at most. */
const GROUP_LIMIT = 500;

/**
 * Appends to the hash-chained message log with group commit (as ADR 0006 does for dossiers): calls
 * that arrive while a transaction is committing wait for the next one, which writes all of them —
 * their log rows, their seen message ids and their data-tracker records — in one transaction.
 * A call's response leaves the gateway only after its row committed (X-Road logs before it answers).
 *
 * The chain stays linear across instances without a lock round trip before every batch: this
 * instance remembers the head it last committed and chains onto it. The batch's first statement moves
 * the head only if it is still the remembered one (compare-and-set, taking the head's row lock, so
 * every writer locks the head before any log row and two batches cannot deadlock on each other's
 * rows); the log's primary key on `seq` is the second check. If another instance appended meanwhile,
 * either check fails, the whole batch rolls back, and it is written again under the head's row lock
 * taken first (`for update`), which always succeeds. The remembered head is forgotten after any
 * failure and re-read, so it never runs ahead of what is committed. (Locking first on every batch,
 * through Drizzle, gave the gateway a p50 overhead of 2.0–3.9 ms per lone call; now 0.9–1.3 ms.)
 */
export function createMessageLog(deps: { sql: Sql; tracker: DataAccessRecorder }) {
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  /** The head as of this instance's last commit; undefined until read, and after any failure. */
  let known: ChainHead | undefined;

  /** The committed head, locked until the transaction ends. */
  async function lockHead(tx: TransactionSql): Promise<ChainHead> {
    const [head] = await tx`select seq, hash from exchange.chain_head where id = 1 for update`;
    if (!head) throw new Error('exchange.chain_head has no row (migrations not applied?)');
    return { seq: Number(head.seq), hash: String(head.hash) };
  }

  // The statements are postgres.js's own (named prepared statements, one round trip each, constant
  // text whatever the batch size: rows travel as arrays). Drizzle's queries are sent unprepared, and
  // postgres.js then asks the server for the parameter types first: two round trips per statement,
  // which made this transaction the bulk of the gateway's per-call cost.
  /** Chains onto `from` (the head this instance last committed), or onto the head read under its lock. */
  async function writeOnce(batch: Pending[], from: ChainHead | undefined): Promise<{ rows: LogRow[]; head: ChainHead }> {
    return deps.sql.begin(async (tx) => {
      const head = from ?? (await lockHead(tx));
      let seq = head.seq;
      let prevHash = head.hash;
      const rows: LogRow[] = batch.map(({ entry }) => {
        seq += 1;
        const fields = { ...entry, seq };
        const rowHash = rowHashOf(prevHash, fields);
        const row: LogRow = { ...fields, prevHash, rowHash };
        prevHash = rowHash;
        return row;
      });
      const seen = batch.flatMap((pending) => (pending.seen ? [{ ...pending.seen, at: pending.entry.at }] : []));
      const accesses = batch.flatMap((pending) => pending.accesses);
      const column = <K extends keyof LogRow>(key: K) => rows.map((row) => row[key]);
      // Issued together, the statements travel pipelined on the transaction's connection; they run in
      // this order, and any failure rolls the whole batch back. Times go as text[] cast on the server:
      // Drizzle, sharing this client, turned postgres.js's timestamptz[] serializer into a pass-through.
      const [moved] = await Promise.all([
        tx`update exchange.chain_head set seq = ${seq}, hash = ${prevHash} where id = 1 and seq = ${head.seq} and hash = ${head.hash}`,
        tx`insert into exchange.message_log (seq, message_id, client, service, user_id, purpose, issue, request_hash, response_hash, status, error_code, at, kid, request_signature, response_signature, prev_hash, row_hash)
           select * from unnest(${column('seq')}::bigint[], ${column('messageId')}::text[], ${column('client')}::text[], ${column('service')}::text[], ${column('userId')}::text[], ${column('purpose')}::text[], ${column('issue')}::text[],
             ${column('requestHash')}::text[], ${column('responseHash')}::text[], ${column('status')}::smallint[], ${column('errorCode')}::text[], ${column('at')}::text[]::timestamptz[], ${column('kid')}::text[],
             ${column('requestSignature')}::text[], ${column('responseSignature')}::text[], ${column('prevHash')}::text[], ${column('rowHash')}::text[])`,
        seen.length > 0
          ? tx`insert into exchange.seen_message (client, message_id, seen_at) select * from unnest(${seen.map((s) => s.client)}::text[], ${seen.map((s) => s.messageId)}::text[], ${seen.map((s) => s.at)}::text[]::timestamptz[]) on conflict do nothing`
          : undefined,
        // The tracker's port takes a Drizzle executor: one over this very transaction.
        accesses.length > 0 ? deps.tracker.record(drizzle({ client: Object.assign(tx, { options: deps.sql.options }) as unknown as Sql }), accesses) : undefined,
      ]);
      if (moved.count !== 1) throw new StaleHead();
      return { rows, head: { seq, hash: prevHash } };
    });
  }

  async function write(batch: Pending[]): Promise<LogRow[]> {
    let written;
    try {
      written = await writeOnce(batch, known);
    } catch (error) {
      known = undefined;
      if (!(error instanceof StaleHead || isUniqueViolation(error, 'message_log_pkey'))) throw error;
      // Another instance appended since this one last did: chain onto the head it left, under the lock.
      written = await writeOnce(batch, undefined);
    }
    known = written.head;
    return written.rows;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, GROUP_LIMIT);
      try {
        const rows = await write(batch);
        batch.forEach((pending, index) => pending.resolve(rows[index] as LogRow));
      } catch (error) {
        known = undefined;
        // A batch that may have committed (the connection dropped around COMMIT) is not written again:
        // its rows and tracker records would be there twice. Its calls fail; their rows may stand.
        if (batch.length === 1 || !certainlyRolledBack(error)) {
          for (const pending of batch) pending.reject(error);
          continue;
        }
        // One bad entry (e.g. a tracker record the tracker refuses) must not fail the others: alone, each
        // either commits or fails by itself.
        for (const pending of batch) {
          try {
            const [row] = await write([pending]);
            pending.resolve(row as LogRow);
          } catch (alone) {
            known = undefined;
            pending.reject(alone);
          }
        }
      }
    }
    flushing = undefined;
  }

  return {
    /** Resolves with the committed row; rejects when the transaction failed (the call must fail too). */
    append(entry: LogEntry, options: { seen?: { client: string; messageId: string } | null; accesses?: DataAccess[] } = {}): Promise<LogRow> {
      return new Promise<LogRow>((resolve, reject) => {
        queue.push({ entry, seen: options.seen ?? null, accesses: options.accesses ?? [], resolve, reject });
        flushing ??= drain();
      });
    },
    /** Waits for every queued row (for shutdown). */
    async settle(): Promise<void> {
      await flushing;
    },
  };
}
export type MessageLog = ReturnType<typeof createMessageLog>;
