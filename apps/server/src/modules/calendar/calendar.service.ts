import type { CalendarRepository } from './calendar.repository.ts';
import type { IsoDate } from './civil-date.ts';
import { DEFAULT_OFFICE_HOURS } from './office-hours.ts';
import { WorkingCalendar, type Channel, type DayStatus, type DueResult, type YearSchedule } from './working-calendar.ts';

export type DueQuery = {
  from: string;
  workingDays?: number | undefined;
  workingHours?: number | undefined;
  channel: Channel;
  cutoff?: string | undefined;
};

/** Builds the working calendar from the announced schedules in the database. */
export async function loadWorkingCalendar(repository: CalendarRepository): Promise<WorkingCalendar> {
  const [years, days, hours] = await Promise.all([
    repository.listAnnouncedYears(),
    repository.listDayOverrides(),
    repository.findOfficeHours('default'),
  ]);
  const announced: YearSchedule[] = years.map((year) => {
    const ofYear = days.filter((day) => day.year === year.year);
    return {
      year: year.year,
      provisional: false,
      notes: year.unconfirmed,
      daysOff: ofYear
        .filter((day) => day.kind !== 'extra_working_day')
        .map((day) => ({ date: day.date, kind: day.kind as Exclude<typeof day.kind, 'extra_working_day'>, nameVi: day.nameVi, nameEn: day.nameEn, source: day.source })),
      extraWorkingDays: ofYear
        .filter((day) => day.kind === 'extra_working_day')
        .map((day) => ({ date: day.date, source: day.source, ...(day.replaces ? { replaces: day.replaces } : {}) })),
    };
  });
  return new WorkingCalendar({ announced, officeHours: hours ? { intervals: hours.intervals } : DEFAULT_OFFICE_HOURS });
}

export function createCalendarService(deps: { repository: CalendarRepository }) {
  let calendar: WorkingCalendar | undefined;
  const current = (): WorkingCalendar => {
    if (!calendar) throw new Error('The working calendar is not loaded yet (warmUp not run)');
    return calendar;
  };

  return {
    async reload(): Promise<void> {
      calendar = await loadWorkingCalendar(deps.repository);
    },

    /** The calendar every deadline uses (dossiers, workflow). */
    calendar: current,

    holidays(year: number) {
      const schedule = current().schedule(year);
      return {
        year,
        provisional: schedule.provisional,
        daysOff: [...schedule.daysOff].sort((a, b) => a.date.localeCompare(b.date)),
        extraWorkingDays: schedule.extraWorkingDays.map((day) => ({ date: day.date, replaces: day.replaces ?? null, source: day.source })),
        notes: [...(schedule.notes ?? [])],
      };
    },

    due(query: DueQuery): DueResult & { skipped: DueResult['skipped'][number][] } {
      const options = { channel: query.channel, cutoff: query.cutoff ?? null };
      const result =
        query.workingHours !== undefined
          ? current().dueByWorkingHours(query.from, query.workingHours, options)
          : current().dueByWorkingDays(query.from, query.workingDays ?? 0, options);
      return { ...result, skipped: [...result.skipped] };
    },

    dayStatus(date: IsoDate): DayStatus {
      return current().dayStatus(date);
    },

    isReady: () => calendar !== undefined,
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
