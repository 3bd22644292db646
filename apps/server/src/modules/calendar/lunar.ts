// Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's astronomical method:
// a month starts on the local day of a true new moon; month 11 is the month containing the
// winter solstice; in a 13-month year the leap month is the first one without a major solar term
// (trung khí, a multiple of 30° of solar longitude).
//
// Why compute at UTC+7: Vietnam has used the meridian 105°E since 1968, so new moons falling
// between 23:00 and 24:00 Beijing time land on different days. Tết 1985 and 2007 differ from the
// Chinese calendar (UTC+8) for that reason; the time zone is therefore a parameter.
//
// Accuracy: the series below (Meeus-style low-precision new moon and solar longitude) is the one
// the reference tables of 1800–2199 were produced with. Outside that range results are refused.
import { invalid } from '../../kernel/errors.ts';
import { formatDate, type IsoDate, assertIsoDate } from './civil-date.ts';

export type LunarDate = Readonly<{
  day: number;
  month: number;
  /** Lunar year, named by the Gregorian year in which its month 1 mostly falls (Tết 2026 → 2026). */
  year: number;
  /** True for the intercalary month (tháng nhuận) that repeats `month`. */
  leap: boolean;
}>;

/** Hours east of UTC used to decide on which civil day a new moon or solar term falls. */
export const VIETNAM_TIME_ZONE_HOURS = 7;

export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

// ---------------------------------------------------------------- Julian day numbers

/** Julian day number of a Gregorian date (Julian calendar before 15/10/1582). */
export function jdFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const gregorian = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (gregorian >= 2299161) return gregorian;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

export function jdToDate(jd: number): { day: number; month: number; year: number } {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

// ---------------------------------------------------------------- astronomy

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitudeArg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * DEG) + 0.0021 * Math.sin(2 * DEG * sunAnomaly);
  correction += -0.4068 * Math.sin(moonAnomaly * DEG) + 0.0161 * Math.sin(DEG * 2 * moonAnomaly);
  correction -= 0.0004 * Math.sin(DEG * 3 * moonAnomaly);
  correction += 0.0104 * Math.sin(DEG * 2 * latitudeArg) - 0.0051 * Math.sin(DEG * (sunAnomaly + moonAnomaly));
  correction += -0.0074 * Math.sin(DEG * (sunAnomaly - moonAnomaly)) + 0.0004 * Math.sin(DEG * (2 * latitudeArg + sunAnomaly));
  correction += -0.0004 * Math.sin(DEG * (2 * latitudeArg - sunAnomaly)) - 0.0006 * Math.sin(DEG * (2 * latitudeArg + moonAnomaly));
  correction += 0.001 * Math.sin(DEG * (2 * latitudeArg - moonAnomaly)) + 0.0005 * Math.sin(DEG * (2 * moonAnomaly + sunAnomaly));
  // ΔT (terrestrial minus universal time), in days.
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** Apparent solar longitude in radians, [0, 2π), at Julian date `jd` (UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * meanAnomaly);
  center += (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * meanAnomaly) + 0.00029 * Math.sin(DEG * 3 * meanAnomaly);
  const longitude = (meanLongitude + center) * DEG;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Local Julian day number of the k-th new moon. */
export function getNewMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which 30° sector (0–11) the sun is in at the start of local day `dayNumber`; 9 = winter solstice onward. */
export function getSunLongitude(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Day number of the start of lunar month 11 of the lunar year that ends in Gregorian `year`. */
export function getLunarMonth11(year: number, timeZone: number): number {
  const offset = jdFromDate(31, 12, year) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const newMoonDay = getNewMoonDay(k, timeZone);
  // The month that starts after the solstice is month 12, so step back one new moon.
  return getSunLongitude(newMoonDay, timeZone) >= 9 ? getNewMoonDay(k - 1, timeZone) : newMoonDay;
}

/**
 * For a 13-month year starting at month 11 on day `a11`, the index (1-based, counted from the
 * month after month 11) of the first month without a major solar term: that month is the leap month.
 */
export function getLeapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

// ---------------------------------------------------------------- conversions

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw invalid('calendar.lunar_year_out_of_range', {
      vi: `Năm ${year} nằm ngoài phạm vi lịch âm hỗ trợ (${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR})`,
      en: `Year ${year} is outside the supported lunar range (${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR})`,
    });
  }
}

/** Solar ISO date → lunar date, at `timeZone` hours east of UTC (default UTC+7). */
export function solarToLunar(date: IsoDate, timeZone: number = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  assertIsoDate(date);
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  checkYear(year);
  const dayNumber = jdFromDate(day, month, year);
  // The month starts on the last new-moon day on or before the date. The reference code guesses k
  // from the mean month and checks only k+1 and k; a true new moon can come over half a day after
  // the mean one, which made e.g. 2062-04-09 "day 0 of month 3". Walk to the right k instead.
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (getNewMoonDay(k + 1, timeZone) <= dayNumber) k += 1;
  while (getNewMoonDay(k, timeZone) > dayNumber) k -= 1;
  const monthStart = getNewMoonDay(k, timeZone);

  let a11 = getLunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = getLunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = getLunarMonth11(year + 1, timeZone);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const monthsSince11 = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = monthsSince11 + 11;
  if (b11 - a11 > 365) {
    const leapOffset = getLeapMonthOffset(a11, timeZone);
    if (monthsSince11 >= leapOffset) {
      lunarMonth = monthsSince11 + 10;
      leap = monthsSince11 === leapOffset;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && monthsSince11 < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/**
 * Lunar date → solar ISO date. Throws when the date does not exist: a leap flag on a month that
 * is not leap that year, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, timeZone: number = VIETNAM_TIME_ZONE_HOURS): IsoDate {
  const { day } = lunar;
  const bounds = lunarMonthBounds(lunar, timeZone);
  if (!Number.isInteger(day) || day < 1 || day > bounds.next - bounds.start) throw nonexistent(lunar);
  const solar = jdToDate(bounds.start + day - 1);
  return formatDate(solar.year, solar.month, solar.day);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false, timeZone: number = VIETNAM_TIME_ZONE_HOURS): number {
  const bounds = lunarMonthBounds({ day: 1, month, year, leap }, timeZone);
  return bounds.next - bounds.start;
}

/** Julian day numbers of the first day of the month of `lunar` and of the month after it. */
function lunarMonthBounds(lunar: LunarDate, timeZone: number): { start: number; next: number } {
  const { month, year, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw nonexistent(lunar);
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = getLunarMonth11(year - 1, timeZone);
    b11 = getLunarMonth11(year, timeZone);
  } else {
    a11 = getLunarMonth11(year, timeZone);
    b11 = getLunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = getLeapMonthOffset(a11, timeZone);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw nonexistent(lunar);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw nonexistent(lunar);
  }
  return { start: getNewMoonDay(k + offset, timeZone), next: getNewMoonDay(k + offset + 1, timeZone) };
}

/** The solar date of Tết Nguyên Đán (mùng 1 tháng Giêng) of lunar `year`. */
export function lunarNewYear(year: number, timeZone: number = VIETNAM_TIME_ZONE_HOURS): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }, timeZone);
}

const HEAVENLY_STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const EARTHLY_BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** Sexagenary (can chi) name of a lunar year, e.g. 2026 → 'Bính Ngọ'. Year 4 AD was Giáp Tý. */
export function canChiOfYear(year: number): string {
  const stem = HEAVENLY_STEMS[(((year + 6) % 10) + 10) % 10];
  const branch = EARTHLY_BRANCHES[(((year + 8) % 12) + 12) % 12];
  return `${stem} ${branch}`;
}

function nonexistent(lunar: LunarDate) {
  const label = `${lunar.day}/${lunar.month}${lunar.leap ? ' (nhuận)' : ''}/${lunar.year}`;
  return invalid('calendar.lunar_date_nonexistent', {
    vi: `Ngày âm lịch ${label} không tồn tại`,
    en: `Lunar date ${label}${lunar.leap ? ' (leap month)' : ''} does not exist`,
  });
}
