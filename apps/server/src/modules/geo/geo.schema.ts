import { sql } from 'drizzle-orm';
import { check, date, index, pgSchema, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const geoSchema = pgSchema('geo');

/**
 * An administrative unit in one version. Codes are reused across the 2025 reform (new Phường
 * Thủ Dầu Một = 25747, the old code of Phường Phú Cường), so a code is only meaningful with a date:
 * a row is valid on [valid_from, valid_to). valid_from is null for the pre-2025 snapshot, whose
 * start dates are not in the source data.
 */
export const adminUnit = geoSchema.table(
  'admin_unit',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    /** Tỉnh, Thành phố, Quận, Huyện, Thị xã, Phường, Xã, Thị trấn, Đặc khu... */
    kind: text('kind').notNull(),
    kindEn: text('kind_en').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en').notNull(),
    fullNameEn: text('full_name_en').notNull(),
    codeName: text('code_name').notNull(),
    parentCode: text('parent_code'),
    /** Folded (no diacritics, lower case) name and full name, for accent-insensitive search. */
    searchText: text('search_text').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    legalBasis: text('legal_basis').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('admin_unit_code_version_uq').on(t.code, t.level, sql`coalesce(valid_from, '-infinity'::date)`),
    index('admin_unit_parent_idx').on(t.parentCode),
    index('admin_unit_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('admin_unit_validity_ck', sql`valid_to is null or valid_from is null or valid_from < valid_to`),
  ],
);

/**
 * Old unit → new unit links of the 1 July 2025 reform (UBTVQH resolutions 1654–1687/NQ-UBTVQH15).
 * `full`: the whole old unit went into the new one; `partial`: only part of it did.
 */
export const unitSuccession = geoSchema.table(
  'unit_succession',
  {
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    oldCode: text('old_code').notNull(),
    oldName: text('old_name').notNull(),
    newCode: text('new_code').notNull(),
    newName: text('new_name').notNull(),
    coverage: text('coverage', { enum: ['full', 'partial'] }).notNull(),
    effectiveOn: date('effective_on').notNull(),
    rank: smallint('rank').notNull(),
  },
  (t) => [
    uniqueIndex('unit_succession_uq').on(t.level, t.oldCode, t.newCode, t.effectiveOn),
    index('unit_succession_new_idx').on(t.newCode),
  ],
);
