import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { announcedYear, dayOverride, officeHours } from './calendar.schema.ts';

export type AnnouncedYearRow = typeof announcedYear.$inferSelect;
export type DayOverrideRow = typeof dayOverride.$inferSelect;
export type OfficeHoursRow = typeof officeHours.$inferSelect;

export function createCalendarRepository(db: Executor) {
  return {
    async listAnnouncedYears(): Promise<AnnouncedYearRow[]> {
      return db.select().from(announcedYear).orderBy(asc(announcedYear.year));
    },

    async listDayOverrides(): Promise<DayOverrideRow[]> {
      return db.select().from(dayOverride).orderBy(asc(dayOverride.date));
    },

    async findOfficeHours(scope: string): Promise<OfficeHoursRow | undefined> {
      const rows = await db.select().from(officeHours).where(eq(officeHours.scope, scope)).limit(1);
      return rows[0];
    },

    /** Replaces the announced schedule of the given years (days and notes) as one unit. */
    async replaceAnnouncedYears(years: (typeof announcedYear.$inferInsert)[], days: (typeof dayOverride.$inferInsert)[]): Promise<void> {
      const numbers = years.map((y) => y.year);
      if (numbers.length === 0) return;
      await db.delete(dayOverride).where(inArray(dayOverride.year, numbers));
      await db.delete(announcedYear).where(inArray(announcedYear.year, numbers));
      await db.insert(announcedYear).values(years);
      if (days.length > 0) await db.insert(dayOverride).values(days);
    },

    async upsertOfficeHours(row: typeof officeHours.$inferInsert): Promise<void> {
      await db
        .insert(officeHours)
        .values(row)
        .onConflictDoUpdate({ target: officeHours.scope, set: { intervals: row.intervals, updatedAt: sql`now()` } });
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
