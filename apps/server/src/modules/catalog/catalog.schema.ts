import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, numeric, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const catalogSchema = pgSchema('catalog');

/**
 * A national administrative procedure (thủ tục hành chính) as published in the national database
 * (CSDL TTHC), keyed by its national code (e.g. 1.000757). Parsed fields sit next to the raw source
 * text, so nothing of the source is lost when the parser falls short.
 */
export const procedure = catalogSchema.table(
  'procedure',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    field: text('field'),
    levels: text('levels').array().notNull(),
    procedureType: text('procedure_type'),
    decisionNumber: text('decision_number'),
    applicantTypes: text('applicant_types').array().notNull(),
    agencies: jsonb('agencies').notNull(),
    implementingAgencies: text('implementing_agencies').array().notNull(),
    channels: jsonb('channels').notNull(),
    documents: jsonb('documents').notNull(),
    legalBases: jsonb('legal_bases').notNull(),
    results: jsonb('results').notNull(),
    steps: text('steps'),
    requirements: text('requirements'),
    levelLabels: text('level_labels').array().notNull().default(sql`'{}'::text[]`),
    /** The representative time limit a dossier uses (online channel first); null when none is published. */
    timeLimitValue: numeric('time_limit_value', { mode: 'number' }),
    timeLimitUnit: text('time_limit_unit'),
    timeLimitChannel: text('time_limit_channel'),
    timeLimitText: text('time_limit_text'),
    /** Per-procedure reception cut-off ('15:00'): received later, it counts from the next working day. */
    receiptCutoff: text('receipt_cutoff'),
    parseComplete: boolean('parse_complete').notNull(),
    parseIssues: text('parse_issues').array().notNull(),
    parseWarnings: text('parse_warnings').array().notNull().default(sql`'{}'::text[]`),
    raw: jsonb('raw').notNull(),
    sourceUrl: text('source_url'),
    sourceFolder: text('source_folder'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('procedure_field_idx').on(t.field), index('procedure_levels_idx').using('gin', t.levels)],
);
