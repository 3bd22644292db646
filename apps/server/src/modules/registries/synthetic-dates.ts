// Civil dates (YYYY-MM-DD, no time zone) as day numbers, for drawing dates uniformly in a range: the
// calendar's exact civil-date arithmetic (no Date per call; millions of synthetic records are dated).
import { fromDayNumber } from '../calendar/index.ts';

export { toDayNumber as dayNumber, fromDayNumber as dateOfDay } from '../calendar/index.ts';

const DAY_MS = 86_400_000;

/**
 * The day someone born on `birthDate` turns 18 (đủ 18 tuổi, the age of full civil capacity, Bộ luật
 * Dân sự 2015 Art. 20). Someone born on 29 February comes of age on 1 March in a common year.
 */
export function eighteenthBirthday(birthDate: string): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  return fromDayNumber(Date.UTC((year ?? NaN) + 18, (month ?? NaN) - 1, day ?? NaN) / DAY_MS);
}
