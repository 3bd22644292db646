import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

// The data tracker (nhật ký khai thác dữ liệu cá nhân): who read a person's data, when, why.

/** A period's bound: no record predates the platform, and year 1 would fall out of PostgreSQL's range once moved to UTC. */
const PeriodDate = IsoDate.refine((day) => day >= '1900-01-01', 'a date from 1900-01-01 on');

export const DataAccessQuery = PageQuery.extend({
  /** Vietnam dates, both included. */
  from: PeriodDate.optional(),
  to: PeriodDate.optional(),
});

/** One read of the person's data as they see it: the agency and the accessor's capacity, never another person's identity. */
export const DataAccessEntry = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime({ offset: true }),
    channel: z.enum(['exchange', 'back_office', 'direct']),
    agency: z.object({ code: z.string(), name: z.string().nullable() }),
    accessor: z.object({ kind: z.enum(['system', 'official']), name: z.string() }),
    data: z.string(),
    service: z.string().nullable(),
    purpose: z.string(),
    reference: z.string().nullable(),
  })
  .meta({ id: 'DataAccessEntry' });
export type DataAccessEntry = z.infer<typeof DataAccessEntry>;

export const DataAccessPage = pageOf(DataAccessEntry).meta({ id: 'DataAccessPage' });
export type DataAccessPage = z.infer<typeof DataAccessPage>;

/** An auditor asks for one person's entries; the personal ID travels in the body, never in a URL. */
export const DataAccessAuditQuery = DataAccessQuery.extend({ subjectPersonalId: z.string().regex(/^\d{12}$/, 'a 12-digit personal ID') }).meta({ id: 'DataAccessAuditQuery' });

export const DataAccessAuditEntry = DataAccessEntry.extend({
  accessorId: z.string(),
  userId: z.string().nullable(),
  hiddenUntil: IsoDate.nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
}).meta({ id: 'DataAccessAuditEntry' });

export const DataAccessAuditPage = pageOf(DataAccessAuditEntry).meta({ id: 'DataAccessAuditPage' });
