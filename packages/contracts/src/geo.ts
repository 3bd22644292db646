import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

export const UnitCode = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5})$/, 'a unit code has 2 (province), 3 (district) or 5 (commune) digits');

export const UnitLevel = z.enum(['province', 'district', 'commune']);

export const AdminUnitView = z
  .object({
    code: z.string(),
    level: UnitLevel,
    kind: z.string().describe('Tỉnh, Thành phố, Phường, Xã, Đặc khu, Quận, Huyện, Thị xã, Thị trấn'),
    kindEn: z.string(),
    name: z.string(),
    fullName: z.string(),
    nameEn: z.string(),
    fullNameEn: z.string(),
    parentCode: z.string().nullable(),
    validFrom: IsoDate.nullable().describe('null: in force before the records start'),
    validTo: IsoDate.nullable().describe('exclusive; null: still in force'),
    legalBasis: z.string(),
  })
  .meta({ id: 'AdminUnit' });
export type AdminUnitView = z.infer<typeof AdminUnitView>;

export const AdminUnitQuery = z.object({
  at: IsoDate.optional().describe('The date at which the unit is looked at (default: today in Vietnam)'),
});

export const AdminUnitListQuery = PageQuery.extend({
  parent: UnitCode.optional(),
  level: UnitLevel.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Name, with or without diacritics'),
  at: IsoDate.optional(),
});

export const AdminUnitPage = pageOf(AdminUnitView);

export const ResolveQuery = z.object({
  legacyCode: UnitCode.describe('A unit code of before 1 July 2025 (province, district or commune)'),
});

export const Successor = z.object({
  coverage: z.enum(['full', 'partial']).describe('full: the whole old unit went here; partial: only part of it'),
  unit: AdminUnitView,
});

export const ResolveView = z
  .object({
    legacyCode: z.string(),
    legacyUnit: AdminUnitView,
    effectiveOn: IsoDate,
    successors: z.array(Successor),
  })
  .meta({ id: 'LegacyUnitResolution' });
export type ResolveView = z.infer<typeof ResolveView>;
