import { z } from 'zod';
import { IsoDate } from './common.ts';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const DayOffView = z.object({
  date: IsoDate,
  kind: z.enum(['holiday', 'compensatory', 'swapped_off']),
  nameVi: z.string(),
  nameEn: z.string(),
  source: z.string(),
});

export const HolidaysQuery = z.object({
  year: z.coerce.number().int().min(2021).max(2199),
});

export const HolidaysView = z
  .object({
    year: z.number().int(),
    provisional: z.boolean().describe('true: computed from the Labour Code; no schedule announced for this year yet'),
    daysOff: z.array(DayOffView),
    extraWorkingDays: z.array(z.object({ date: IsoDate, replaces: IsoDate.nullable(), source: z.string() })),
    notes: z.array(z.string()),
  })
  .meta({ id: 'YearHolidays' });

export const DueQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).describe('When the dossier was received, ISO 8601 with an offset'),
    workingDays: z.coerce.number().int().min(0).max(3650).optional(),
    workingHours: z.coerce.number().min(0).max(10_000).multipleOf(0.25).optional(),
    channel: z.enum(['online', 'in_person']).default('in_person'),
    cutoff: ClockTime.optional().describe("Per-procedure cut-off, e.g. '15:00': later receipts count from the next working day"),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.workingHours === undefined), {
    message: 'give exactly one of workingDays or workingHours',
    path: ['workingDays'],
  });

export const SkippedDayView = z.object({
  date: IsoDate,
  reason: z.enum(['weekend', 'holiday', 'compensatory', 'swapped_off']),
  name: z.string().optional(),
  nameEn: z.string().optional(),
});

export const DueView = z
  .object({
    receivedAt: z.string(),
    receivedOn: IsoDate,
    effectiveReceiptDate: IsoDate,
    effectiveReceiptAt: z.string(),
    shiftedBecause: z.enum(['non_working_day', 'after_office_hours', 'after_cutoff']).nullable(),
    countingStartsOn: IsoDate,
    dueDate: IsoDate,
    dueAt: z.string(),
    skipped: z.array(SkippedDayView),
    provisional: z.boolean(),
  })
  .meta({ id: 'DueDate' });

export const DayStatusView = z
  .object({
    date: IsoDate,
    working: z.boolean(),
    type: z.enum(['working', 'extra_working_day', 'weekend', 'day_off']),
    kind: z.enum(['holiday', 'compensatory', 'swapped_off']).optional(),
    nameVi: z.string().optional(),
    nameEn: z.string().optional(),
    replaces: IsoDate.optional(),
    source: z.string().optional(),
    provisional: z.boolean().optional(),
  })
  .meta({ id: 'DayStatus' });
