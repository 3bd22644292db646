// The statutory default schedule of a year, computed from the Labour Code alone. It is what the
// calendar uses for a year whose schedule the Government has not announced (yet), and it is
// marked `provisional` because the Prime Minister fixes part of it every year (Art. 112(3)).
import { invalid } from '../../kernel/errors.ts';
import { addDays, formatDate, isWeekend, type IsoDate } from './civil-date.ts';
import { canChiOfYear, lunarNewYear, lunarToSolar, solarToLunar, LUNAR_MAX_YEAR, VIETNAM_TIME_ZONE_HOURS } from './lunar.ts';
import { assertValidSchedule, HOLIDAY_NAMES, COMPENSATORY_NAME_EN, type DayOff, type YearSchedule } from './year-schedule.ts';

const CODE = 'Bộ luật Lao động 45/2019/QH14';

/** The 2019 Labour Code took effect on 01/01/2021 (Art. 220); before that the 2012 Code gave 1 day for Quốc khánh. */
export const FIRST_RULE_YEAR = 2021;
export const LAST_RULE_YEAR = LUNAR_MAX_YEAR;

/** Art. 112(1)(b): Tết Âm lịch is 5 days. */
export const TET_DAYS = 5;

/** A holiday on a fixed solar date created by an act other than the Labour Code. */
export type FixedDateHoliday = Readonly<{
  month: number;
  day: number;
  fromYear: number;
  toYear?: number;
  nameVi: string;
  nameEn: string;
  source: string;
}>;

/**
 * Ngày Văn hóa Việt Nam, 24/11, a paid day off from 2026 under Nghị quyết 28/2026/QH16 Art. 2
 * (in force 01/07/2026). Known only from secondary sources (see data/vn-holidays/PROVENANCE.md),
 * so it is NOT in the default rules: pass it in `extraFixedHolidays` once confirmed.
 */
export const VIETNAMESE_CULTURE_DAY: FixedDateHoliday = {
  month: 11,
  day: 24,
  fromYear: 2026,
  nameVi: `${HOLIDAY_NAMES.cultureDay.vi} (24/11)`,
  nameEn: HOLIDAY_NAMES.cultureDay.en,
  source: 'Nghị quyết 28/2026/QH16, Điều 2 (hiệu lực 01/07/2026, theo nguồn thứ cấp; UNCONFIRMED)',
};

export type HolidayRuleOptions = Readonly<{
  /**
   * How many of the 5 Tết days fall before mùng 1 (0–4). The PM decides each year (Art. 112(3)):
   * 2024 and 2025 took 2 days before, 2026 took 1 (the last day of the old year + mùng 1–4).
   * Default 1, the 2026 choice.
   */
  tetDaysBeforeNewYear?: number;
  /** The day next to 2/9 that completes Quốc khánh (Art. 112(1)(đ)); PM decides (Art. 112(3)). Default 'after' (3/9). */
  nationalDayAdjacent?: 'before' | 'after';
  /** Hours east of UTC for the lunar calendar. Default 7 (Vietnam). */
  lunarTimeZone?: number;
  extraFixedHolidays?: readonly FixedDateHoliday[];
}>;

/** Days off for `year` from Art. 112(1) + Art. 111(3), `provisional: true`, sorted by date. */
export function statutorySchedule(year: number, options: HolidayRuleOptions = {}): YearSchedule {
  if (!Number.isInteger(year) || year < FIRST_RULE_YEAR || year > LAST_RULE_YEAR) {
    throw invalid('calendar.no_rule_for_year', {
      vi: `Không có quy tắc ngày nghỉ cho năm ${year} (chỉ tính ${FIRST_RULE_YEAR}–${LAST_RULE_YEAR}); cần nạp lịch nghỉ đã công bố`,
      en: `No statutory holiday rule for ${year} (computed for ${FIRST_RULE_YEAR}–${LAST_RULE_YEAR}); load an announced schedule`,
    });
  }
  const holidays = statutoryHolidays(year, options);
  const daysOff = [...holidays, ...compensatoryDays(holidays)].sort((a, b) => a.date.localeCompare(b.date));
  return assertValidSchedule({ year, provisional: true, daysOff, extraWorkingDays: [] });
}

/** The holiday-kind days of Art. 112(1) for `year`, before any compensatory day. */
export function statutoryHolidays(year: number, options: HolidayRuleOptions = {}): DayOff[] {
  const timeZone = options.lunarTimeZone ?? VIETNAM_TIME_ZONE_HOURS;
  const fixed = (month: number, day: number, nameVi: string, nameEn: string, point: string): DayOff => ({
    date: formatDate(year, month, day),
    kind: 'holiday',
    nameVi,
    nameEn,
    source: `${CODE}, Điều 112 khoản 1 điểm ${point}`,
  });
  const nationalDaySide = options.nationalDayAdjacent ?? 'after';
  const nationalDay = formatDate(year, 9, 2);
  const hungKings = lunarToSolar({ day: 10, month: 3, year, leap: false }, timeZone);

  const days: DayOff[] = [
    fixed(1, 1, HOLIDAY_NAMES.newYear.vi, HOLIDAY_NAMES.newYear.en, 'a'),
    ...tetDays(year, options.tetDaysBeforeNewYear ?? 1, timeZone),
    {
      date: hungKings,
      kind: 'holiday',
      nameVi: `${HOLIDAY_NAMES.hungKings.vi} (10/3 ${canChiOfYear(year)})`,
      nameEn: HOLIDAY_NAMES.hungKings.en,
      source: `${CODE}, Điều 112 khoản 1 điểm e (10/3 âm lịch)`,
    },
    fixed(4, 30, `${HOLIDAY_NAMES.reunification.vi} (30/4)`, HOLIDAY_NAMES.reunification.en, 'c'),
    fixed(5, 1, `${HOLIDAY_NAMES.labourDay.vi} (1/5)`, HOLIDAY_NAMES.labourDay.en, 'd'),
    fixed(9, 2, `${HOLIDAY_NAMES.nationalDay.vi} (2/9)`, HOLIDAY_NAMES.nationalDay.en, 'đ'),
    {
      date: addDays(nationalDay, nationalDaySide === 'after' ? 1 : -1),
      kind: 'holiday',
      nameVi: `${HOLIDAY_NAMES.nationalDay.vi} (ngày liền kề ${nationalDaySide === 'after' ? 'sau' : 'trước'} 2/9)`,
      nameEn: HOLIDAY_NAMES.nationalDay.en,
      source: `${CODE}, Điều 112 khoản 1 điểm đ; ngày liền kề do Thủ tướng quyết định (khoản 3), mặc định: ${nationalDaySide === 'after' ? 'sau' : 'trước'} 2/9`,
    },
  ];
  for (const extra of options.extraFixedHolidays ?? []) {
    if (year < extra.fromYear || (extra.toYear !== undefined && year > extra.toYear)) continue;
    days.push({ date: formatDate(year, extra.month, extra.day), kind: 'holiday', nameVi: extra.nameVi, nameEn: extra.nameEn, source: extra.source });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The 5 Tết days (Art. 112(1)(b)): `daysBefore` days ending on the last day of the old lunar
 * year, then mùng 1 onward. The exact days are the PM's choice (Art. 112(3)).
 */
function tetDays(year: number, daysBefore: number, timeZone: number): DayOff[] {
  // Mùng 1 itself is always one of the 5 days, so at most 4 can come before it.
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > TET_DAYS - 1) {
    throw invalid('calendar.bad_tet_choice', {
      vi: `Số ngày nghỉ Tết trước mùng 1 phải từ 0 đến ${TET_DAYS - 1}, nhận ${daysBefore}`,
      en: `Tết days before mùng 1 must be 0–${TET_DAYS - 1}, got ${daysBefore}`,
    });
  }
  const firstDay = lunarNewYear(year, timeZone);
  const source = `${CODE}, Điều 112 khoản 1 điểm b; ngày cụ thể do Thủ tướng quyết định (khoản 3), mặc định: ${daysBefore} ngày trước mùng 1`;
  return Array.from({ length: TET_DAYS }, (_, index) => {
    const date = addDays(firstDay, index - daysBefore);
    return {
      date,
      kind: 'holiday' as const,
      nameVi: `${HOLIDAY_NAMES.lunarNewYear.vi} (${lunarLabel(date, timeZone)})`,
      nameEn: HOLIDAY_NAMES.lunarNewYear.en,
      source,
    };
  });
}

/** 'mùng 1 Bính Ngọ', 'mùng 2', '29 tháng Chạp Ất Tỵ': the labels the notices print. */
function lunarLabel(date: IsoDate, timeZone: number): string {
  const lunar = solarToLunar(date, timeZone);
  if (lunar.month === 12) return `${lunar.day} tháng Chạp ${canChiOfYear(lunar.year)}`;
  if (lunar.month === 1 && lunar.day === 1) return `mùng 1 ${canChiOfYear(lunar.year)}`;
  if (lunar.month === 1 && lunar.day <= 10) return `mùng ${lunar.day}`;
  return `${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''} âm lịch`;
}

/**
 * Art. 111(3): when a weekly rest day coincides with a holiday, the worker rests on the next
 * working day instead. Holidays are taken in date order and each one on a Saturday or Sunday
 * takes the first weekday after it that is neither a holiday nor already a compensatory day,
 * so a 5-day Tết spanning a weekend yields two compensatory days after the last Tết day.
 */
export function compensatoryDays(holidays: readonly DayOff[]): DayOff[] {
  const taken = new Set(holidays.map((day) => day.date));
  const result: DayOff[] = [];
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    result.push({
      date: candidate,
      kind: 'compensatory',
      nameVi: `Nghỉ bù ngày ${vietnameseDate(holiday.date)} (${holiday.nameVi})`,
      nameEn: COMPENSATORY_NAME_EN,
      source: `${CODE}, Điều 111 khoản 3`,
    });
  }
  return result;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as Vietnamese notices write dates. */
function vietnameseDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
