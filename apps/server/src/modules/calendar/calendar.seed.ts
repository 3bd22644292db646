import { readFile } from 'node:fs/promises';
import type { Db } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { referenceDataPath } from '../../kernel/paths.ts';
import { parseAnnouncedSchedules } from './announced-schedules.ts';
import { createCalendarRepository } from './calendar.repository.ts';
import { DEFAULT_OFFICE_HOURS } from './office-hours.ts';

const FILE = 'vn-holidays/holidays-2024-2026.json';

/**
 * Loads the announced civil-service schedules (data/vn-holidays, each day with its source) and the
 * default office hours. Years not in the file stay computed from the Labour Code.
 */
export async function seedCalendar(db: Db) {
  const raw = await readFile(referenceDataPath(FILE));
  return runSeedOnce(db, 'calendar.announced', checksumOf(raw), async (tx) => {
    const json = JSON.parse(raw.toString('utf8')) as { source_note?: string };
    const schedules = parseAnnouncedSchedules(json);
    const repository = createCalendarRepository(tx);
    const sourceNote = `data/${FILE}: ${json.source_note ?? ''}`.trim();
    await repository.replaceAnnouncedYears(
      schedules.map((schedule) => ({ year: schedule.year, sourceNote, unconfirmed: [...(schedule.notes ?? [])] })),
      schedules.flatMap((schedule) => [
        ...schedule.daysOff.map((day) => ({ date: day.date, year: schedule.year, kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn, replaces: null, source: day.source })),
        ...schedule.extraWorkingDays.map((day) => ({
          date: day.date,
          year: schedule.year,
          kind: 'extra_working_day' as const,
          nameVi: 'Ngày làm việc bù (thứ Bảy)',
          nameEn: 'Saturday worked in exchange',
          replaces: day.replaces ?? null,
          source: day.source,
        })),
      ]),
    );
    if (!(await repository.findOfficeHours('default'))) {
      await repository.upsertOfficeHours({ scope: 'default', intervals: DEFAULT_OFFICE_HOURS.intervals.map((i) => ({ ...i })) });
    }
    return `${schedules.length} announced years (${schedules.map((s) => s.year).join(', ')})`;
  });
}
