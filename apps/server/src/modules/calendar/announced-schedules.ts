// Turns the announced-schedule file (data/vn-holidays/holidays-2024-2026.json) into YearSchedules.
// Pure: the caller reads the file. Each year's days come from the PM's decision for that year
// (Labour Code 45/2019/QH14 Art. 112(3)) as carried by the VPCP letter and the ministry notice.
import { z } from 'zod';
import { invalid } from '../../kernel/errors.ts';
import { isIsoDate } from './civil-date.ts';
import { assertValidSchedule, DAY_OFF_KINDS, englishNameFor, type YearSchedule } from './year-schedule.ts';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a real date YYYY-MM-DD' });
const text = z.string().trim().min(1);

const dayOffInput = z.object({
  date: isoDate,
  name_vi: text,
  /** Optional: derived from the kind and the Vietnamese name when absent. */
  name_en: text.optional(),
  kind: z.enum(DAY_OFF_KINDS),
  source: text,
});

const extraWorkingDayInput = z.object({
  date: isoDate,
  replaces: isoDate.optional(),
  source: text,
});

const yearInput = z.object({
  days_off: z.array(dayOffInput),
  extra_working_days: z.array(extraWorkingDayInput).default([]),
  unconfirmed: z.array(z.string()).default([]),
});

export const announcedFileSchema = z.object({
  source_note: z.string().optional(),
  // A bad key is reported by zod as "years.<key>: Invalid key in record".
  years: z.record(z.string().regex(/^\d{4}$/), yearInput),
});

export type AnnouncedFile = z.input<typeof announcedFileSchema>;

/**
 * Validates the file and returns one `provisional: false` schedule per year, sorted by year,
 * days sorted by date. Throws DomainError 'calendar.bad_announced_schedule' listing every problem.
 */
export function parseAnnouncedSchedules(input: unknown): YearSchedule[] {
  const parsed = announcedFileSchema.safeParse(input);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`));
  }

  const schedules = Object.entries(parsed.data.years)
    .map(([key, year]): YearSchedule => ({
      year: Number(key),
      provisional: false,
      daysOff: year.days_off
        .map((day) => ({
          date: day.date,
          kind: day.kind,
          nameVi: day.name_vi,
          nameEn: day.name_en ?? englishNameFor(day.kind, day.name_vi),
          source: day.source,
        }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      extraWorkingDays: year.extra_working_days
        .map((day) => ({ date: day.date, ...(day.replaces ? { replaces: day.replaces } : {}), source: day.source }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      notes: year.unconfirmed,
    }))
    .sort((a, b) => a.year - b.year);

  const problems: string[] = [];
  for (const schedule of schedules) {
    try {
      assertValidSchedule(schedule);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  // A Saturday worked must pay back a weekday actually given off as swapped_off.
  const swappedOff = new Set(schedules.flatMap((s) => s.daysOff.filter((d) => d.kind === 'swapped_off').map((d) => d.date)));
  for (const schedule of schedules) {
    for (const extra of schedule.extraWorkingDays) {
      if (extra.replaces !== undefined && !swappedOff.has(extra.replaces)) {
        problems.push(`${schedule.year}: extra working day ${extra.date} replaces ${extra.replaces}, which is not a swapped_off day`);
      }
    }
  }
  if (problems.length > 0) fail(problems);
  return schedules;
}

function fail(problems: string[]): never {
  throw invalid(
    'calendar.bad_announced_schedule',
    {
      vi: `Tệp lịch nghỉ đã công bố không hợp lệ: ${problems.join('; ')}`,
      en: `Invalid announced day-off file: ${problems.join('; ')}`,
    },
    { problems },
  );
}
