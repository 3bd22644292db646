// Civil dates (YYYY-MM-DD, no time zone) as day numbers, for drawing dates uniformly in a range.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  // Howard Hinnant's days_from_civil, the inverse of dateOfDay.
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The YYYY-MM-DD date of a day number, by Howard Hinnant's civil_from_days (exact for the proleptic
 * Gregorian calendar): millions of synthetic records are dated, and this avoids a Date per call.
 */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * The day someone born on `birthDate` turns 18 (đủ 18 tuổi, the age of full civil capacity, Bộ luật
 * Dân sự 2015 Art. 20). Someone born on 29 February comes of age on 1 March in a common year.
 */
export function eighteenthBirthday(birthDate: string): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  return dateOfDay(Date.UTC((year ?? NaN) + 18, (month ?? NaN) - 1, day ?? NaN) / DAY_MS);
}
