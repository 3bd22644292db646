import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../kernel/db/database.ts';
import type { NewEvent, Outbox } from '../../kernel/events/outbox.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import type { DossierRow } from './dossiers.repository.ts';
import { attachment, auditEntry, dossier } from './dossiers.schema.ts';

// Group commit of filings (ADR 0006). A filing's rows are ready before any statement runs (checked
// form, checked files, first audit entry); filings that arrive while a batch is committing wait and go
// in the next batch, in one transaction of a few multi-row statements. Codes are drawn last, for the
// rows that went in, from the agency's daily sequence in one step per agency and day: consecutive,
// never duplicated or skipped (a failed batch rolls its numbers back with it). Each filing is
// acknowledged only after its batch committed. A batch that fails is retried one filing at a time,
// so one bad filing never fails the others.

/** Everything one filing writes, prepared before the transaction. */
export type PreparedFiling = Readonly<{
  dossier: typeof dossier.$inferInsert & { id: string; agencyCode: string };
  audit: typeof auditEntry.$inferInsert;
  attachments: readonly (typeof attachment.$inferInsert)[];
  /** The day (Vietnam time) whose sequence numbers it. */
  day: string;
  /** A draft to consume: its files move to the dossier and it is deleted, in the same transaction. */
  fromDraft: string | null;
  /** The outbox event, once the code is known. */
  event: (row: DossierRow) => NewEvent;
}>;

/** The dossier as committed, or `duplicate` when its (filer, Idempotency-Key) was taken meanwhile. */
export type FilingOutcome = { kind: 'filed'; row: DossierRow } | { kind: 'duplicate' };

export type FilingBatchOptions = {
  /** Filings per transaction at most. */
  maxBatch?: number;
  /** Attachment bytes per transaction at most (a batch of large scans is cut earlier). */
  maxBatchBytes?: number;
  /** Batches committing at the same time. */
  concurrency?: number;
  /** Draft clean-up, run in the transaction for filings made from a draft. */
  consumeDraft: (tx: Executor, draftId: string, dossierId: string) => Promise<void>;
};

type Waiting = { filing: PreparedFiling; bytes: number; resolve: (outcome: FilingOutcome) => void; reject: (error: unknown) => void };

export function createFilingBatcher(database: Database, outbox: Outbox, options: FilingBatchOptions) {
  const maxBatch = options.maxBatch ?? 100;
  const maxBatchBytes = options.maxBatchBytes ?? 16 * 1024 * 1024;
  const concurrency = options.concurrency ?? 2;
  const queue: Waiting[] = [];
  let running = 0;

  async function write(tx: Executor, filings: readonly PreparedFiling[]): Promise<FilingOutcome[]> {
    // A (filer, key) pair already taken is skipped, not an error: that filing answers as a replay.
    const inserted = await tx.insert(dossier).values(filings.map((f) => f.dossier)).onConflictDoNothing().returning();
    const byId = new Map(inserted.map((row) => [row.id, row]));
    const went = filings.filter((f) => byId.has(f.dossier.id));
    if (went.length > 0) {
      await tx.insert(auditEntry).values(went.map((f) => f.audit));
      const files = went.flatMap((f) => f.attachments);
      if (files.length > 0) await tx.insert(attachment).values(files);
      for (const f of went) if (f.fromDraft) await options.consumeDraft(tx, f.fromDraft, f.dossier.id);
      // Numbers per agency and day, in arrival order: one upsert reserves the whole run.
      const groups = new Map<string, PreparedFiling[]>();
      for (const f of went) {
        const key = `${f.dossier.agencyCode}|${f.day}`;
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
      const codes: { id: string; code: string }[] = [];
      // Locked in one order (agency, day) so two batches never wait on each other's sequence rows.
      for (const [, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const { agencyCode } = group[0]?.dossier ?? { agencyCode: '' };
        const day = group[0]?.day ?? '';
        const rows = await tx.execute<{ last: number }>(sql`
          insert into dossiers.daily_sequence (agency_code, day, last) values (${agencyCode}, ${day}, ${group.length})
          on conflict (agency_code, day) do update set last = dossiers.daily_sequence.last + ${group.length}
          returning last`);
        const last = Number(rows[0]?.last);
        if (!Number.isInteger(last)) throw new Error('daily sequence upsert returned no row');
        group.forEach((f, index) => codes.push({ id: f.dossier.id, code: formatDossierCode(agencyCode, day, last - group.length + 1 + index) }));
      }
      await tx.execute(sql`update dossiers.dossier d set code = v.code from (values ${sql.join(codes.map((c) => sql`(${c.id}::uuid, ${c.code})`), sql`, `)}) as v(id, code) where d.id = v.id`);
      for (const c of codes) {
        const row = byId.get(c.id);
        if (row) row.code = c.code;
      }
      await outbox.appendMany(tx, went.map((f) => f.event(byId.get(f.dossier.id) as DossierRow)));
    }
    return filings.map((f) => {
      const row = byId.get(f.dossier.id);
      return row ? { kind: 'filed', row } : { kind: 'duplicate' };
    });
  }

  async function commit(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await database.db.transaction((tx) => write(tx, batch.map((w) => w.filing)));
      batch.forEach((w, index) => w.resolve(outcomes[index] as FilingOutcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // Which filing failed is not known: each goes again on its own.
      for (const waiting of batch) await commit([waiting]);
    }
  }

  function take(): Waiting[] {
    const batch: Waiting[] = [];
    let bytes = 0;
    while (queue.length > 0 && batch.length < maxBatch) {
      const next = queue[0] as Waiting;
      if (batch.length > 0 && bytes + next.bytes > maxBatchBytes) break;
      queue.shift();
      batch.push(next);
      bytes += next.bytes;
    }
    return batch;
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const batch = take();
      running++;
      void commit(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return {
    /** Commits the filing with whatever else is waiting; resolves once it is durable. */
    file(filing: PreparedFiling): Promise<FilingOutcome> {
      return new Promise((resolve, reject) => {
        const bytes = filing.attachments.reduce((sum, a) => sum + (a.content?.byteLength ?? 0), 0);
        queue.push({ filing, bytes, resolve, reject });
        pump();
      });
    },
  };
}

export type FilingBatcher = ReturnType<typeof createFilingBatcher>;
