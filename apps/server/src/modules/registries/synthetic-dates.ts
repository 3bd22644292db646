// Civil dates (YYYY-MM-DD, no time zone) as day numbers, for drawing dates uniformly in a range.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day someone born on `birthDate` turns 18 (đủ 18 tuổi, the age of full civil capacity, Bộ luật
 * Dân sự 2015 Art. 20). Someone born on 29 February comes of age on 1 March in a common year.
 */
export function eighteenthBirthday(birthDate: string): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  return dateOfDay(Date.UTC((year ?? NaN) + 18, (month ?? NaN) - 1, day ?? NaN) / DAY_MS);
}
