import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { procedure } from './catalog.schema.ts';
import { maxTimeLimit, type ParsedProcedure } from './parse/parse-procedure.ts';

export type ProcedureRow = typeof procedure.$inferSelect;
export type NewProcedureRow = typeof procedure.$inferInsert;

/** Channel on which PostgreSQL tells every instance that the catalogue changed. */
export const CATALOG_CHANGED_CHANNEL = 'congso_catalog_changed';

export function toProcedureRow(parsed: ParsedProcedure): NewProcedureRow {
  const limit = maxTimeLimit(parsed);
  return {
    code: parsed.code,
    name: parsed.name,
    field: parsed.field,
    levels: parsed.levels,
    levelLabels: parsed.levelLabels,
    procedureType: parsed.procedureType,
    decisionNumber: parsed.decisionNumber,
    applicantTypes: parsed.applicantTypes,
    agencies: parsed.agencies,
    implementingAgencies: parsed.agencies.implementing,
    channels: parsed.channels,
    documents: parsed.documents,
    legalBases: parsed.legalBases,
    results: parsed.results,
    steps: parsed.steps,
    requirements: parsed.requirements,
    timeLimitValue: limit?.value ?? null,
    timeLimitUnit: limit?.unit ?? null,
    timeLimitChannel: limit?.channel ?? null,
    timeLimitText: limit?.text ?? null,
    parseComplete: parsed.diagnostics.complete,
    parseIssues: parsed.diagnostics.issues,
    parseWarnings: parsed.diagnostics.warnings,
    raw: parsed.raw,
    sourceUrl: parsed.sourceUrl,
    sourceFolder: parsed.sourceFolder,
  };
}

/** Columns the search index needs (everything but the raw source). */
const indexColumns = {
  code: procedure.code,
  name: procedure.name,
  field: procedure.field,
  levels: procedure.levels,
  applicantTypes: procedure.applicantTypes,
  agencies: procedure.agencies,
  implementingAgencies: procedure.implementingAgencies,
  documents: procedure.documents,
  results: procedure.results,
  requirements: procedure.requirements,
  timeLimitValue: procedure.timeLimitValue,
  timeLimitUnit: procedure.timeLimitUnit,
  timeLimitChannel: procedure.timeLimitChannel,
  timeLimitText: procedure.timeLimitText,
};
export type IndexRow = { [K in keyof typeof indexColumns]: ProcedureRow[K] };

export function createCatalogRepository(db: Executor) {
  return {
    async listForIndex(): Promise<IndexRow[]> {
      return db.select(indexColumns).from(procedure).orderBy(asc(procedure.code));
    },

    async findByCode(code: string): Promise<ProcedureRow | undefined> {
      const rows = await db.select().from(procedure).where(eq(procedure.code, code)).limit(1);
      return rows[0];
    },

    /** Changes whenever a procedure is added or updated; instances compare it to spot missed notifications. */
    async fingerprint(): Promise<string> {
      const rows = await db.execute<{ n: string; at: string | null }>(
        sql`select count(*)::text as n, max(updated_at)::text as at from catalog.procedure`,
      );
      return `${rows[0]?.n ?? 0}@${rows[0]?.at ?? ''}`;
    },

    async upsertMany(rows: NewProcedureRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(procedure)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: procedure.code,
            // Everything from the source; receipt_cutoff is the administrator's and is kept.
            set: {
              ...Object.fromEntries(
                Object.keys(rows[0] ?? {})
                  .filter((key) => key !== 'code' && key !== 'receiptCutoff')
                  .map((key) => [key, sql.raw(`excluded.${toSnake(key)}`)]),
              ),
              updatedAt: sql`now()`,
            },
          });
      }
    },

    async notifyChanged(): Promise<void> {
      // Delivered to listeners only when the transaction commits.
      await db.execute(sql`select pg_notify(${CATALOG_CHANGED_CHANNEL}, '')`);
    },
  };
}

function toSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
