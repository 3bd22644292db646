import { and, count, desc, eq, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { dataAccess } from './tracker.schema.ts';

export type DataAccessRow = typeof dataAccess.$inferSelect;
export type NewDataAccessRow = typeof dataAccess.$inferInsert;

/** What a list reads: one subject, a period (instants), shown-by date or every entry (auditors). */
export type EntryFilter = {
  subjectPersonalId: string;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Only entries whose hiding date is reached on this Vietnam date; undefined: hidden ones too. */
  visibleOn?: string | undefined;
  /** Only entries of this agency and its units (an auditor's reach). */
  agencyCode?: string | undefined;
};

function whereOf(filter: EntryFilter): SQL | undefined {
  return and(
    eq(dataAccess.subjectPersonalId, filter.subjectPersonalId),
    filter.from ? gte(dataAccess.occurredAt, filter.from) : undefined,
    filter.to ? lt(dataAccess.occurredAt, filter.to) : undefined,
    filter.visibleOn !== undefined ? or(isNull(dataAccess.hiddenUntil), lte(dataAccess.hiddenUntil, filter.visibleOn)) : undefined,
    filter.agencyCode !== undefined ? or(eq(dataAccess.agencyCode, filter.agencyCode), sql`starts_with(${dataAccess.agencyCode}, ${`${filter.agencyCode}.`})`) : undefined,
  );
}

/** The tracker's table: inserts and reads only (the database refuses updates and deletes anyway). */
export function createTrackerRepository(db: Executor) {
  return {
    async insert(executor: Executor, rows: NewDataAccessRow[]): Promise<void> {
      if (rows.length > 0) await executor.insert(dataAccess).values(rows);
    },

    /** A page of a subject's entries, newest first, and how many the filter matches in all. */
    async page(filter: EntryFilter, offset: number, limit: number): Promise<{ rows: DataAccessRow[]; total: number }> {
      const where = whereOf(filter);
      const [rows, totals] = await Promise.all([
        // uuidv7 ids follow recording order: they break ties between reads of the same instant.
        db.select().from(dataAccess).where(where).orderBy(desc(dataAccess.occurredAt), desc(dataAccess.id)).offset(offset).limit(limit),
        db.select({ n: count() }).from(dataAccess).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
  };
}

export type TrackerRepository = ReturnType<typeof createTrackerRepository>;
