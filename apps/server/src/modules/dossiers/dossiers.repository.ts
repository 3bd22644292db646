import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { attachment, auditEntry, dossier, draft, leg, service } from './dossiers.schema.ts';

export type DossierRow = typeof dossier.$inferSelect;
export type ServiceRow = typeof service.$inferSelect;
export type AuditRow = typeof auditEntry.$inferSelect;
export type LegRow = typeof leg.$inferSelect;
export type DraftRow = typeof draft.$inferSelect;
export type NewLeg = typeof leg.$inferInsert;
export type TrackingRow = { ownerId: string; filedBy: string; channel: string; serviceId: string; serviceVersion: number; agencyCode: string; state: string; dueDate: string | null; timeline: { at: string; action: string; state: string }[] };
export type AttachmentMeta = Omit<typeof attachment.$inferSelect, 'content'>;

/** Which dossiers a queue holds: states, the agency's side (receiving, competent, either), unit, due window. */
function queueConditions(filter: { agencyCode: string | null; side: 'receiving' | 'handling' | 'either'; unitCode: string | null; states: readonly string[]; dueBefore?: Date; dueFrom?: Date; procedureCode?: string }) {
  const conditions = [inArray(dossier.state, [...filter.states])];
  if (filter.agencyCode) {
    const code = filter.agencyCode;
    const handling = sql`coalesce(${dossier.handlingAgencyCode}, ${dossier.agencyCode}) = ${code}`;
    conditions.push(filter.side === 'receiving' ? eq(dossier.agencyCode, code) : filter.side === 'handling' ? handling : sql`(${dossier.agencyCode} = ${code} or ${handling})`);
  }
  if (filter.unitCode) conditions.push(sql`(${dossier.unitCode} is null or ${dossier.unitCode} = ${filter.unitCode})`);
  if (filter.dueBefore) conditions.push(sql`${dossier.dueAt} < ${filter.dueBefore.toISOString()}::timestamptz`);
  if (filter.dueFrom) conditions.push(sql`${dossier.dueAt} >= ${filter.dueFrom.toISOString()}::timestamptz`);
  if (filter.procedureCode) conditions.push(eq(dossier.procedureCode, filter.procedureCode));
  return conditions;
}

/** Queries only: the service layer decides. */
export function createDossiersRepository(db: Executor) {
  return {
    async findService(agencyCode: string, procedureCode: string, executor: Executor = db): Promise<ServiceRow | undefined> {
      const rows = await executor.select().from(service).where(and(eq(service.agencyCode, agencyCode), eq(service.procedureCode, procedureCode))).limit(1);
      return rows[0];
    },

    async findServiceById(id: string, executor: Executor = db): Promise<ServiceRow | undefined> {
      const rows = await executor.select().from(service).where(eq(service.id, id)).limit(1);
      return rows[0];
    },

    /** Enabled services across agencies (for the portal), optionally of one procedure. */
    async listOffered(procedureCode: string | null, limit: number): Promise<ServiceRow[]> {
      const conditions = [eq(service.enabled, true), ...(procedureCode ? [eq(service.procedureCode, procedureCode)] : [])];
      return db.select().from(service).where(and(...conditions)).orderBy(asc(service.procedureCode), asc(service.agencyCode)).limit(limit);
    },

    async listServices(agencyCode: string): Promise<ServiceRow[]> {
      return db.select().from(service).where(and(eq(service.agencyCode, agencyCode), eq(service.enabled, true))).orderBy(asc(service.procedureCode));
    },

    /** Inserts or replaces a service definition, bumping its version. */
    async saveService(row: { id: string; agencyCode: string; procedureCode: string; definition: unknown; enabled: boolean }): Promise<ServiceRow> {
      const saved = await db
        .insert(service)
        .values({ ...row, version: 1 })
        .onConflictDoUpdate({ target: [service.agencyCode, service.procedureCode], set: { definition: row.definition, enabled: row.enabled, version: sql`${service.version} + 1`, updatedAt: sql`now()` } })
        .returning();
      return saved[0] as ServiceRow;
    },

    async insertDossier(tx: Executor, row: typeof dossier.$inferInsert): Promise<DossierRow> {
      const inserted = await tx.insert(dossier).values(row).returning();
      return inserted[0] as DossierRow;
    },

    async findByIdempotencyKey(tx: Executor, filedBy: string, key: string): Promise<DossierRow | undefined> {
      const rows = await tx.select().from(dossier).where(and(eq(dossier.filedBy, filedBy), eq(dossier.idempotencyKey, key))).limit(1);
      return rows[0];
    },

    async findByCode(code: string, executor: Executor = db): Promise<DossierRow | undefined> {
      const rows = await executor.select().from(dossier).where(eq(dossier.code, code)).limit(1);
      return rows[0];
    },

    /** The dossier, locked for the rest of the transaction (one action at a time per dossier). */
    async lockByCode(tx: Executor, code: string): Promise<DossierRow | undefined> {
      const rows = await tx.select().from(dossier).where(eq(dossier.code, code)).for('update').limit(1);
      return rows[0];
    },

    async updateDossier(tx: Executor, id: string, patch: Partial<typeof dossier.$inferInsert>): Promise<DossierRow> {
      const rows = await tx.update(dossier).set({ ...patch, revision: sql`${dossier.revision} + 1`, updatedAt: sql`now()` }).where(eq(dossier.id, id)).returning();
      return rows[0] as DossierRow;
    },

    async insertAudit(tx: Executor, row: typeof auditEntry.$inferInsert): Promise<void> {
      await tx.insert(auditEntry).values(row);
    },

    async listAudit(dossierId: string): Promise<AuditRow[]> {
      return db.select().from(auditEntry).where(eq(auditEntry.dossierId, dossierId)).orderBy(asc(auditEntry.seq));
    },

    async listOwned(ownerIds: readonly string[], limit: number): Promise<DossierRow[]> {
      if (ownerIds.length === 0) return [];
      return db.select().from(dossier).where(inArray(dossier.ownerId, [...ownerIds])).orderBy(desc(dossier.createdAt)).limit(limit);
    },

    /** How many dossiers an agency's queue holds (same filter as `queue`, without paging). */
    async countQueue(filter: { agencyCode: string; side: 'receiving' | 'handling' | 'either'; unitCode: string | null; states: readonly string[]; dueBefore?: Date; dueFrom?: Date }): Promise<number> {
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(dossier).where(and(...queueConditions(filter)));
      return rows[0]?.n ?? 0;
    },

    /** How many consultations and transfers addressed to an agency (and unit) are open. */
    async countLegInbox(filter: { agencyCode: string; unitCode: string | null }): Promise<number> {
      const conditions = [eq(leg.toAgencyCode, filter.agencyCode), eq(leg.status, 'open')];
      if (filter.unitCode) conditions.push(sql`(${leg.toUnitCode} is null or ${leg.toUnitCode} = ${filter.unitCode})`);
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(leg).where(and(...conditions));
      return rows[0]?.n ?? 0;
    },

    /**
     * One page of an agency's queue, ordered by due time then id (keyset paging: `after` is the last
     * row of the previous page). `unitCode` narrows to a unit (and dossiers not yet given to one).
     */
    async queue(filter: { agencyCode: string | null; side: 'receiving' | 'handling' | 'either'; unitCode: string | null; states: readonly string[]; dueBefore?: Date; dueFrom?: Date; procedureCode?: string; after?: { dueAt: Date; id: string }; limit: number }): Promise<DossierRow[]> {
      const conditions = queueConditions(filter);
      if (filter.after) conditions.push(sql`(${dossier.dueAt}, ${dossier.id}) > (${filter.after.dueAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`);
      return db.select().from(dossier).where(and(...conditions)).orderBy(asc(dossier.dueAt), asc(dossier.id)).limit(filter.limit);
    },

    /**
     * What public tracking shows, for several codes in one round trip: each dossier's public fields and
     * its timeline (time, action, resulting state) aggregated from the audit entries.
     */
    async tracking(codes: readonly string[]): Promise<Map<string, TrackingRow>> {
      if (codes.length === 0) return new Map();
      const rows = await db.execute<{ code: string; owner_id: string; filed_by: string; channel: string; service_id: string; service_version: number; agency_code: string; state: string; due_date: string | null; timeline: TrackingRow['timeline'] }>(sql`
        select d.code, d.owner_id, d.filed_by, d.channel, d.service_id, d.service_version, d.agency_code, d.state, d.due_date::text as due_date,
               coalesce((select json_agg(json_build_object('at', a.entry->>'at', 'action', a.entry->>'action', 'state', a.entry->>'to') order by a.seq)
                         from dossiers.audit_entry a where a.dossier_id = d.id), '[]'::json) as timeline
        from dossiers.dossier d where d.code = any(${sql.param([...codes])}::text[])`);
      return new Map(rows.map((row) => [row.code, { ownerId: row.owner_id, filedBy: row.filed_by, channel: row.channel, serviceId: row.service_id, serviceVersion: row.service_version, agencyCode: row.agency_code, state: row.state, dueDate: row.due_date, timeline: row.timeline }]));
    },

    /** The register (sổ theo dõi): dossiers an agency received in [from, to), by reception time then id. */
    async register(filter: { agencyCode: string; from: Date; to: Date; after?: { dueAt: Date; id: string }; limit: number }): Promise<DossierRow[]> {
      const conditions = [
        eq(dossier.agencyCode, filter.agencyCode),
        sql`${dossier.receivedAt} >= ${filter.from.toISOString()}::timestamptz`,
        sql`${dossier.receivedAt} < ${filter.to.toISOString()}::timestamptz`,
      ];
      if (filter.after) conditions.push(sql`(${dossier.receivedAt}, ${dossier.id}) > (${filter.after.dueAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`);
      return db.select().from(dossier).where(and(...conditions)).orderBy(asc(dossier.receivedAt), asc(dossier.id)).limit(filter.limit);
    },

    /** Dossiers after `afterId` in id order (for walking every audit chain in batches). */
    async dossierHeads(afterId: string | null, limit: number): Promise<Pick<DossierRow, 'id' | 'code' | 'auditCount' | 'auditLastHash'>[]> {
      return db
        .select({ id: dossier.id, code: dossier.code, auditCount: dossier.auditCount, auditLastHash: dossier.auditLastHash })
        .from(dossier)
        .where(afterId ? sql`${dossier.id} > ${afterId}::uuid` : sql`true`)
        .orderBy(asc(dossier.id))
        .limit(limit);
    },

    async insertAttachment(tx: Executor, row: typeof attachment.$inferInsert): Promise<void> {
      await tx.insert(attachment).values(row);
    },

    /** The files of a dossier, without their content. */
    async listAttachments(dossierId: string, executor: Executor = db): Promise<AttachmentMeta[]> {
      return executor
        .select({ id: attachment.id, dossierId: attachment.dossierId, documentCode: attachment.documentCode, kind: attachment.kind, storedName: attachment.storedName, mediaType: attachment.mediaType, size: attachment.size, sha256: attachment.sha256, storeItemId: attachment.storeItemId, createdAt: attachment.createdAt })
        .from(attachment)
        .where(eq(attachment.dossierId, dossierId))
        .orderBy(asc(attachment.createdAt), asc(attachment.id));
    },

    async findAttachment(dossierId: string, id: string): Promise<(typeof attachment.$inferSelect) | undefined> {
      const rows = await db.select().from(attachment).where(and(eq(attachment.dossierId, dossierId), eq(attachment.id, id))).limit(1);
      return rows[0];
    },

    async deleteAttachment(tx: Executor, dossierId: string, id: string): Promise<boolean> {
      const rows = await tx.delete(attachment).where(and(eq(attachment.dossierId, dossierId), eq(attachment.id, id))).returning({ id: attachment.id });
      return rows.length > 0;
    },

    async insertDraft(row: typeof draft.$inferInsert): Promise<DraftRow> {
      const rows = await db.insert(draft).values(row).returning();
      return rows[0] as DraftRow;
    },

    /** The filer's draft (another account's draft is not found). */
    async findDraft(id: string, filedBy: string, executor: Executor = db): Promise<DraftRow | undefined> {
      const rows = await executor.select().from(draft).where(and(eq(draft.id, id), eq(draft.filedBy, filedBy))).limit(1);
      return rows[0];
    },

    async updateDraft(id: string, filedBy: string, formData: unknown): Promise<DraftRow | undefined> {
      const rows = await db.update(draft).set({ formData, updatedAt: sql`now()` }).where(and(eq(draft.id, id), eq(draft.filedBy, filedBy))).returning();
      return rows[0];
    },

    /** Deletes the draft; whether it was there. */
    async deleteDraft(tx: Executor, id: string): Promise<boolean> {
      const rows = await tx.delete(draft).where(eq(draft.id, id)).returning({ id: draft.id });
      return rows.length > 0;
    },

    async listDrafts(filedBy: string, limit: number): Promise<DraftRow[]> {
      return db.select().from(draft).where(eq(draft.filedBy, filedBy)).orderBy(desc(draft.updatedAt)).limit(limit);
    },

    /** Gives a draft's files to the dossier filed from it. */
    async moveAttachments(tx: Executor, fromId: string, toId: string): Promise<void> {
      await tx.update(attachment).set({ dossierId: toId }).where(eq(attachment.dossierId, fromId));
    },

    /** An agency's counts for a period (dossiers it received) and now (in progress, overdue). */
    async periodCounts(filter: { agencyCode: string; from: Date; to: Date; now: Date; inProgress: readonly string[] }) {
      const from = filter.from.toISOString();
      const to = filter.to.toISOString();
      const inProgress = inArray(dossier.state, [...filter.inProgress]);
      const rows = await db.execute<Record<string, number>>(sql`
        select
          count(*) filter (where received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz)::int as received,
          count(*) filter (where received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz and channel = 'online')::int as online,
          count(*) filter (where received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz and channel = 'in_person')::int as in_person,
          count(*) filter (where received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz and channel = 'postal')::int as postal,
          count(*) filter (where finished_at >= ${from}::timestamptz and finished_at < ${to}::timestamptz)::int as decided,
          count(*) filter (where finished_at >= ${from}::timestamptz and finished_at < ${to}::timestamptz and punctuality = 'early')::int as early,
          count(*) filter (where finished_at >= ${from}::timestamptz and finished_at < ${to}::timestamptz and punctuality = 'on_time')::int as on_time,
          count(*) filter (where finished_at >= ${from}::timestamptz and finished_at < ${to}::timestamptz and punctuality = 'late')::int as late,
          count(*) filter (where returned_at >= ${from}::timestamptz and returned_at < ${to}::timestamptz)::int as returned,
          count(*) filter (where ${inProgress})::int as in_progress,
          count(*) filter (where ${inProgress} and due_at < ${filter.now.toISOString()}::timestamptz)::int as overdue
        from dossiers.dossier where agency_code = ${filter.agencyCode}`);
      return rows[0] ?? {};
    },

    /** Consultations and transfers asked of an agency: asked and answered in the period, late, overdue now. */
    async legCounts(filter: { agencyCode: string; from: Date; to: Date; now: Date }) {
      const from = filter.from.toISOString();
      const to = filter.to.toISOString();
      return db.execute<{ kind: 'consultation' | 'transfer'; asked: number; answered: number; answered_late: number; open_overdue: number }>(sql`
        select kind,
          count(*) filter (where requested_at >= ${from}::timestamptz and requested_at < ${to}::timestamptz)::int as asked,
          count(*) filter (where answered_at >= ${from}::timestamptz and answered_at < ${to}::timestamptz)::int as answered,
          count(*) filter (where answered_at >= ${from}::timestamptz and answered_at < ${to}::timestamptz and answered_at > due_at)::int as answered_late,
          count(*) filter (where status = 'open' and due_at < ${filter.now.toISOString()}::timestamptz)::int as open_overdue
        from dossiers.leg where to_agency_code = ${filter.agencyCode} group by kind`);
    },

    /** Dossiers an agency received that were decided in [from, to), by id after `afterId`. */
    async decidedPage(filter: { agencyCode: string; from: Date; to: Date; afterId: string | null; limit: number }): Promise<DossierRow[]> {
      const conditions = [eq(dossier.agencyCode, filter.agencyCode), sql`${dossier.finishedAt} >= ${filter.from.toISOString()}::timestamptz`, sql`${dossier.finishedAt} < ${filter.to.toISOString()}::timestamptz`];
      if (filter.afterId) conditions.push(sql`${dossier.id} > ${filter.afterId}::uuid`);
      return db.select().from(dossier).where(and(...conditions)).orderBy(asc(dossier.id)).limit(filter.limit);
    },

    async auditOf(dossierIds: readonly string[]): Promise<AuditRow[]> {
      if (dossierIds.length === 0) return [];
      return db.select().from(auditEntry).where(inArray(auditEntry.dossierId, [...dossierIds])).orderBy(asc(auditEntry.dossierId), asc(auditEntry.seq));
    },

    async legsOf(dossierIds: readonly string[]): Promise<LegRow[]> {
      if (dossierIds.length === 0) return [];
      return db.select().from(leg).where(inArray(leg.dossierId, [...dossierIds])).orderBy(asc(leg.requestedAt), asc(leg.id));
    },

    async listLegs(dossierId: string, executor: Executor = db): Promise<LegRow[]> {
      return executor.select().from(leg).where(eq(leg.dossierId, dossierId)).orderBy(asc(leg.requestedAt), asc(leg.id));
    },

    async insertLegs(tx: Executor, rows: NewLeg[]): Promise<void> {
      if (rows.length > 0) await tx.insert(leg).values(rows);
    },

    async answerLeg(tx: Executor, id: string, answer: { answer: string; answeredAt: Date; answeredBy: string }): Promise<void> {
      await tx.update(leg).set({ ...answer, status: 'answered' }).where(and(eq(leg.id, id), eq(leg.status, 'open')));
    },

    /** Ends the open legs of a dossier that ends (withdrawn, stopped) without an answer. */
    async closeOpenLegs(tx: Executor, dossierId: string): Promise<void> {
      await tx.update(leg).set({ status: 'closed' }).where(and(eq(leg.dossierId, dossierId), eq(leg.status, 'open')));
    },

    /**
     * Open consultations and transfers addressed to an agency (and unit), by their deadline then id
     * (keyset paging), with the dossier's code and procedure.
     */
    async legInbox(filter: { agencyCode: string; unitCode: string | null; dueBefore?: Date; procedureCode?: string; after?: { dueAt: Date; id: string }; limit: number }) {
      const conditions = [eq(leg.toAgencyCode, filter.agencyCode), eq(leg.status, 'open')];
      if (filter.procedureCode) conditions.push(eq(dossier.procedureCode, filter.procedureCode));
      if (filter.unitCode) conditions.push(sql`(${leg.toUnitCode} is null or ${leg.toUnitCode} = ${filter.unitCode})`);
      if (filter.dueBefore) conditions.push(sql`${leg.dueAt} < ${filter.dueBefore.toISOString()}::timestamptz`);
      if (filter.after) conditions.push(sql`(${leg.dueAt}, ${leg.id}) > (${filter.after.dueAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`);
      return db
        .select({ leg, dossier })
        .from(leg)
        .innerJoin(dossier, eq(dossier.id, leg.dossierId))
        .where(and(...conditions))
        .orderBy(asc(leg.dueAt), asc(leg.id))
        .limit(filter.limit);
    },
  };
}

export type DossiersRepository = ReturnType<typeof createDossiersRepository>;
