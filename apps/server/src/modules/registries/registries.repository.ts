import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { syntheticEnterprise as enterpriseTable, syntheticResident as residentTable } from './registries.schema.ts';

export type ResidentRow = typeof residentTable.$inferSelect;
export type EnterpriseRow = typeof enterpriseTable.$inferSelect;

// 1,000 rows of 7 columns stay far below PostgreSQL's 65,535 parameters per statement.
const BATCH = 1_000;

export function createRegistriesRepository(db: Executor) {
  return {
    async findResident(personalId: string): Promise<Pick<ResidentRow, 'fullName' | 'birthDate' | 'sex'> | undefined> {
      const rows = await db
        .select({ fullName: residentTable.fullName, birthDate: residentTable.birthDate, sex: residentTable.sex })
        .from(residentTable)
        .where(eq(residentTable.personalId, personalId))
        .limit(1);
      return rows[0];
    },

    async findEnterprise(enterpriseCode: string): Promise<EnterpriseRow | undefined> {
      const rows = await db.select().from(enterpriseTable).where(eq(enterpriseTable.enterpriseCode, enterpriseCode)).limit(1);
      return rows[0];
    },

    /** Replaces the whole synthetic data set (it is regenerated, never edited). */
    async replaceAll(residents: readonly ResidentRow[], enterprises: readonly EnterpriseRow[]): Promise<void> {
      await db.execute(sql`truncate ${residentTable}, ${enterpriseTable}`);
      for (let i = 0; i < residents.length; i += BATCH) await db.insert(residentTable).values(residents.slice(i, i + BATCH));
      for (let i = 0; i < enterprises.length; i += BATCH) await db.insert(enterpriseTable).values(enterprises.slice(i, i + BATCH));
    },
  };
}

export type RegistriesRepository = ReturnType<typeof createRegistriesRepository>;
