import { date, index, integer, numeric, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const registriesSchema = pgSchema('registries');

/**
 * Population registry (Cơ sở dữ liệu quốc gia về dân cư; its fields follow Luật Căn cước 2023 Art. 9
 * and Luật Cư trú 2020): one row per person, loaded by COPY from the synthetic generators
 * (synthetic-person.ts); indexes are built after the load. Persons are never deleted here.
 */
export const person = registriesSchema.table(
  'person',
  {
    /** Số định danh cá nhân, 12 digits. */
    personalId: text('personal_id').primaryKey(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    /** Nơi thường trú: commune code of the 2025 administrative units, and the address line. */
    permanentCommuneCode: text('permanent_commune_code').notNull(),
    permanentAddress: text('permanent_address').notNull(),
    /** Nơi tạm trú, when the person lives elsewhere for now. */
    temporaryCommuneCode: text('temporary_commune_code'),
    temporaryAddress: text('temporary_address'),
    householdId: text('household_id').notNull(),
    fatherId: text('father_id'),
    motherId: text('mother_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_household_idx').on(t.householdId)],
);

/** Hộ gia đình: the head (chủ hộ) and the commune of the household's permanent residence. */
export const household = registriesSchema.table('household', {
  id: text('id').primaryKey(),
  headPersonalId: text('head_personal_id').notNull(),
  communeCode: text('commune_code').notNull(),
});

/** Business registry (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp). */
export const enterprise = registriesSchema.table('enterprise', {
  /** Mã số doanh nghiệp, 10 digits with a check digit. */
  enterpriseCode: text('enterprise_code').primaryKey(),
  name: text('name').notNull(),
  legalRepresentativeId: text('legal_representative_id').notNull(),
  legalRepresentativeName: text('legal_representative_name').notNull(),
  headOfficeCommuneCode: text('head_office_commune_code').notNull(),
  headOfficeAddress: text('head_office_address').notNull(),
  status: text('status', { enum: ['active', 'suspended', 'dissolved'] }).notNull(),
  /** VSIC 2018 codes (4 digits), the main line first. */
  businessLines: text('business_lines').array().notNull(),
  registeredOn: date('registered_on').notNull(),
});

/** Land registry (cơ sở dữ liệu đất đai): a parcel is named by its commune, map sheet and parcel number. */
export const parcel = registriesSchema.table(
  'parcel',
  {
    communeCode: text('commune_code').notNull(),
    mapSheet: integer('map_sheet').notNull(),
    parcelNumber: integer('parcel_number').notNull(),
    area: numeric('area', { precision: 12, scale: 2 }).notNull(),
    /** Land-use code (loại đất), e.g. ONT. */
    purpose: text('purpose').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    certificateIssuedOn: date('certificate_issued_on').notNull(),
    /** Personal IDs of the land users on the certificate. */
    holderIds: text('holder_ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.mapSheet, t.parcelNumber] })],
);

/**
 * Who holds which parcel, one row per holder, for look-ups by personal ID: filled from parcel.holder_ids
 * in SQL after the load; a B-tree here builds in a fraction of the time a GIN index on the array takes.
 */
export const parcelHolder = registriesSchema.table(
  'parcel_holder',
  {
    personalId: text('personal_id').notNull(),
    communeCode: text('commune_code').notNull(),
    mapSheet: integer('map_sheet').notNull(),
    parcelNumber: integer('parcel_number').notNull(),
  },
  (t) => [index('parcel_holder_person_idx').on(t.personalId)],
);
