import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { adminUnit, unitSuccession } from './geo.schema.ts';

export type AdminUnitRow = typeof adminUnit.$inferSelect;
export type SuccessionRow = typeof unitSuccession.$inferSelect;
type Level = AdminUnitRow['level'];

function validAt(at: string): SQL {
  return and(
    or(isNull(adminUnit.validFrom), lte(adminUnit.validFrom, at)),
    or(isNull(adminUnit.validTo), gt(adminUnit.validTo, at)),
  ) as SQL;
}

const LEVEL_BY_CODE_LENGTH: Record<number, Level> = { 2: 'province', 3: 'district', 5: 'commune' };

export function levelOfCode(code: string): Level | undefined {
  return LEVEL_BY_CODE_LENGTH[code.length];
}

export function createGeoRepository(db: Executor) {
  return {
    async findUnitAt(code: string, at: string): Promise<AdminUnitRow | undefined> {
      const level = levelOfCode(code);
      if (!level) return undefined;
      const rows = await db
        .select()
        .from(adminUnit)
        .where(and(eq(adminUnit.code, code), eq(adminUnit.level, level), validAt(at)))
        .limit(1);
      return rows[0];
    },

    /** The last version of a unit that existed before the given date (for legacy codes). */
    async findUnitBefore(code: string, before: string): Promise<AdminUnitRow | undefined> {
      const level = levelOfCode(code);
      if (!level) return undefined;
      const rows = await db
        .select()
        .from(adminUnit)
        .where(and(eq(adminUnit.code, code), eq(adminUnit.level, level), lte(adminUnit.validTo, before)))
        .orderBy(desc(adminUnit.validTo))
        .limit(1);
      return rows[0];
    },

    async listUnits(filter: { at: string; parent?: string; level?: Level; q?: string; limit: number; offset: number }) {
      const conditions: SQL[] = [validAt(filter.at)];
      if (filter.parent) conditions.push(eq(adminUnit.parentCode, filter.parent));
      if (filter.level) conditions.push(eq(adminUnit.level, filter.level));
      let order: SQL[] = [asc(adminUnit.level), asc(adminUnit.code)];
      if (filter.q) {
        const q = filter.q;
        // Substring match on the folded name (served by the trigram index), best match first.
        conditions.push(sql`${adminUnit.searchText} like ${'%' + escapeLike(q) + '%'}`);
        order = [sql`word_similarity(${q}, ${adminUnit.searchText}) desc`, asc(adminUnit.searchText), asc(adminUnit.code)];
      }
      const where = and(...conditions);
      const [items, totals] = await Promise.all([
        db.select().from(adminUnit).where(where).orderBy(...order).limit(filter.limit).offset(filter.offset),
        db.select({ total: count() }).from(adminUnit).where(where),
      ]);
      return { items, total: totals[0]?.total ?? 0 };
    },

    async listSuccessions(level: 'province' | 'commune', oldCodes: string[]): Promise<SuccessionRow[]> {
      if (oldCodes.length === 0) return [];
      return db
        .select()
        .from(unitSuccession)
        .where(and(eq(unitSuccession.level, level), inArray(unitSuccession.oldCode, oldCodes)))
        .orderBy(asc(unitSuccession.newCode));
    },

    async listChildrenCodes(parentCode: string, at: string): Promise<string[]> {
      const rows = await db
        .select({ code: adminUnit.code })
        .from(adminUnit)
        .where(and(eq(adminUnit.parentCode, parentCode), validAt(at)));
      return rows.map((row) => row.code);
    },

    async findUnitsAt(codes: string[], level: Level, at: string): Promise<AdminUnitRow[]> {
      if (codes.length === 0) return [];
      return db
        .select()
        .from(adminUnit)
        .where(and(inArray(adminUnit.code, codes), eq(adminUnit.level, level), validAt(at)));
    },
  };
}

export type GeoRepository = ReturnType<typeof createGeoRepository>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
