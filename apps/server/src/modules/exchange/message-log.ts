import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { messageLog, seenMessage } from './exchange.schema.ts';
import { rowHashOf, type LogRow } from './log-hash.ts';
import type { DataAccess, DataAccessRecorder } from './provider.ts';

/** A call's record before the chain gives it a place (seq, prev_hash, row_hash). */
export type LogEntry = Omit<LogRow, 'seq' | 'prevHash' | 'rowHash'>;

type Pending = { entry: LogEntry; seen: { client: string; messageId: string } | null; accesses: DataAccess[]; resolve(row: LogRow): void; reject(error: unknown): void };

/** Rows written per transaction at most. */
const GROUP_LIMIT = 500;

/**
 * Appends to the hash-chained message log with group commit (as ADR 0006 does for dossiers): calls
 * that arrive while a transaction is committing wait for the next one, which writes all of them —
 * their log rows, their seen message ids and their data-tracker records — under the chain head's row
 * lock. The chain stays linear across instances (the lock) and one commit serves many calls.
 * A call's response leaves the gateway only after its row committed (X-Road logs before it answers).
 */
export function createMessageLog(deps: { db: Db; tracker: DataAccessRecorder }) {
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;

  async function write(batch: Pending[]): Promise<LogRow[]> {
    return deps.db.transaction(async (tx) => {
      const [head] = (await tx.execute(sql`select seq, hash from exchange.chain_head where id = 1 for update`)) as unknown as { seq: string; hash: string }[];
      if (!head) throw new Error('exchange.chain_head has no row (migrations not applied?)');
      let seq = Number(head.seq);
      let prevHash = head.hash;
      const rows: LogRow[] = batch.map(({ entry }) => {
        seq += 1;
        const fields = { ...entry, seq };
        const rowHash = rowHashOf(prevHash, fields);
        const row: LogRow = { ...fields, prevHash, rowHash };
        prevHash = rowHash;
        return row;
      });
      const seen = batch.flatMap((pending) => (pending.seen ? [{ ...pending.seen, seenAt: new Date(pending.entry.at) }] : []));
      const accesses = batch.flatMap((pending) => pending.accesses);
      // Issued together, the statements travel pipelined on the transaction's connection (one round
      // trip instead of four); they run in this order, and any failure rolls the whole batch back.
      await Promise.all([
        tx.insert(messageLog).values(rows.map((row) => ({ ...row, at: new Date(row.at) }))),
        seen.length > 0 ? tx.insert(seenMessage).values(seen).onConflictDoNothing() : undefined,
        accesses.length > 0 ? deps.tracker.record(tx, accesses) : undefined,
        tx.execute(sql`update exchange.chain_head set seq = ${seq}, hash = ${prevHash} where id = 1`),
      ]);
      return rows;
    });
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, GROUP_LIMIT);
      try {
        const rows = await write(batch);
        batch.forEach((pending, index) => pending.resolve(rows[index] as LogRow));
      } catch (error) {
        if (batch.length === 1) {
          batch[0]?.reject(error);
          continue;
        }
        // One bad entry (e.g. a tracker record the tracker refuses) must not fail the others: alone, each
        // either commits or fails by itself.
        for (const pending of batch) {
          try {
            const [row] = await write([pending]);
            pending.resolve(row as LogRow);
          } catch (alone) {
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
