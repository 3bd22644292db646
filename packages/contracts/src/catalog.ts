import { z } from 'zod';
import { PageQuery } from './common.ts';

export const ProcedureCode = z.string().regex(/^\d+\.\d{6}$/, 'a national procedure code looks like 1.000757');
export const ProcedureLevel = z.enum(['ministry', 'province', 'commune', 'other']);

export const ProcedureSearchQuery = PageQuery.extend({
  q: z.string().max(200).optional().describe('Free text, with or without diacritics; typos tolerated'),
  level: z
    .union([ProcedureLevel, z.array(ProcedureLevel)])
    .optional()
    .describe('Implementing level(s): ministry (Cấp bộ), province (Cấp tỉnh), commune (Cấp xã)'),
  field: z.string().trim().min(1).max(300).optional().describe('Lĩnh vực, exactly as in the facets'),
  agency: z.string().trim().min(1).max(300).optional().describe('Implementing agency, exactly as in the record'),
});

export const TimeLimitView = z.object({
  value: z.number(),
  unit: z.string().describe('working_days, days, working_hours, hours, months, …'),
  text: z.string(),
});

export const ProcedureSummaryView = z
  .object({
    code: ProcedureCode,
    name: z.string(),
    field: z.string().nullable(),
    levels: z.array(ProcedureLevel),
    implementingAgencies: z.array(z.string()),
    timeLimit: TimeLimitView.extend({ channel: z.string() }).nullable(),
    score: z.number().optional(),
    matchedInName: z.boolean().optional(),
  })
  .meta({ id: 'ProcedureSummary' });

export const FacetCountView = z.object({ value: z.string(), count: z.number().int() });
export const FacetsView = z.object({ levels: z.array(FacetCountView), fields: z.array(FacetCountView) }).meta({ id: 'ProcedureFacets' });

export const ProcedurePage = z
  .object({
    items: z.array(ProcedureSummaryView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    facets: FacetsView,
  })
  .meta({ id: 'ProcedurePage' });

const FeeView = z.object({ amountVnd: z.number().nullable().optional(), text: z.string() }).loose();

export const ProcedureDetailView = z
  .object({
    code: ProcedureCode,
    name: z.string(),
    decisionNumber: z.string().nullable(),
    levels: z.array(ProcedureLevel),
    levelLabels: z.array(z.string()),
    field: z.string().nullable(),
    procedureType: z.string().nullable(),
    applicantTypes: z.array(z.string()),
    agencies: z.object({
      competent: z.array(z.string()),
      implementing: z.array(z.string()),
      receivingAddress: z.string().nullable(),
      delegated: z.array(z.string()),
      coordinating: z.array(z.string()),
    }),
    channels: z.array(
      z
        .object({
          channel: z.string(),
          timeLimits: z.array(TimeLimitView),
          timeText: z.string().nullable(),
          feeText: z.string().nullable(),
          fees: z.array(FeeView),
          free: z.boolean(),
          description: z.string().nullable(),
        })
        .loose(),
    ),
    documents: z.array(z.object({ name: z.string() }).loose()),
    legalBases: z.array(z.object({ number: z.string().nullable(), title: z.string().nullable() }).loose()),
    results: z.array(z.object({ name: z.string(), code: z.string().nullable() }).loose()),
    steps: z.string().nullable(),
    requirements: z.string().nullable(),
    timeLimit: TimeLimitView.extend({ channel: z.string() }).nullable(),
    receiptCutoff: z.string().nullable(),
    parse: z.object({ complete: z.boolean(), issues: z.array(z.string()) }),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: 'ProcedureDetail' });
export type ProcedureDetailView = z.infer<typeof ProcedureDetailView>;

export const ProcedureSourceView = z
  .object({ code: ProcedureCode, sourceUrl: z.string().nullable(), fields: z.record(z.string(), z.string()) })
  .meta({ id: 'ProcedureSource' });
