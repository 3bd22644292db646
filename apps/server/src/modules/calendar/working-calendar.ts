// The working-day calendar of Vietnamese public offices and the one-stop-shop deadline rules.
//
// Working days are Monday–Friday (QĐ 188/1999/QĐ-TTg) minus the days off of the year, plus the
// Saturdays worked in swaps. A year's days off come from the announced schedule when there is
// one, else from the Labour Code rules (holiday-rules.ts, marked provisional).
import { invalid } from '../../kernel/errors.ts';
import {
  addDays, assertIsoDate, formatInstant, instantAt, isWeekend, parseClockTime, parseUtcOffset,
  toDayNumber, toEpochMs, toLocal, yearOf, type InstantInput, type IsoDate,
} from './civil-date.ts';
import { FIRST_RULE_YEAR, LAST_RULE_YEAR, statutorySchedule, type HolidayRuleOptions } from './holiday-rules.ts';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, type OfficeHours, type OfficeSchedule } from './office-hours.ts';
import { assertValidSchedule, type DayOff, type DayOffKind, type ExtraWorkingDay, type YearSchedule } from './year-schedule.ts';

export type { DayOff, DayOffKind, ExtraWorkingDay, YearSchedule } from './year-schedule.ts';
export type { OfficeHours, OfficeInterval } from './office-hours.ts';

/**
 * When an online dossier arrives outside office hours or on a day off:
 * - 'next_working_hours': it is deemed received at the next opening (MOET 2025 regulation; the
 *   2025 karaoke liên thông decree; Decree 45/2020 as reported). UNCONFIRMED for Decree
 *   118/2025/NĐ-CP, whose text on this point was not read: keep it configurable.
 * - 'as_received': it is received when it arrives, even on a day off (the portal confirms the
 *   receipt time); counting starts on the next working day (Civil Code Art. 147). A cut-off moves
 *   the receipt to the next calendar day. The effective receipt date may then be a day off.
 */
export type OnlineOutsideHoursRule = 'next_working_hours' | 'as_received';

export type WorkingCalendarOptions = Readonly<{
  /** Schedules announced by the Government (override years). */
  announced?: readonly YearSchedule[];
  /** Choices for years computed from the Labour Code. */
  rules?: HolidayRuleOptions;
  officeHours?: OfficeHours;
  /** Local offset, default '+07:00' (Vietnam, no daylight saving). */
  utcOffset?: string;
  onlineOutsideHours?: OnlineOutsideHoursRule;
}>;

export type DayStatus =
  | Readonly<{ date: IsoDate; working: true; type: 'working' }>
  | Readonly<{ date: IsoDate; working: true; type: 'extra_working_day'; replaces?: IsoDate; source: string; provisional: boolean }>
  | Readonly<{ date: IsoDate; working: false; type: 'weekend' }>
  | Readonly<{ date: IsoDate; working: false; type: 'day_off'; kind: DayOffKind; nameVi: string; nameEn: string; source: string; provisional: boolean }>;

export type SkippedDay = Readonly<{ date: IsoDate; reason: 'weekend' | DayOffKind; name?: string; nameEn?: string }>;

export type Channel = 'online' | 'in_person';

export type ReceiptOptions = Readonly<{
  channel: Channel;
  /**
   * Per-procedure cut-off 'HH:MM' (commonly '15:00'): a dossier received at or after it counts
   * from the next working day (61/2018 Art. 18; 309/2026 Art. 9 for the transfer of paper dossiers;
   * many procedure records apply it to same-day results). null or absent: no cut-off.
   */
  cutoff?: string | null;
  /** Overrides the calendar's rule for online dossiers, e.g. per procedure. */
  onlineOutsideHours?: OnlineOutsideHoursRule;
}>;

export type ReceiptShift = 'non_working_day' | 'after_office_hours' | 'after_cutoff';

export type EffectiveReceipt = Readonly<{
  receivedAt: string;
  /** Local date on which the dossier actually arrived. */
  receivedOn: IsoDate;
  /** The day the dossier is deemed received; processing time counts from the day after (Art. 147). */
  effectiveReceiptDate: IsoDate;
  /** When office-hour counting starts: the arrival itself, or the next opening. */
  effectiveReceiptAt: string;
  shiftedBecause: ReceiptShift | null;
}>;

export type DueResult = EffectiveReceipt & Readonly<{
  countingStartsOn: IsoDate;
  dueDate: IsoDate;
  /** ISO 8601 with the local offset, e.g. '2026-02-25T17:00:00+07:00'. */
  dueAt: string;
  /** Non-working days from the arrival day to the due day, both included. */
  skipped: readonly SkippedDay[];
  /** True when a day in that range belongs to a year without an announced schedule. */
  provisional: boolean;
}>;

type IndexedDay = { dayOff?: DayOff; extra?: ExtraWorkingDay; provisional: boolean };

type Receipt = Readonly<{
  receivedMs: number;
  receivedOn: IsoDate;
  shiftedBecause: ReceiptShift | null;
  effectiveDate: IsoDate;
  effectiveMs: number;
}>;

/** No legal calendar has a year without a working day; a longer search means bad data. */
const MAX_SEARCH_DAYS = 400;
const MAX_COUNT = 3660;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

export class WorkingCalendar {
  readonly #announced = new Map<number, YearSchedule>();
  readonly #computed = new Map<number, YearSchedule>();
  readonly #index = new Map<number, Map<IsoDate, IndexedDay>>();
  readonly #rules: HolidayRuleOptions;
  readonly #hours: OfficeSchedule;
  readonly #offset: number;
  readonly #onlineOutsideHours: OnlineOutsideHoursRule;

  constructor(options: WorkingCalendarOptions = {}) {
    for (const schedule of options.announced ?? []) {
      if (this.#announced.has(schedule.year)) {
        throw invalid('calendar.duplicate_year', {
          vi: `Lịch nghỉ năm ${schedule.year} được nạp hai lần`,
          en: `The schedule for ${schedule.year} is given twice`,
        });
      }
      this.#announced.set(schedule.year, assertValidSchedule(schedule));
    }
    this.#rules = options.rules ?? {};
    this.#hours = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.#offset = parseUtcOffset(options.utcOffset ?? '+07:00');
    this.#onlineOutsideHours = options.onlineOutsideHours ?? 'next_working_hours';
  }

  // -------------------------------------------------------------- days

  /** The announced schedule of `year`, else the one computed from the Labour Code (provisional). */
  schedule(year: number): YearSchedule {
    const announced = this.#announced.get(year);
    if (announced) return announced;
    let computed = this.#computed.get(year);
    if (!computed) {
      computed = statutorySchedule(year, this.#rules);
      this.#computed.set(year, computed);
    }
    return computed;
  }

  /** Days off whose date falls in `year`, sorted (weekend holidays included). */
  listDaysOff(year: number): DayOff[] {
    return [...this.#dayIndex(year).values()]
      .flatMap((entry) => (entry.dayOff ? [entry.dayOff] : []))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  dayStatus(date: IsoDate): DayStatus {
    assertIsoDate(date);
    const entry = this.#dayIndex(yearOf(date)).get(date);
    if (entry?.dayOff) {
      const { kind, nameVi, nameEn, source } = entry.dayOff;
      return { date, working: false, type: 'day_off', kind, nameVi, nameEn, source, provisional: entry.provisional };
    }
    if (entry?.extra) {
      const { replaces, source } = entry.extra;
      return { date, working: true, type: 'extra_working_day', ...(replaces ? { replaces } : {}), source, provisional: entry.provisional };
    }
    return isWeekend(date) ? { date, working: false, type: 'weekend' } : { date, working: true, type: 'working' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayStatus(date).working;
  }

  /** True when `date`'s year has no announced schedule. */
  isProvisional(date: IsoDate): boolean {
    return !this.#announced.has(yearOf(assertIsoDate(date)));
  }

  /**
   * The n-th working day after `date` (n > 0), before it (n < 0), or `date` itself (n = 0).
   * For n, m ≥ 0: addWorkingDays(addWorkingDays(d, n), m) = addWorkingDays(d, n + m).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertIsoDate(date);
    checkCount(n, 'n', true);
    const step = n < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(n); remaining > 0; remaining -= 1) current = this.#nextWorkingDay(current, step);
    return current;
  }

  /**
   * Working days in (a, b] when b ≥ a, negated when b < a; so for a working day b after a,
   * addWorkingDays(a, workingDaysBetween(a, b)) = b.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const span = toDayNumber(b) - toDayNumber(a);
    const low = span >= 0 ? a : b;
    let count = 0;
    for (let offset = 1; offset <= Math.abs(span); offset += 1) if (this.isWorkingDay(addDays(low, offset))) count += 1;
    return span >= 0 ? count : -count;
  }

  // -------------------------------------------------------------- receipt and deadlines

  /**
   * The day from which a received dossier counts (309/2026 Art. 8(3): from the time on the
   * receipt). Arrival on a day off or after closing → next working day at opening; at or after
   * the procedure's cut-off → next working day; before opening or in a break → the same day,
   * office-hour counting from the next opening.
   */
  effectiveReceipt(instant: InstantInput, options: ReceiptOptions): EffectiveReceipt {
    return this.#publicReceipt(this.#receipt(instant, options));
  }

  /**
   * Due date of a time limit in working days. Civil Code 91/2015/QH13 Art. 147(1): a period in
   * days starts on the day after the event, so day 1 is the first working day after the
   * effective receipt day and day n is the due day. Art. 148: it ends at the end of that day, for
   * an office the end of office hours. n = 0 (same-day procedures): end of the receipt day.
   */
  dueByWorkingDays(instant: InstantInput, n: number, options: ReceiptOptions): DueResult {
    checkCount(n, 'working days', false);
    const receipt = this.#receipt(instant, options);
    const countingStartsOn = n === 0 ? this.#workingDayOnOrAfter(receipt.effectiveDate) : this.#nextWorkingDay(receipt.effectiveDate, 1);
    const dueDate = n === 0 ? countingStartsOn : this.addWorkingDays(receipt.effectiveDate, n);
    return this.#dueResult(receipt, countingStartsOn, dueDate, instantAt(dueDate, this.#hours.closing, this.#offset));
  }

  /**
   * Due instant of a time limit in working hours: only time inside office intervals of working
   * days counts, from the effective receipt instant. A limit that ends exactly at the end of an
   * interval is due at that end (e.g. 11:30), not at the next opening.
   */
  dueByWorkingHours(instant: InstantInput, hours: number, options: ReceiptOptions): DueResult {
    if (!Number.isFinite(hours) || hours < 0 || hours > MAX_COUNT * 24) throw badCount('working hours', hours);
    const receipt = this.#receipt(instant, options);
    let remaining = Math.round(hours * MS_PER_HOUR);
    let { date, msOfDay } = toLocal(receipt.effectiveMs, this.#offset);
    let firstCounted: IsoDate | undefined;
    for (let searched = 0; searched <= MAX_COUNT * 2; searched += 1) {
      if (this.isWorkingDay(date)) {
        for (const interval of this.#hours.intervals) {
          const end = interval.end * MS_PER_MINUTE;
          if (end <= msOfDay) continue;
          const start = Math.max(interval.start * MS_PER_MINUTE, msOfDay);
          firstCounted ??= date;
          if (remaining <= end - start) {
            return this.#dueResult(receipt, firstCounted, date, instantAt(date, 0, this.#offset) + start + remaining);
          }
          remaining -= end - start;
        }
      }
      date = addDays(date, 1);
      msOfDay = 0;
    }
    throw noWorkingDay(receipt.effectiveDate);
  }

  /**
   * Office time between two instants, in hours: only the parts inside office intervals of working
   * days count (0 when `to` is not after `from`). The measure dueByWorkingHours counts forward, so a
   * step's elapsed time can be set against its allotment (Circular 01/2018 Art. 13, indicator 2).
   */
  workingHoursBetween(from: InstantInput, to: InstantInput): number {
    const fromMs = toEpochMs(from);
    const toMs = toEpochMs(to);
    if (toMs <= fromMs) return 0;
    let total = 0;
    let { date } = toLocal(fromMs, this.#offset);
    for (let searched = 0; searched <= MAX_COUNT * 2; searched += 1) {
      const dayStart = instantAt(date, 0, this.#offset);
      if (dayStart >= toMs) break;
      if (this.isWorkingDay(date)) {
        for (const interval of this.#hours.intervals) {
          const start = Math.max(dayStart + interval.start * MS_PER_MINUTE, fromMs);
          const end = Math.min(dayStart + interval.end * MS_PER_MINUTE, toMs);
          if (end > start) total += end - start;
        }
      }
      date = addDays(date, 1);
    }
    return total / MS_PER_HOUR;
  }

  // -------------------------------------------------------------- internals

  #receipt(instant: InstantInput, options: ReceiptOptions): Receipt {
    const receivedMs = toEpochMs(instant);
    const cutoff = options.cutoff == null ? null : parseClockTime(options.cutoff, 'cut-off');
    const rule = options.channel === 'online' ? (options.onlineOutsideHours ?? this.#onlineOutsideHours) : 'next_working_hours';
    const { date, msOfDay } = toLocal(receivedMs, this.#offset);
    const afterCutoff = cutoff !== null && msOfDay >= cutoff * MS_PER_MINUTE;

    if (rule === 'as_received') {
      // Received when it arrives, whatever the day; past the cut-off it counts as received the
      // next calendar day (not the next working day: otherwise a Friday 16:00 filing would be
      // due later than a Saturday one).
      if (!afterCutoff) return { receivedMs, receivedOn: date, shiftedBecause: null, effectiveDate: date, effectiveMs: receivedMs };
      const nextDay = addDays(date, 1);
      return { receivedMs, receivedOn: date, shiftedBecause: 'after_cutoff', effectiveDate: nextDay, effectiveMs: instantAt(nextDay, 0, this.#offset) };
    }

    let shiftedBecause: ReceiptShift | null = null;
    if (!this.isWorkingDay(date)) shiftedBecause = 'non_working_day';
    else if (msOfDay >= this.#hours.closing * MS_PER_MINUTE) shiftedBecause = 'after_office_hours';
    else if (afterCutoff) shiftedBecause = 'after_cutoff';

    const base = { receivedMs, receivedOn: date, shiftedBecause };
    if (shiftedBecause) {
      const next = this.#nextWorkingDay(date, 1);
      return { ...base, effectiveDate: next, effectiveMs: instantAt(next, this.#hours.opening, this.#offset) };
    }
    // Same working day: before opening or during a break, office time starts at the next opening.
    const dayStart = instantAt(date, 0, this.#offset);
    const nextOpen = this.#hours.intervals.find((interval) => interval.end * MS_PER_MINUTE > msOfDay);
    const startMs = nextOpen ? Math.max(msOfDay, nextOpen.start * MS_PER_MINUTE) : msOfDay;
    return { ...base, effectiveDate: date, effectiveMs: dayStart + startMs };
  }

  #publicReceipt(receipt: Receipt): EffectiveReceipt {
    return {
      receivedAt: formatInstant(receipt.receivedMs, this.#offset),
      receivedOn: receipt.receivedOn,
      effectiveReceiptDate: receipt.effectiveDate,
      effectiveReceiptAt: formatInstant(receipt.effectiveMs, this.#offset),
      shiftedBecause: receipt.shiftedBecause,
    };
  }

  #dueResult(receipt: Receipt, countingStartsOn: IsoDate, dueDate: IsoDate, dueMs: number): DueResult {
    const skipped: SkippedDay[] = [];
    let provisional = false;
    for (let date = receipt.receivedOn; date <= dueDate; date = addDays(date, 1)) {
      provisional ||= this.isProvisional(date);
      const status = this.dayStatus(date);
      if (status.type === 'weekend') skipped.push({ date, reason: 'weekend' });
      if (status.type === 'day_off') skipped.push({ date, reason: status.kind, name: status.nameVi, nameEn: status.nameEn });
    }
    return { ...this.#publicReceipt(receipt), countingStartsOn, dueDate, dueAt: formatInstant(dueMs, this.#offset), skipped, provisional };
  }

  #nextWorkingDay(date: IsoDate, step: 1 | -1): IsoDate {
    let current = date;
    for (let searched = 0; searched < MAX_SEARCH_DAYS; searched += 1) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) return current;
    }
    throw noWorkingDay(date);
  }

  #workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.#nextWorkingDay(date, 1);
  }

  /**
   * Days of `year` from the year's own schedule, plus entries of the neighbouring years'
   * schedules that fall in `year` (e.g. a 31/12 day off announced with the next year).
   */
  #dayIndex(year: number): Map<IsoDate, IndexedDay> {
    const cached = this.#index.get(year);
    if (cached) return cached;
    const index = new Map<IsoDate, IndexedDay>();
    for (const source of [year, year - 1, year + 1]) {
      const schedule = source === year ? this.schedule(year) : this.#neighbour(source);
      if (!schedule) continue;
      for (const dayOff of schedule.daysOff) {
        if (yearOf(dayOff.date) === year && !index.has(dayOff.date)) index.set(dayOff.date, { dayOff, provisional: schedule.provisional });
      }
      for (const extra of schedule.extraWorkingDays) {
        if (yearOf(extra.date) === year && !index.has(extra.date)) index.set(extra.date, { extra, provisional: schedule.provisional });
      }
    }
    this.#index.set(year, index);
    return index;
  }

  /** A neighbouring year's schedule, or undefined when there is neither an announcement nor a rule. */
  #neighbour(year: number): YearSchedule | undefined {
    if (this.#announced.has(year) || (year >= FIRST_RULE_YEAR && year <= LAST_RULE_YEAR)) return this.schedule(year);
    return undefined;
  }
}

function checkCount(n: number, what: string, allowNegative: boolean): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_COUNT || (!allowNegative && n < 0)) throw badCount(what, n);
}

function badCount(what: string, value: number) {
  return invalid('calendar.bad_count', {
    vi: `Số ${what === 'working hours' ? 'giờ làm việc' : 'ngày làm việc'} không hợp lệ: ${value}`,
    en: `Invalid number of ${what}: ${value}`,
  });
}

function noWorkingDay(date: IsoDate) {
  return invalid('calendar.no_working_day', {
    vi: `Không tìm thấy ngày làm việc gần ${date}; kiểm tra lại lịch nghỉ`,
    en: `No working day found near ${date}; check the day-off schedules`,
  });
}
