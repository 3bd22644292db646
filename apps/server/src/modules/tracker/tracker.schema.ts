import { sql } from 'drizzle-orm';
import { date, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const trackerSchema = pgSchema('tracker');

/**
 * One read of a person's data (Estonia's Andmejälgija usage record; Decree 47/2020 Art. 45: the
 * provider logs each request): who read, for which agency, when, what kind of data, why. It never
 * holds the data itself. Append-only: a trigger (in the migration) refuses UPDATE, DELETE and
 * TRUNCATE, so neither officials nor the application can edit or remove an entry.
 */
export const dataAccess = trackerSchema.table(
  'data_access',
  {
    id: uuid('id').primaryKey(),
    /** The person whose data was read (12-digit personal ID). */
    subjectPersonalId: text('subject_personal_id').notNull(),
    /** Through the exchange gateway (a system's call), or in the back office (an official's screen). */
    channel: text('channel', { enum: ['exchange', 'back_office', 'direct'] }).notNull(),
    accessorKind: text('accessor_kind', { enum: ['system', 'official'] }).notNull(),
    /** The client subsystem id, or the official's account id (for auditors; the citizen is not shown it). */
    accessorId: text('accessor_id').notNull(),
    /** What the citizen is shown as "who": a system's name, or an official's capacity (never a person's name). */
    accessorName: text('accessor_name').notNull(),
    agencyCode: text('agency_code').notNull(),
    /** The person acting inside the client system (X-Road-UserId), when the system names one. */
    userId: text('user_id'),
    /** Which data was read, as a category ("thông tin hồ sơ", "nơi thường trú"), never the values. */
    data: text('data').notNull(),
    service: text('service'),
    purpose: text('purpose').notNull(),
    /** The dossier code or case the read served. */
    reference: text('reference'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** An access made for an investigation stays hidden from the citizen until this Vietnam date. */
    hiddenUntil: date('hidden_until'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('data_access_subject_idx').on(t.subjectPersonalId, t.occurredAt.desc(), t.id.desc())],
);
