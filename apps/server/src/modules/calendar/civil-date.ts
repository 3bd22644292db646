// Civil dates ('YYYY-MM-DD') and instants seen from a fixed UTC offset.
// Everything here goes through Date.UTC and getUTC*: the machine's own time zone must never leak
// into a legal deadline. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
// offset is exact for the office calendar.
import { invalid } from '../../kernel/errors.ts';

/** A civil date in Vietnam local time, 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

// Plain integer arithmetic, no Date objects: every deadline computation walks many dates, and this
// sits on the hot path of the calendar API.
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: string, what = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw invalid('calendar.bad_date', {
      vi: `Ngày không hợp lệ (${what}): "${value}", cần dạng YYYY-MM-DD`,
      en: `Invalid ${what}: "${value}", expected a real date written YYYY-MM-DD`,
    });
  }
  return value;
}

/** Days since 1970-01-01 (may be negative). The unit of all day arithmetic here. */
export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian conversions.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Public offices rest on Saturday and Sunday: 40 hours over 5 days
 * (QĐ 188/1999/QĐ-TTg, 17/09/1999). Saturdays worked in a swap are data, not a rule here.
 */
export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

// ---------------------------------------------------------------- clock times and offsets

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' → minutes after local midnight. '24:00' is accepted only when `allowMidnightEnd`. */
export function parseClockTime(value: string, what = 'time', allowMidnightEnd = false): number {
  if (allowMidnightEnd && value === '24:00') return 24 * 60;
  const match = CLOCK_TIME.exec(value);
  if (!match) {
    throw invalid('calendar.bad_time', {
      vi: `Giờ không hợp lệ (${what}): "${value}", cần dạng HH:MM`,
      en: `Invalid ${what}: "${value}", expected HH:MM (00:00–23:59)`,
    });
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

const UTC_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** '+07:00' → 420. */
export function parseUtcOffset(value: string): number {
  const match = UTC_OFFSET.exec(value);
  const hours = Number(match?.[2]);
  const minutes = Number(match?.[3]);
  if (!match || hours > 14 || minutes > 59) {
    throw invalid('calendar.bad_utc_offset', {
      vi: `Độ lệch múi giờ không hợp lệ: "${value}", cần dạng +HH:MM`,
      en: `Invalid UTC offset: "${value}", expected ±HH:MM`,
    });
  }
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

// ---------------------------------------------------------------- instants

/** An instant as a Date or an ISO 8601 string that states its offset ('Z' or ±HH:MM). */
export type InstantInput = Date | string;

const EXPLICIT_OFFSET = /T.*(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds. Strings without an offset are refused: they would be read in the server's zone. */
export function toEpochMs(instant: InstantInput): number {
  if (typeof instant === 'string' && !EXPLICIT_OFFSET.test(instant)) {
    throw invalid('calendar.instant_without_offset', {
      vi: `Thời điểm "${instant}" phải ghi rõ múi giờ (ví dụ +07:00 hoặc Z)`,
      en: `Instant "${instant}" must state its offset (e.g. +07:00 or Z)`,
    });
  }
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) {
    throw invalid('calendar.bad_instant', {
      vi: `Thời điểm không hợp lệ: "${String(instant)}"`,
      en: `Invalid instant: "${String(instant)}"`,
    });
  }
  return ms;
}

/** The local civil date and the milliseconds since local midnight of an instant. */
export function toLocal(ms: number, offsetMinutes: number): { date: IsoDate; msOfDay: number } {
  const shifted = ms + offsetMinutes * MS_PER_MINUTE;
  const dayNumber = Math.floor(shifted / MS_PER_DAY);
  return { date: fromDayNumber(dayNumber), msOfDay: shifted - dayNumber * MS_PER_DAY };
}

/** The instant at `minutes` after local midnight of `date`. */
export function instantAt(date: IsoDate, minutes: number, offsetMinutes: number): number {
  return toDayNumber(date) * MS_PER_DAY + (minutes - offsetMinutes) * MS_PER_MINUTE;
}

/** ISO 8601 with the local offset, e.g. '2026-02-25T17:00:00+07:00' (milliseconds only when non-zero). */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const { date, msOfDay } = toLocal(ms, offsetMinutes);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / MS_PER_MINUTE);
  const seconds = Math.floor((msOfDay % MS_PER_MINUTE) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${date}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}${formatUtcOffset(offsetMinutes)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
