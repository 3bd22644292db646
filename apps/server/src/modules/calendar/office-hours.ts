// Office hours of a working day, in local time. The only national rule is 40 hours over 5 days
// (QĐ 188/1999/QĐ-TTg); the clock times are set by each province or agency (many use
// 07:30–11:30 and 13:00–17:00, others 08:00–12:00 and 13:30–17:30), hence configurable.
import { invalid } from '../../kernel/errors.ts';
import { parseClockTime } from './civil-date.ts';

export type OfficeInterval = Readonly<{ start: string; end: string }>;

/** Intervals of one working day, 'HH:MM' local time, in order and not overlapping. */
export type OfficeHours = Readonly<{ intervals: readonly OfficeInterval[] }>;

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  intervals: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
};

/** Office hours as minutes after local midnight. */
export type OfficeSchedule = Readonly<{
  intervals: readonly Readonly<{ start: number; end: number }>[];
  /** Start of the first interval: when a shifted dossier is deemed received. */
  opening: number;
  /** End of the last interval: the end of the working day (Civil Code 91/2015/QH13 Art. 148). */
  closing: number;
}>;

export function parseOfficeHours(hours: OfficeHours): OfficeSchedule {
  const intervals = hours.intervals.map((interval, index) => ({
    start: parseClockTime(interval.start, `office interval ${index + 1} start`),
    end: parseClockTime(interval.end, `office interval ${index + 1} end`, true),
  }));
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  const disordered = intervals.some((interval, index) => {
    const previous = intervals[index - 1];
    return interval.end <= interval.start || (previous !== undefined && interval.start < previous.end);
  });
  if (!first || !last || disordered) {
    throw invalid('calendar.bad_office_hours', {
      vi: 'Giờ làm việc phải có ít nhất một khoảng, mỗi khoảng bắt đầu trước khi kết thúc, theo thứ tự và không chồng nhau',
      en: 'Office hours need at least one interval, each starting before it ends, in order and not overlapping',
    });
  }
  return { intervals, opening: first.start, closing: last.end };
}

/** Minutes of office time in one working day (480 for the default 8-hour day). */
export function minutesPerDay(schedule: OfficeSchedule): number {
  return schedule.intervals.reduce((total, interval) => total + interval.end - interval.start, 0);
}
