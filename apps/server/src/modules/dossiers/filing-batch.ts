import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../kernel/db/database.ts';
import type { NewEvent, Outbox } from '../../kernel/events/outbox.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import type { DossierRow } from './dossiers.repository.ts';
import { attachment, type auditEntry, type dossier } from './dossiers.schema.ts';

// Group commit of filings (ADR 0006). A filing's rows are ready before any statement runs (checked
// form, checked files, first audit entry); filings that arrive while a batch is committing wait and go
// in the next batch, in one transaction of a few multi-row statements. Codes come from the agency's
// daily sequence in one step per agency and day: consecutive, never duplicated or skipped (a failed
// batch rolls its numbers back with it). Each filing is acknowledged only after its batch committed.
// A batch that fails is retried one filing at a time, so one bad filing never fails the others.

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

// The batch's rows travel as one JSON parameter each (jsonb_to_recordset): building a multi-row
// insert value by value costs the server more CPU than the database spends on the rows. The column
// lists follow dossiers.schema.ts; the filing tests read every column back.

async function insertDossiers(tx: Executor, rows: readonly DossierRow[]): Promise<void> {
  const records = rows.map((r) => ({
    id: r.id, code: r.code, service_id: r.serviceId, service_version: r.serviceVersion, agency_code: r.agencyCode, handling_agency_code: r.handlingAgencyCode ?? null, unit_code: r.unitCode ?? null,
    procedure_code: r.procedureCode, owner_id: r.ownerId, owner_kind: r.ownerKind, filed_by: r.filedBy, channel: r.channel, state: r.state, form_data: r.formData,
    submitted_at: r.submittedAt ?? null, due_date: r.dueDate ?? null, due_at: r.dueAt ?? null, idempotency_key: r.idempotencyKey ?? null, request_hash: r.requestHash ?? null,
    audit_count: r.auditCount ?? 0, audit_last_hash: r.auditLastHash,
  }));
  await tx.execute(sql`
    insert into dossiers.dossier (id, code, service_id, service_version, agency_code, handling_agency_code, unit_code, procedure_code, owner_id, owner_kind, filed_by, channel, state, form_data, submitted_at, due_date, due_at, idempotency_key, request_hash, audit_count, audit_last_hash)
    select id, code, service_id, service_version, agency_code, handling_agency_code, unit_code, procedure_code, owner_id, owner_kind, filed_by, channel, state, form_data, submitted_at, due_date, due_at, idempotency_key, request_hash, audit_count, audit_last_hash
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(id uuid, code text, service_id uuid, service_version int, agency_code text, handling_agency_code text, unit_code text, procedure_code text, owner_id text, owner_kind text, filed_by uuid, channel text, state text, form_data jsonb, submitted_at timestamptz, due_date date, due_at timestamptz, idempotency_key text, request_hash text, audit_count int, audit_last_hash text)
`);
}

async function insertAuditEntries(tx: Executor, rows: readonly PreparedFiling['audit'][]): Promise<void> {
  const records = rows.map((r) => ({ dossier_id: r.dossierId, seq: r.seq, entry: r.entry, prev_hash: r.prevHash, hash: r.hash }));
  await tx.execute(sql`
    insert into dossiers.audit_entry (dossier_id, seq, entry, prev_hash, hash)
    select dossier_id, seq, entry, prev_hash, hash from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(dossier_id uuid, seq int, entry jsonb, prev_hash text, hash text)`);
}

/** A new dossier row as stored: the values written, and the defaults of the columns not given. */
function asWritten(row: PreparedFiling['dossier'], now: Date): DossierRow {
  return {
    code: null, handlingAgencyCode: null, unitCode: null, resumeTo: null, supplementsInProcessing: 0, reschedules: 0, openLegs: 0, legCount: 0, handlerId: null,
    submittedAt: null, receivedAt: null, dueDate: null, dueAt: null, finishedAt: null, returnedAt: null, punctuality: null, resultDelivery: null,
    auditCount: 0, idempotencyKey: null, requestHash: null, revision: 0, createdAt: now, updatedAt: now,
    ...row,
  };
}

type Waiting = { filing: PreparedFiling; bytes: number; resolve: (row: DossierRow) => void; reject: (error: unknown) => void };

export function createFilingBatcher(database: Database, outbox: Outbox, options: FilingBatchOptions) {
  const maxBatch = options.maxBatch ?? 100;
  const maxBatchBytes = options.maxBatchBytes ?? 16 * 1024 * 1024;
  const concurrency = options.concurrency ?? 2;
  const queue: Waiting[] = [];
  let running = 0;

  async function write(tx: Executor, filings: readonly PreparedFiling[]): Promise<DossierRow[]> {
    // Numbers per agency and day, in arrival order: one upsert reserves the whole run. Drawn first so
    // each row is written once, with its code; locked in one order (agency, day) so two batches never
    // wait on each other's sequence rows crosswise.
    const groups = new Map<string, PreparedFiling[]>();
    for (const f of filings) {
      const key = `${f.dossier.agencyCode}|${f.day}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const codes = new Map<string, string>();
    for (const [, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { agencyCode } = group[0]?.dossier ?? { agencyCode: '' };
      const day = group[0]?.day ?? '';
      const rows = await tx.execute<{ last: number }>(sql`
        insert into dossiers.daily_sequence (agency_code, day, last) values (${agencyCode}, ${day}, ${group.length})
        on conflict (agency_code, day) do update set last = dossiers.daily_sequence.last + ${group.length}
        returning last`);
      const last = Number(rows[0]?.last);
      if (!Number.isInteger(last)) throw new Error('daily sequence upsert returned no row');
      group.forEach((f, index) => codes.set(f.dossier.id, formatDossierCode(agencyCode, day, last - group.length + 1 + index)));
    }
    // The rows are what was written, with the columns' defaults: nothing is read back.
    const now = new Date();
    const rows = filings.map((f) => asWritten({ ...f.dossier, code: codes.get(f.dossier.id) ?? null }, now));
    // A taken (filer, Idempotency-Key) fails the insert, and with it the batch: its numbers go back,
    // and each filing is tried again alone (the one that lost the race then answers as a replay).
    await insertDossiers(tx, rows);
    await insertAuditEntries(tx, filings.map((f) => f.audit));
    const files = filings.flatMap((f) => f.attachments);
    if (files.length > 0) await tx.insert(attachment).values(files);
    for (const f of filings) if (f.fromDraft) await options.consumeDraft(tx, f.fromDraft, f.dossier.id);
    await outbox.appendMany(tx, filings.map((f, index) => f.event(rows[index] as DossierRow)));
    return rows;
  }

  async function commit(batch: Waiting[]): Promise<void> {
    try {
      const rows = await database.db.transaction((tx) => write(tx, batch.map((w) => w.filing)));
      batch.forEach((w, index) => w.resolve(rows[index] as DossierRow));
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
    file(filing: PreparedFiling): Promise<DossierRow> {
      return new Promise((resolve, reject) => {
        const bytes = filing.attachments.reduce((sum, a) => sum + (a.content?.byteLength ?? 0), 0);
        queue.push({ filing, bytes, resolve, reject });
        pump();
      });
    },
  };
}

export type FilingBatcher = ReturnType<typeof createFilingBatcher>;
