/**
 * The "Thời gian" (processing time) cell of the channel table.
 *
 * In the crawl the cell is one number followed by a unit ("60 Ngày làm việc",
 * "3 Ngày", "12 Giờ", "0.5 Ngày làm việc"), a bare number whose unit the portal
 * never published ("1"), or "Không có thông tin".
 */

export const TIME_UNITS = [
  'working_days',
  'days',
  'working_hours',
  'hours',
  'minutes',
  'weeks',
  'months',
  'years',
  // A number without a unit in the source; kept so nothing is silently dropped,
  // but callers must not treat it as a deadline.
  'unspecified',
] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
  /** The cell text the value came from, e.g. "60 Ngày làm việc". */
  text: string;
}

// Longest labels first so "Ngày làm việc" is not read as "Ngày" + leftover.
const UNIT_LABELS: readonly (readonly [string, TimeUnit])[] = [
  ['Ngày làm việc', 'working_days'],
  ['ngày làm việc', 'working_days'],
  ['Giờ làm việc', 'working_hours'],
  ['giờ làm việc', 'working_hours'],
  ['Ngày', 'days'],
  ['ngày', 'days'],
  ['Giờ', 'hours'],
  ['giờ', 'hours'],
  ['Phút', 'minutes'],
  ['phút', 'minutes'],
  ['Tuần', 'weeks'],
  ['tuần', 'weeks'],
  ['Tháng', 'months'],
  ['tháng', 'months'],
  ['Năm', 'years'],
  ['năm', 'years'],
];

/** Parses "0.5" and "0,5" alike; the portal uses both decimal marks. */
export function parseDecimal(text: string): number {
  return Number(text.replace(',', '.'));
}

export interface TimeCellMatch {
  limit: TimeLimit | null;
  /** Characters of the input consumed by the cell. */
  length: number;
}

const NUMBER_AT_START = /^(\d+(?:[.,]\d+)?) ?/;

/**
 * Reads a number + unit at the start of `text`. Returns null when the text does
 * not start with a number. A number with no known unit after it is returned
 * with unit 'unspecified' and only the digits consumed.
 */
export function readTimeCell(text: string): TimeCellMatch | null {
  const num = NUMBER_AT_START.exec(text);
  if (!num) return null;
  const digits = num[1] ?? '';
  const afterNumber = text.slice(num[0].length);
  for (const [label, unit] of UNIT_LABELS) {
    if (afterNumber.startsWith(label)) {
      const length = num[0].length + label.length;
      return { limit: { value: parseDecimal(digits), unit, text: text.slice(0, length) }, length };
    }
  }
  return {
    limit: { value: parseDecimal(digits), unit: 'unspecified', text: digits },
    length: digits.length,
  };
}

// Rough calendar-day length of each unit, only for ranking limits against each
// other (five working days per week, eight working hours per day).
const APPROX_DAYS: Record<TimeUnit, number> = {
  working_days: 7 / 5,
  days: 1,
  working_hours: 7 / 5 / 8,
  hours: 1 / 24,
  minutes: 1 / 1440,
  weeks: 7,
  months: 30,
  years: 365,
  unspecified: 0,
};

/** Approximate length in calendar days; 0 for an unspecified unit. */
export function approxCalendarDays(limit: Pick<TimeLimit, 'value' | 'unit'>): number {
  return limit.value * APPROX_DAYS[limit.unit];
}
