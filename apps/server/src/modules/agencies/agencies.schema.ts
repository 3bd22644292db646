import { sql } from 'drizzle-orm';
import { date, index, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const agenciesSchema = pgSchema('agencies');

/**
 * A state agency or unit. `code` is its electronic identifier under QĐ 20/2020/QĐ-TTg Art. 4
 * (at most 35 characters of A–Z, 0–9 and '.', level-1 group first, e.g. H29 = TP Hồ Chí Minh).
 * The admin unit it serves is stored with the date of the unit version, since unit codes are reused.
 */
export const agency = agenciesSchema.table(
  'agency',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    shortName: text('short_name'),
    kind: text('kind', {
      enum: ['ministry', 'people_committee', 'department', 'reception_centre', 'other'],
    }).notNull(),
    level: text('level', { enum: ['central', 'province', 'commune'] }).notNull(),
    parentCode: text('parent_code'),
    adminUnitCode: text('admin_unit_code'),
    adminUnitVersionOn: date('admin_unit_version_on'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('agency_code_uq').on(t.code), index('agency_parent_idx').on(t.parentCode)],
);
