import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const dossiersSchema = pgSchema('dossiers');

/**
 * A catalogue procedure enabled as an online service at an agency (the definition: form, documents,
 * fees, process, time limit, clock rule), validated before it is stored. Versioned: a dossier keeps
 * the version it was submitted under.
 */
export const service = dossiersSchema.table(
  'service',
  {
    id: uuid('id').primaryKey(),
    agencyCode: text('agency_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    version: integer('version').notNull().default(1),
    definition: jsonb('definition').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('service_agency_procedure_uq').on(t.agencyCode, t.procedureCode)],
);

/**
 * The daily sequence of dossier codes per receiving agency (Circular 01/2018 Art. 19). Incremented in
 * the submitting transaction: concurrent submissions queue on the row, and a rolled-back submission
 * gives its number back, so numbers are neither duplicated nor skipped.
 */
export const dailySequence = dossiersSchema.table(
  'daily_sequence',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

export const dossier = dossiersSchema.table(
  'dossier',
  {
    id: uuid('id').primaryKey(),
    code: text('code'),
    serviceId: uuid('service_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    /** The receiving agency (Bộ phận Một cửa / Trung tâm phục vụ hành chính công): its code prefixes the dossier code. */
    agencyCode: text('agency_code').notNull(),
    /** The competent agency that appraises and decides (may differ: a ward centre receives, the ward police decide). */
    handlingAgencyCode: text('handling_agency_code'),
    /** The unit within the competent agency that handles it, when the service names one. */
    unitCode: text('unit_code'),
    procedureCode: text('procedure_code').notNull(),
    /** Whose dossier it is: a personal ID or an enterprise code (the applicant or the principal). */
    ownerId: text('owner_id').notNull(),
    ownerKind: text('owner_kind', { enum: ['citizen', 'business'] }).notNull(),
    /** The account that filed it (the owner, or an agent under a mandate). */
    filedBy: uuid('filed_by').notNull(),
    channel: text('channel', { enum: ['online', 'in_person', 'postal'] }).notNull(),
    state: text('state').notNull(),
    resumeTo: text('resume_to'),
    supplementsInProcessing: smallint('supplements_in_processing').notNull().default(0),
    reschedules: smallint('reschedules').notNull().default(0),
    /** Consultations or transfers awaiting their answer, and how many were ever opened (0: no leg to read). */
    openLegs: smallint('open_legs').notNull().default(0),
    legCount: smallint('leg_count').notNull().default(0),
    formData: jsonb('form_data').notNull(),
    handlerId: uuid('handler_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueDate: date('due_date'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    punctuality: text('punctuality', { enum: ['early', 'on_time', 'late'] }),
    /** How the result went back (Decree 61/2018 Art. 20): electronic file, pickup at the office, post. */
    resultDelivery: text('result_delivery').array(),
    /** Head of the audit hash chain (entries, last hash). */
    auditCount: integer('audit_count').notNull().default(0),
    auditLastHash: text('audit_last_hash').notNull(),
    /** Idempotency-Key of the submission and the hash of its body (same key, other body → 409). */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    /** Optimistic concurrency: every change increments it. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('dossier_code_uq').on(t.code),
    uniqueIndex('dossier_idempotency_uq').on(t.filedBy, t.idempotencyKey),
    index('dossier_queue_idx').on(t.agencyCode, t.state, t.dueAt),
    index('dossier_handling_queue_idx').on(t.handlingAgencyCode, t.state, t.dueAt),
    index('dossier_owner_idx').on(t.ownerId, t.createdAt),
  ],
);

/** The dossier's audit log: immutable, hash-chained (domain/audit-chain.ts). */
export const auditEntry = dossiersSchema.table(
  'audit_entry',
  {
    dossierId: uuid('dossier_id').notNull(),
    seq: integer('seq').notNull(),
    entry: jsonb('entry').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.seq] })],
);

/** Files attached to a dossier, checked (type sniffed from content) before they are stored. */
export const attachment = dossiersSchema.table(
  'attachment',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
    documentCode: text('document_code').notNull(),
    /** A document the applicant provided, or the result the agency issued. */
    kind: text('kind', { enum: ['document', 'result'] }).notNull().default('document'),
    storedName: text('stored_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Taken from the owner's e-data store (a stored result) instead of uploaded: 766 indicators 4.3–4.4. */
    storeItemId: uuid('store_item_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('attachment_dossier_idx').on(t.dossierId)],
);

/**
 * The owner's e-data store (kho quản lý dữ liệu điện tử của tổ chức, cá nhân — Decree 45/2020 Art. 16
 * as amended by Decree 118/2025 Art. 40(8); domain-vn-2025-update.md §5): the electronic results of
 * their finished dossiers, kept under their personal ID (or enterprise code) to be attached to later
 * dossiers by reference. The file stays the dossier's attachment; the item points at it.
 */
export const storeItem = dossiersSchema.table(
  'store_item',
  {
    id: uuid('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    /** The procedure's name when the result was issued (what the owner recognises it by). */
    procedureName: text('procedure_name').notNull(),
    agencyCode: text('agency_code').notNull(),
    attachmentId: uuid('attachment_id').notNull().unique(),
    storedName: text('stored_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('store_item_owner_idx').on(t.ownerId, t.issuedAt)],
);

/**
 * A consultation (lấy ý kiến, 61/2018 Art. 19.5) or a liên thông transfer (Art. 19.6–19.7): the lead
 * unit sends the dossier to another unit or agency with the content asked and a deadline; that unit's
 * time is measured on its leg, not on the lead's. The dossier keeps its one identity and code.
 */
export const leg = dossiersSchema.table(
  'leg',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
    kind: text('kind', { enum: ['consultation', 'transfer'] }).notNull(),
    fromAgencyCode: text('from_agency_code').notNull(),
    toAgencyCode: text('to_agency_code').notNull(),
    toUnitCode: text('to_unit_code'),
    request: text('request').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    allottedHours: integer('allotted_hours').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'answered', 'closed'] }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The account or agency system that answered. */
    answeredBy: text('answered_by'),
  },
  (t) => [index('leg_dossier_idx').on(t.dossierId), index('leg_inbox_idx').on(t.toAgencyCode, t.status, t.dueAt)],
);

/**
 * A dossier being prepared by its filer before submission (no code, no clock, no audit yet). Its
 * files, checked on upload, are attachments under the draft's id until the draft is filed.
 */
export const draft = dossiersSchema.table(
  'draft',
  {
    id: uuid('id').primaryKey(),
    filedBy: uuid('filed_by').notNull(),
    ownerId: text('owner_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    formData: jsonb('form_data').notNull(),
    /** Fields filled from base registries when the draft was started (once-only), and from where. */
    prefill: jsonb('prefill'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('draft_filer_idx').on(t.filedBy, t.updatedAt)],
);
