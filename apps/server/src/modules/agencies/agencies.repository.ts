import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { agency } from './agencies.schema.ts';

export type AgencyRow = typeof agency.$inferSelect;
export type NewAgencyRow = typeof agency.$inferInsert;

export function createAgenciesRepository(db: Executor) {
  return {
    async findByCode(code: string): Promise<AgencyRow | undefined> {
      const rows = await db.select().from(agency).where(eq(agency.code, code)).limit(1);
      return rows[0];
    },

    async list(filter: { parent?: string; adminUnit?: string; limit: number; offset: number }) {
      const conditions: SQL[] = [];
      if (filter.parent) conditions.push(eq(agency.parentCode, filter.parent));
      if (filter.adminUnit) conditions.push(eq(agency.adminUnitCode, filter.adminUnit));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [items, totals] = await Promise.all([
        db.select().from(agency).where(where).orderBy(asc(agency.code)).limit(filter.limit).offset(filter.offset),
        db.select({ total: count() }).from(agency).where(where),
      ]);
      return { items, total: totals[0]?.total ?? 0 };
    },

    /** Insert or update by code (seeding and administration are both idempotent). */
    async upsert(row: NewAgencyRow): Promise<void> {
      const { id: _id, createdAt: _createdAt, ...changes } = row;
      await db
        .insert(agency)
        .values(row)
        .onConflictDoUpdate({ target: agency.code, set: { ...changes, updatedAt: new Date() } });
    },
  };
}

export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;
