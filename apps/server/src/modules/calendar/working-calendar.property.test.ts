import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAnnouncedSchedules } from './announced-schedules.ts';
import { addDays, fromDayNumber, toDayNumber, toLocal } from './civil-date.ts';
import { WorkingCalendar, type ReceiptOptions } from './working-calendar.ts';

// Announced 2024–2026 plus computed 2021–2023 and 2027–2032: both sources are exercised.
const announced = parseAnnouncedSchedules(
  JSON.parse(readFileSync(new URL('../../../../../data/vn-holidays/holidays-2024-2026.json', import.meta.url), 'utf8')),
);
const calendar = new WorkingCalendar({ announced });
const OFFSET_MINUTES = 7 * 60;
const MINUTE = 60_000;
const OFFICE = [[7 * 60 + 30, 11 * 60 + 30], [13 * 60, 17 * 60]] as const;

const date = fc.integer({ min: toDayNumber('2021-06-01'), max: toDayNumber('2031-06-30') }).map(fromDayNumber);
/** Whole minutes between 2021 and mid-2031, so a minute-by-minute oracle is exact. */
const instant = fc
  .integer({ min: Date.parse('2021-03-01T00:00:00Z') / MINUTE, max: Date.parse('2031-06-30T00:00:00Z') / MINUTE })
  .map((minutes) => new Date(minutes * MINUTE));
const receiptOptions: fc.Arbitrary<ReceiptOptions> = fc.record({
  channel: fc.constantFrom('online' as const, 'in_person' as const),
  cutoff: fc.constantFrom(null, '15:00', '11:00', '16:30'),
  onlineOutsideHours: fc.constantFrom('next_working_hours' as const, 'as_received' as const),
});

const localDate = (iso: string) => toLocal(Date.parse(iso), OFFSET_MINUTES);
const minutesOfDay = (iso: string) => localDate(iso).msOfDay / MINUTE;

describe('working-day arithmetic properties', () => {
  it('addWorkingDays(addWorkingDays(d, n), m) = addWorkingDays(d, n + m)', () => {
    fc.assert(fc.property(date, fc.nat(60), fc.nat(60), (d, n, m) => {
      assert.equal(calendar.addWorkingDays(calendar.addWorkingDays(d, n), m), calendar.addWorkingDays(d, n + m));
    }), { numRuns: 300 });
  });

  // workingDaysBetween counts (a, b]; from a day off, stepping back lands on a day that (a, b]
  // cannot reach, so the negative cases start from a working day.
  it('workingDaysBetween(d, addWorkingDays(d, n)) = n for n ≥ 0, and for any n from a working day', () => {
    fc.assert(fc.property(date, fc.integer({ min: -60, max: 60 }), (d, n) => {
      if (n >= 0) assert.equal(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)), n);
      const workingDay = calendar.addWorkingDays(d, 1);
      assert.equal(calendar.workingDaysBetween(workingDay, calendar.addWorkingDays(workingDay, n)), n);
      assert.equal(calendar.addWorkingDays(calendar.addWorkingDays(workingDay, n), -n), workingDay);
    }), { numRuns: 300 });
  });

  it('addWorkingDays(d, n) for n ≥ 1 is a working day', () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => calendar.isWorkingDay(calendar.addWorkingDays(d, n))), { numRuns: 300 });
  });
});

describe('due dates in working days: properties', () => {
  it('is a working day, due at closing, never before receipt, with every day off in between listed', () => {
    fc.assert(fc.property(instant, fc.nat(40), receiptOptions, (at, n, options) => {
      const due = calendar.dueByWorkingDays(at, n, options);
      assert.ok(calendar.isWorkingDay(due.dueDate), `${due.dueDate} is a working day`);
      assert.equal(due.dueAt, `${due.dueDate}T17:00:00+07:00`);
      assert.ok(due.dueDate >= due.effectiveReceiptDate && due.effectiveReceiptDate >= due.receivedOn);
      assert.ok(calendar.isWorkingDay(due.countingStartsOn));
      assert.equal(calendar.workingDaysBetween(due.effectiveReceiptDate, due.dueDate), calendar.isWorkingDay(due.effectiveReceiptDate) && n === 0 ? 0 : Math.max(n, 1));
      const offDays: string[] = [];
      for (let day = due.receivedOn; day <= due.dueDate; day = addDays(day, 1)) if (!calendar.isWorkingDay(day)) offDays.push(day);
      assert.deepEqual(due.skipped.map((day) => day.date), offDays);
    }), { numRuns: 300 });
  });

  it('is strictly increasing in n (0 and 1 coincide only for a receipt kept on a day off)', () => {
    fc.assert(fc.property(instant, fc.nat(40), fc.integer({ min: 1, max: 20 }), receiptOptions, (at, n, extra, options) => {
      const sooner = calendar.dueByWorkingDays(at, n, options);
      const later = calendar.dueByWorkingDays(at, n + extra, options);
      // Under 'as_received' a dossier received on a day off keeps that day as its receipt day: a
      // same-day procedure (n = 0) is then due at the end of the next working day, as is n = 1.
      const sameDayOnDayOff = n === 0 && extra === 1 && !calendar.isWorkingDay(sooner.effectiveReceiptDate);
      if (sameDayOnDayOff) assert.equal(sooner.dueAt, later.dueAt);
      else assert.ok(Date.parse(sooner.dueAt) < Date.parse(later.dueAt), `${sooner.dueAt} < ${later.dueAt}`);
    }), { numRuns: 300 });
  });

  it('never gives an earlier due date for a later receipt', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 5 * 24 * 60 }), fc.nat(20), receiptOptions, (at, laterBy, n, options) => {
      const first = calendar.dueByWorkingDays(at, n, options);
      const second = calendar.dueByWorkingDays(new Date(at.getTime() + laterBy * MINUTE), n, options);
      assert.ok(first.dueDate <= second.dueDate, `${first.dueDate} <= ${second.dueDate}`);
    }), { numRuns: 300 });
  });
});

describe('due instants in working hours: properties', () => {
  it('lies inside office hours of a working day', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 200 }), receiptOptions, (at, hours, options) => {
      const due = calendar.dueByWorkingHours(at, hours, options);
      const { date: day } = localDate(due.dueAt);
      const minute = minutesOfDay(due.dueAt);
      assert.ok(calendar.isWorkingDay(day), `${due.dueAt} on a working day`);
      assert.ok(OFFICE.some(([start, end]) => minute >= start && minute <= end), `${due.dueAt} inside office hours`);
      assert.ok(Date.parse(due.dueAt) >= Date.parse(due.effectiveReceiptAt));
    }), { numRuns: 300 });
  });

  it('matches a minute-by-minute count of office time', () => {
    const isOfficeMinute = (ms: number) => {
      const local = toLocal(ms, OFFSET_MINUTES);
      const minute = local.msOfDay / MINUTE;
      return calendar.isWorkingDay(local.date) && OFFICE.some(([start, end]) => minute >= start && minute < end);
    };
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 3 * 8 * 60 }), receiptOptions, (at, minutes, options) => {
      const due = calendar.dueByWorkingHours(at, minutes / 60, options);
      let cursor = Date.parse(due.effectiveReceiptAt);
      for (let counted = 0; counted < minutes; cursor += MINUTE) if (isOfficeMinute(cursor)) counted += 1;
      assert.equal(due.dueAt, formatLocal(cursor));
    }), { numRuns: 150 });
  });

  it('is non-decreasing in the number of hours', () => {
    fc.assert(fc.property(instant, fc.nat(100), fc.nat(20), receiptOptions, (at, hours, extra, options) => {
      const sooner = Date.parse(calendar.dueByWorkingHours(at, hours, options).dueAt);
      const later = Date.parse(calendar.dueByWorkingHours(at, hours + extra, options).dueAt);
      assert.ok(extra === 0 ? sooner === later : sooner < later);
    }), { numRuns: 300 });
  });
});

function formatLocal(ms: number): string {
  const local = toLocal(ms, OFFSET_MINUTES);
  const minute = local.msOfDay / MINUTE;
  return `${local.date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`;
}

describe('working hours between two instants: properties', () => {
  it('measures back what dueByWorkingHours counted forward, from an instant inside office hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 200 }), (at, hours) => {
        // Start where counting starts (the effective receipt), so nothing before it is skipped.
        const start = calendar.dueByWorkingHours(at, 0, { channel: 'in_person', cutoff: null }).effectiveReceiptAt;
        const due = calendar.dueByWorkingHours(start, hours, { channel: 'in_person', cutoff: null }).dueAt;
        assert.equal(Math.round(calendar.workingHoursBetween(start, due) * 60), hours * 60);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive over any split point, and never negative', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = calendar.workingHoursBetween(x, z);
        assert.ok(Math.abs(whole - calendar.workingHoursBetween(x, y) - calendar.workingHoursBetween(y, z)) < 1e-9);
        assert.equal(calendar.workingHoursBetween(z, x), 0);
      }),
      { numRuns: 200 },
    );
  });

  const examples: [string, string, string, number][] = [
    ['within a morning', '2026-11-23T08:00:00+07:00', '2026-11-23T10:30:00+07:00', 2.5],
    ['across the lunch break', '2026-11-23T11:00:00+07:00', '2026-11-23T14:00:00+07:00', 1.5],
    ['over a weekend', '2026-11-20T16:00:00+07:00', '2026-11-23T08:30:00+07:00', 2],
    ['a whole working day', '2026-11-23T00:00:00+07:00', '2026-11-24T00:00:00+07:00', 8],
  ];
  for (const [name, from, to, hours] of examples) {
    it(name, () => assert.equal(calendar.workingHoursBetween(from, to), hours));
  }
});
