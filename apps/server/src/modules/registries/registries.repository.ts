import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { enterprise as enterpriseTable, household as householdTable, parcel as parcelTable, parcelHolder, person as personTable } from './registries.schema.ts';

export type PersonRow = typeof personTable.$inferSelect;
export type HouseholdRow = typeof householdTable.$inferSelect;
export type EnterpriseRow = typeof enterpriseTable.$inferSelect;
export type ParcelRow = typeof parcelTable.$inferSelect;

export type ParcelKey = Readonly<{ communeCode: string; mapSheet: number; parcelNumber: number }>;

export function createRegistriesRepository(db: Executor) {
  return {
    async findPerson(personalId: string): Promise<PersonRow | undefined> {
      const rows = await db.select().from(personTable).where(eq(personTable.personalId, personalId)).limit(1);
      return rows[0];
    },

    /** For update: the row stays locked until the caller's transaction ends. */
    async lockPerson(personalId: string): Promise<PersonRow | undefined> {
      const rows = await db.select().from(personTable).where(eq(personTable.personalId, personalId)).for('update');
      return rows[0];
    },

    async findHousehold(id: string): Promise<HouseholdRow | undefined> {
      const rows = await db.select().from(householdTable).where(eq(householdTable.id, id)).limit(1);
      return rows[0];
    },

    /** The household row, locked until the transaction ends: changes of its head are serialised. */
    async lockHousehold(id: string): Promise<HouseholdRow | undefined> {
      const rows = await db.select().from(householdTable).where(eq(householdTable.id, id)).for('update');
      return rows[0];
    },

    async householdMembers(id: string): Promise<PersonRow[]> {
      return db.select().from(personTable).where(eq(personTable.householdId, id)).orderBy(asc(personTable.birthDate), asc(personTable.personalId));
    },

    async findEnterprise(enterpriseCode: string): Promise<EnterpriseRow | undefined> {
      const rows = await db.select().from(enterpriseTable).where(eq(enterpriseTable.enterpriseCode, enterpriseCode)).limit(1);
      return rows[0];
    },

    async findParcel(key: ParcelKey): Promise<ParcelRow | undefined> {
      const rows = await db
        .select()
        .from(parcelTable)
        .where(and(eq(parcelTable.communeCode, key.communeCode), eq(parcelTable.mapSheet, key.mapSheet), eq(parcelTable.parcelNumber, key.parcelNumber)))
        .limit(1);
      return rows[0];
    },

    async parcelsOf(personalId: string, limit: number): Promise<ParcelRow[]> {
      return db
        .select({ parcel: parcelTable })
        .from(parcelHolder)
        .innerJoin(parcelTable, and(eq(parcelTable.communeCode, parcelHolder.communeCode), eq(parcelTable.mapSheet, parcelHolder.mapSheet), eq(parcelTable.parcelNumber, parcelHolder.parcelNumber)))
        .where(eq(parcelHolder.personalId, personalId))
        .orderBy(asc(parcelTable.communeCode), asc(parcelTable.mapSheet), asc(parcelTable.parcelNumber))
        .limit(limit)
        .then((rows) => rows.map((row) => row.parcel));
    },

    async moveResidence(personalId: string, change: { communeCode: string; address: string; householdId: string }): Promise<void> {
      await db
        .update(personTable)
        .set({ permanentCommuneCode: change.communeCode, permanentAddress: change.address, householdId: change.householdId, updatedAt: sql`now()` })
        .where(eq(personTable.personalId, personalId));
    },

    async insertHousehold(row: HouseholdRow): Promise<void> {
      await db.insert(householdTable).values(row);
    },

    /** The household's eldest member other than `except`, who becomes head when the head leaves. */
    async eldestMemberExcept(householdId: string, except: string): Promise<PersonRow | undefined> {
      const rows = await db
        .select()
        .from(personTable)
        .where(and(eq(personTable.householdId, householdId), ne(personTable.personalId, except)))
        .orderBy(asc(personTable.birthDate), asc(personTable.personalId))
        .limit(1);
      return rows[0];
    },

    async setHouseholdHead(id: string, headPersonalId: string): Promise<void> {
      await db.update(householdTable).set({ headPersonalId }).where(eq(householdTable.id, id));
    },

    async deleteHousehold(id: string): Promise<void> {
      await db.delete(householdTable).where(eq(householdTable.id, id));
    },
  };
}

export type RegistriesRepository = ReturnType<typeof createRegistriesRepository>;
