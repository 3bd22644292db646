// A year's days off and Saturdays worked, whether announced by the Government or computed from
// the Labour Code. Shared by the rule engine, the announced-data loader and the calendar.
import { invalid } from '../../kernel/errors.ts';
import { isIsoDate, isWeekend, yearOf, type IsoDate } from './civil-date.ts';

/**
 * - holiday: a day named in Labour Code 45/2019/QH14 Art. 112(1) (incl. the Tết days and the
 *   extra Quốc khánh day the PM picks under Art. 112(3)), or a day off created by another act.
 * - compensatory: nghỉ bù, the next working day after a holiday that fell on a weekly rest day (Art. 111(3)).
 * - swapped_off: a working weekday given off in exchange for a Saturday worked (hoán đổi ngày làm việc).
 */
export const DAY_OFF_KINDS = ['holiday', 'compensatory', 'swapped_off'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export type DayOff = Readonly<{
  date: IsoDate;
  kind: DayOffKind;
  nameVi: string;
  nameEn: string;
  source: string;
}>;

/** A weekend day on which offices work, usually a Saturday worked in exchange for `replaces`. */
export type ExtraWorkingDay = Readonly<{
  date: IsoDate;
  replaces?: IsoDate;
  source: string;
}>;

export type YearSchedule = Readonly<{
  year: number;
  /** True when computed from the Labour Code because no schedule was announced for the year. */
  provisional: boolean;
  daysOff: readonly DayOff[];
  extraWorkingDays: readonly ExtraWorkingDay[];
  /** Open questions about the data (e.g. the `unconfirmed` notes of the announced file). */
  notes?: readonly string[];
}>;

// ---------------------------------------------------------------- names

type HolidayName = Readonly<{ vi: string; en: string }>;

/** Art. 112(1) names, plus Ngày Văn hóa Việt Nam (24/11, Nghị quyết 28/2026/QH16, reported). */
export const HOLIDAY_NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  lunarNewYear: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" },
  reunification: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labourDay: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
  cultureDay: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
} as const satisfies Record<string, HolidayName>;

export const COMPENSATORY_NAME_EN = 'Compensatory day off';
export const SWAPPED_OFF_NAME_EN = 'Swapped day off';
const FALLBACK_HOLIDAY_NAME_EN = 'Public holiday';

/**
 * English name of a day off from its kind and Vietnamese name. Holidays are matched on the
 * Vietnamese name's leading words, so 'Tết Nguyên đán (mùng 1 Bính Ngọ)' → 'Lunar New Year (Tết)'.
 */
export function englishNameFor(kind: DayOffKind, nameVi: string): string {
  if (kind === 'compensatory') return COMPENSATORY_NAME_EN;
  if (kind === 'swapped_off') return SWAPPED_OFF_NAME_EN;
  const normalised = nameVi.normalize('NFC').toLocaleLowerCase('vi').trim();
  for (const name of Object.values(HOLIDAY_NAMES)) {
    if (normalised.startsWith(name.vi.normalize('NFC').toLocaleLowerCase('vi'))) return name.en;
  }
  return FALLBACK_HOLIDAY_NAME_EN;
}

// ---------------------------------------------------------------- validation

/**
 * Structural rules every schedule must meet. Dates may fall in the year before or after `year`
 * (e.g. a Tết Dương lịch arrangement announced with the new year that reaches back to 31/12).
 * Returns the list of problems; empty when valid.
 */
export function scheduleProblems(schedule: YearSchedule): string[] {
  const problems: string[] = [];
  const { year } = schedule;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) problems.push(`year ${String(year)} is not a 4-digit year`);
  const seen = new Map<IsoDate, string>();
  const checkDate = (date: IsoDate, where: string): boolean => {
    if (!isIsoDate(date)) {
      problems.push(`${where}: "${date}" is not a real YYYY-MM-DD date`);
      return false;
    }
    if (Math.abs(yearOf(date) - year) > 1) problems.push(`${where}: ${date} is too far from year ${year}`);
    const previous = seen.get(date);
    if (previous) problems.push(`${where}: ${date} is already listed (${previous})`);
    seen.set(date, where);
    return true;
  };
  for (const day of schedule.daysOff) {
    const where = `day off ${day.date}`;
    if (!checkDate(day.date, where)) continue;
    if (!DAY_OFF_KINDS.includes(day.kind)) problems.push(`${where}: unknown kind "${String(day.kind)}"`);
    // A compensatory or swapped day exists only to free a weekday; on a weekend it means nothing.
    if (day.kind !== 'holiday' && isWeekend(day.date)) problems.push(`${where}: a ${day.kind} day must be a weekday`);
    if (!day.nameVi.trim() || !day.nameEn.trim()) problems.push(`${where}: name is empty`);
  }
  for (const day of schedule.extraWorkingDays) {
    const where = `extra working day ${day.date}`;
    if (!checkDate(day.date, where)) continue;
    if (!isWeekend(day.date)) problems.push(`${where}: only a Saturday or Sunday can be an extra working day`);
    if (day.replaces !== undefined && !isIsoDate(day.replaces)) problems.push(`${where}: replaces "${day.replaces}" is not a date`);
  }
  return problems;
}

export function assertValidSchedule(schedule: YearSchedule): YearSchedule {
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) {
    throw invalid(
      'calendar.bad_schedule',
      {
        vi: `Lịch nghỉ năm ${schedule.year} không hợp lệ: ${problems.join('; ')}`,
        en: `Invalid day-off schedule for ${schedule.year}: ${problems.join('; ')}`,
      },
      { year: schedule.year, problems },
    );
  }
  return schedule;
}
