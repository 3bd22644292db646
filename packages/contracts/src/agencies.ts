import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

export const AgencyCode = z
  .string()
  .max(35)
  .regex(/^[A-Y]\d{2}(\.[0-9A-Z]+)*$/, 'an agency code follows QĐ 20/2020/QĐ-TTg, e.g. H29 or H29.15');

export const AgencyView = z
  .object({
    code: AgencyCode,
    name: z.string(),
    nameEn: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(['ministry', 'people_committee', 'department', 'reception_centre', 'other']),
    level: z.enum(['central', 'province', 'commune']),
    parentCode: z.string().nullable(),
    adminUnitCode: z.string().nullable(),
    adminUnitVersionOn: IsoDate.nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: 'Agency' });
export type AgencyView = z.infer<typeof AgencyView>;

export const AgencyListQuery = PageQuery.extend({
  parent: AgencyCode.optional(),
  adminUnit: z.string().regex(/^\d{2}(\d{3})?$/).optional(),
});

export const AgencyPage = pageOf(AgencyView);
