import { date, index, pgSchema, text } from 'drizzle-orm/pg-core';

export const registriesSchema = pgSchema('registries');

/**
 * Stand-in for the national population registry (Cơ sở dữ liệu quốc gia về dân cư) until the
 * registries issue connects the real one: deterministic synthetic residents, never real people.
 * Read through the PopulationRegistry port only, so the real adapter replaces it without callers
 * changing.
 */
export const syntheticResident = registriesSchema.table(
  'synthetic_resident',
  {
    personalId: text('personal_id').primaryKey(),
    fullName: text('full_name').notNull(),
    /** Accent- and case-folded name, for officials' look-ups; verification compares names with accents (a legal name is exact). */
    nameFolded: text('name_folded').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    /** Province of birth registration (first 3 digits of the personal ID). */
    birthProvinceCode: text('birth_province_code').notNull(),
    /** Current residence: commune code of the 2025 administrative units. */
    residenceCommuneCode: text('residence_commune_code'),
  },
  (t) => [index('synthetic_resident_birth_idx').on(t.birthDate)],
);

/**
 * Stand-in for the national business registry (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp):
 * deterministic synthetic enterprises whose legal representatives are synthetic residents.
 */
export const syntheticEnterprise = registriesSchema.table('synthetic_enterprise', {
  enterpriseCode: text('enterprise_code').primaryKey(),
  name: text('name').notNull(),
  legalRepresentativeId: text('legal_representative_id').notNull(),
  status: text('status', { enum: ['active', 'suspended', 'dissolved'] }).notNull(),
  registeredOn: date('registered_on').notNull(),
});
