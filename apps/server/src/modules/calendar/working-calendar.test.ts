import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { parseAnnouncedSchedules } from './announced-schedules.ts';
import { addDays, isWeekend } from './civil-date.ts';
import { WorkingCalendar, type ReceiptOptions, type YearSchedule } from './working-calendar.ts';

type RawDay = { date: string; kind: string; name_vi: string; replaces?: string };
const raw = JSON.parse(readFileSync(new URL('../../../../../data/vn-holidays/holidays-2024-2026.json', import.meta.url), 'utf8')) as {
  years: Record<string, { days_off: RawDay[]; extra_working_days: RawDay[] }>;
};
const announced = parseAnnouncedSchedules(raw);
const calendar = new WorkingCalendar({ announced });
const rawDaysOff = Object.values(raw.years).flatMap((year) => year.days_off);
const rawExtraDays = Object.values(raw.years).flatMap((year) => year.extra_working_days);

const inPerson: ReceiptOptions = { channel: 'in_person' };
const online: ReceiptOptions = { channel: 'online' };

function refused(fn: () => unknown, code: string) {
  assert.throws(fn, (error: unknown) => error instanceof DomainError && error.code === code);
}

describe('announced days 2024–2026', () => {
  for (const day of rawDaysOff) {
    it(`${day.date} (${day.kind}: ${day.name_vi}) is not a working day`, () => {
      const status = calendar.dayStatus(day.date);
      assert.equal(calendar.isWorkingDay(day.date), false);
      assert.equal(status.type, 'day_off');
      if (status.type === 'day_off') {
        assert.equal(status.kind, day.kind);
        assert.equal(status.nameVi, day.name_vi);
        assert.equal(status.provisional, false);
      }
    });
  }

  for (const day of rawExtraDays) {
    it(`Saturday ${day.date} is worked (replaces ${day.replaces})`, () => {
      const status = calendar.dayStatus(day.date);
      assert.equal(calendar.isWorkingDay(day.date), true);
      assert.equal(status.type, 'extra_working_day');
      if (status.type === 'extra_working_day') assert.equal(status.replaces, day.replaces);
    });
  }

  it('treats every other day of 2024–2026 as Monday–Friday working, Saturday–Sunday off', () => {
    const off = new Set(rawDaysOff.map((day) => day.date));
    const worked = new Set(rawExtraDays.map((day) => day.date));
    let checked = 0;
    for (let date = '2024-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      const expected = worked.has(date) || (!off.has(date) && !isWeekend(date));
      assert.equal(calendar.isWorkingDay(date), expected, date);
      checked += 1;
    }
    assert.equal(checked, 366 + 365 + 365);
  });

  it('has the weekday counts of PROVENANCE.md (12, 12, 14 weekdays off)', () => {
    const weekdaysOff = (year: number) => calendar.listDaysOff(year).filter((day) => !isWeekend(day.date)).length;
    assert.deepEqual([weekdaysOff(2024), weekdaysOff(2025), weekdaysOff(2026)], [12, 12, 14]);
  });

  it('lets the announced year override the rules (3/9/2025 works; 1/9/2025 is off)', () => {
    assert.equal(calendar.isWorkingDay('2025-09-03'), true);
    assert.equal(calendar.isWorkingDay('2025-09-01'), false);
    assert.equal(new WorkingCalendar().isWorkingDay('2025-09-03'), false, 'the rules alone would give 3/9');
  });
});

describe('day status and arithmetic', () => {
  it('describes working days, weekends and weekend holidays', () => {
    assert.deepEqual(calendar.dayStatus('2026-03-10'), { date: '2026-03-10', working: true, type: 'working' });
    assert.deepEqual(calendar.dayStatus('2026-03-14'), { date: '2026-03-14', working: false, type: 'weekend' });
    const tetSaturday = calendar.dayStatus('2024-02-10');
    assert.equal(tetSaturday.type === 'day_off' && tetSaturday.nameEn, 'Lunar New Year (Tết)');
  });

  it('computes years without an announcement from the Labour Code, marked provisional', () => {
    const status = calendar.dayStatus('2027-02-10');
    assert.equal(status.type === 'day_off' && status.kind, 'compensatory');
    assert.equal(status.type === 'day_off' && status.provisional, true);
    assert.equal(calendar.isProvisional('2027-06-01'), true);
    assert.equal(calendar.isProvisional('2026-06-01'), false);
    assert.equal(calendar.schedule(2027).provisional, true);
    refused(() => calendar.dayStatus('2020-06-01'), 'calendar.no_rule_for_year');
  });

  it('adds and counts working days across Tết 2026', () => {
    assert.equal(calendar.addWorkingDays('2026-02-13', 1), '2026-02-23');
    assert.equal(calendar.addWorkingDays('2026-02-13', 0), '2026-02-13');
    assert.equal(calendar.addWorkingDays('2026-02-14', 0), '2026-02-14');
    assert.equal(calendar.addWorkingDays('2026-02-23', -1), '2026-02-13');
    assert.equal(calendar.addWorkingDays('2026-02-13', 3), '2026-02-25');
    assert.equal(calendar.workingDaysBetween('2026-02-13', '2026-02-25'), 3);
    assert.equal(calendar.workingDaysBetween('2026-02-25', '2026-02-13'), -3);
    assert.equal(calendar.workingDaysBetween('2026-02-14', '2026-02-22'), 0);
    refused(() => calendar.addWorkingDays('2026-02-13', 1.5), 'calendar.bad_count');
    refused(() => calendar.addWorkingDays('2026-02-31', 1), 'calendar.bad_date');
  });

  it('counts a Saturday worked in a swap as a working day', () => {
    assert.equal(calendar.addWorkingDays('2026-08-21', 1), '2026-08-22');
    assert.equal(calendar.addWorkingDays('2026-08-28', 1), '2026-09-03');
  });

  it('takes days off of a neighbouring year’s announcement into account', () => {
    const with2027: YearSchedule = {
      year: 2027,
      provisional: false,
      daysOff: [{ date: '2026-12-31', kind: 'swapped_off', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off', source: 'test' }],
      extraWorkingDays: [{ date: '2027-01-09', replaces: '2026-12-31', source: 'test' }],
    };
    const extended = new WorkingCalendar({ announced: [...announced, with2027] });
    assert.equal(extended.isWorkingDay('2026-12-31'), false);
    assert.equal(calendar.isWorkingDay('2026-12-31'), true);
    assert.ok(extended.listDaysOff(2026).some((day) => day.date === '2026-12-31'));
  });

  it('refuses a year given twice, bad office hours and a bad offset', () => {
    const first = announced[0];
    assert.ok(first);
    refused(() => new WorkingCalendar({ announced: [first, first] }), 'calendar.duplicate_year');
    refused(() => new WorkingCalendar({ officeHours: { intervals: [] } }), 'calendar.bad_office_hours');
    refused(() => new WorkingCalendar({ officeHours: { intervals: [{ start: '13:00', end: '11:00' }] } }), 'calendar.bad_office_hours');
    refused(() => new WorkingCalendar({ officeHours: { intervals: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } }), 'calendar.bad_office_hours');
    refused(() => new WorkingCalendar({ officeHours: { intervals: [{ start: '7:30', end: '11:30' }] } }), 'calendar.bad_time');
    refused(() => new WorkingCalendar({ utcOffset: '7' }), 'calendar.bad_utc_offset');
  });
});

describe('effective receipt', () => {
  it('keeps a dossier received during office hours on that day', () => {
    const receipt = calendar.effectiveReceipt('2026-03-10T09:15:00+07:00', inPerson);
    assert.equal(receipt.effectiveReceiptDate, '2026-03-10');
    assert.equal(receipt.effectiveReceiptAt, '2026-03-10T09:15:00+07:00');
    assert.equal(receipt.shiftedBecause, null);
  });

  it('starts the clock at the next opening for a dossier received at lunch or before opening', () => {
    assert.equal(calendar.effectiveReceipt('2026-03-10T12:10:00+07:00', online).effectiveReceiptAt, '2026-03-10T13:00:00+07:00');
    assert.equal(calendar.effectiveReceipt('2026-03-10T06:00:00+07:00', online).effectiveReceiptAt, '2026-03-10T07:30:00+07:00');
  });

  it('moves an online filing after closing or on a day off to the next opening', () => {
    const evening = calendar.effectiveReceipt('2026-03-10T20:00:00+07:00', online);
    assert.deepEqual([evening.effectiveReceiptDate, evening.effectiveReceiptAt, evening.shiftedBecause], ['2026-03-11', '2026-03-11T07:30:00+07:00', 'after_office_hours']);
    const tet = calendar.effectiveReceipt('2026-02-17T10:00:00+07:00', online);
    assert.deepEqual([tet.effectiveReceiptDate, tet.shiftedBecause], ['2026-02-23', 'non_working_day']);
    assert.equal(calendar.effectiveReceipt('2026-03-10T17:00:00+07:00', inPerson).effectiveReceiptDate, '2026-03-11', '17:00 is closing time');
  });

  it('applies the cut-off at and after the given time only', () => {
    const cutoff: ReceiptOptions = { channel: 'in_person', cutoff: '15:00' };
    assert.equal(calendar.effectiveReceipt('2026-03-10T14:59:59+07:00', cutoff).effectiveReceiptDate, '2026-03-10');
    const at = calendar.effectiveReceipt('2026-03-10T15:00:00+07:00', cutoff);
    assert.deepEqual([at.effectiveReceiptDate, at.shiftedBecause], ['2026-03-11', 'after_cutoff']);
    assert.equal(calendar.effectiveReceipt('2026-03-10T15:30:00+07:00', { ...cutoff, cutoff: null }).effectiveReceiptDate, '2026-03-10');
    refused(() => calendar.effectiveReceipt('2026-03-10T15:30:00+07:00', { ...cutoff, cutoff: '25:00' }), 'calendar.bad_time');
  });

  it('reads instants in any offset and refuses strings without one', () => {
    // 17:30Z on Friday 13/2 is 00:30 on Saturday 14/2 in Vietnam.
    const receipt = calendar.effectiveReceipt('2026-02-13T17:30:00Z', online);
    assert.deepEqual([receipt.receivedOn, receipt.receivedAt, receipt.effectiveReceiptDate], ['2026-02-14', '2026-02-14T00:30:00+07:00', '2026-02-23']);
    assert.equal(calendar.effectiveReceipt(new Date('2026-03-10T02:00:00Z'), inPerson).effectiveReceiptAt, '2026-03-10T09:00:00+07:00');
    refused(() => calendar.effectiveReceipt('2026-03-10T09:00:00', online), 'calendar.instant_without_offset');
    refused(() => calendar.effectiveReceipt('not a dateT00:00Z', online), 'calendar.bad_instant');
  });
});

describe('due dates in working days (Civil Code Art. 147–148)', () => {
  it('skips the Tết week: Fri 13/2/2026 10:00 + 3 working days → Wed 25/2 17:00', () => {
    const due = calendar.dueByWorkingDays('2026-02-13T10:00:00+07:00', 3, inPerson);
    assert.equal(due.receivedAt, '2026-02-13T10:00:00+07:00');
    assert.equal(due.effectiveReceiptDate, '2026-02-13');
    assert.equal(due.countingStartsOn, '2026-02-23');
    assert.equal(due.dueDate, '2026-02-25');
    assert.equal(due.dueAt, '2026-02-25T17:00:00+07:00');
    assert.equal(due.provisional, false);
    assert.deepEqual(due.skipped.map((day) => [day.date, day.reason]), [
      ['2026-02-14', 'weekend'], ['2026-02-15', 'weekend'],
      ['2026-02-16', 'holiday'], ['2026-02-17', 'holiday'], ['2026-02-18', 'holiday'], ['2026-02-19', 'holiday'], ['2026-02-20', 'holiday'],
      ['2026-02-21', 'weekend'], ['2026-02-22', 'weekend'],
    ]);
    assert.equal(due.skipped[3]?.name, 'Tết Nguyên đán (mùng 1 Bính Ngọ)');
  });

  it('shifts one working day when received after the 15:00 cut-off', () => {
    const before = calendar.dueByWorkingDays('2026-03-10T14:30:00+07:00', 2, { channel: 'in_person', cutoff: '15:00' });
    const after = calendar.dueByWorkingDays('2026-03-10T15:30:00+07:00', 2, { channel: 'in_person', cutoff: '15:00' });
    assert.equal(before.dueDate, '2026-03-12');
    assert.deepEqual([after.effectiveReceiptDate, after.countingStartsOn, after.dueDate], ['2026-03-11', '2026-03-12', '2026-03-13']);
    // Friday after 15:00 lands on Monday; the weekend is listed.
    const friday = calendar.dueByWorkingDays('2026-03-13T15:30:00+07:00', 1, { channel: 'in_person', cutoff: '15:00' });
    assert.deepEqual([friday.effectiveReceiptDate, friday.dueDate], ['2026-03-16', '2026-03-17']);
    assert.deepEqual(friday.skipped.map((day) => day.date), ['2026-03-14', '2026-03-15']);
  });

  it('counts an online Saturday filing from Monday, or from Saturday with the as_received rule', () => {
    const saturday = calendar.dueByWorkingDays('2026-03-14T09:00:00+07:00', 1, online);
    assert.deepEqual([saturday.effectiveReceiptDate, saturday.countingStartsOn, saturday.dueDate, saturday.shiftedBecause], ['2026-03-16', '2026-03-17', '2026-03-17', 'non_working_day']);
    const asReceived = calendar.dueByWorkingDays('2026-03-14T09:00:00+07:00', 1, { ...online, onlineOutsideHours: 'as_received' });
    assert.deepEqual([asReceived.effectiveReceiptDate, asReceived.countingStartsOn, asReceived.dueDate], ['2026-03-14', '2026-03-16', '2026-03-16']);
    const lenient = new WorkingCalendar({ announced, onlineOutsideHours: 'as_received' });
    assert.equal(lenient.dueByWorkingDays('2026-03-10T20:00:00+07:00', 1, online).dueDate, '2026-03-11');
    assert.equal(lenient.dueByWorkingDays('2026-03-10T20:00:00+07:00', 1, inPerson).dueDate, '2026-03-12', 'in person is never as_received');
  });

  it('keeps as_received consistent around the cut-off: Friday 16:00 is not due after Saturday 09:00', () => {
    const options: ReceiptOptions = { channel: 'online', cutoff: '15:00', onlineOutsideHours: 'as_received' };
    const friday = calendar.dueByWorkingDays('2026-03-13T16:00:00+07:00', 1, options);
    const saturday = calendar.dueByWorkingDays('2026-03-14T09:00:00+07:00', 1, options);
    assert.deepEqual([friday.effectiveReceiptDate, friday.shiftedBecause, friday.dueDate], ['2026-03-14', 'after_cutoff', '2026-03-16']);
    assert.deepEqual([saturday.effectiveReceiptDate, saturday.dueDate], ['2026-03-14', '2026-03-16']);
    const tuesday = calendar.dueByWorkingDays('2026-03-10T16:00:00+07:00', 1, options);
    assert.deepEqual([tuesday.effectiveReceiptDate, tuesday.dueDate], ['2026-03-11', '2026-03-12']);
  });

  it('gives 0 working days as the end of the receipt day (same-day procedures)', () => {
    assert.equal(calendar.dueByWorkingDays('2026-03-10T09:00:00+07:00', 0, inPerson).dueAt, '2026-03-10T17:00:00+07:00');
    assert.equal(calendar.dueByWorkingDays('2026-03-10T16:00:00+07:00', 0, { channel: 'in_person', cutoff: '15:00' }).dueAt, '2026-03-11T17:00:00+07:00');
    const asReceivedSunday = calendar.dueByWorkingDays('2026-03-15T09:00:00+07:00', 0, { ...online, onlineOutsideHours: 'as_received' });
    assert.equal(asReceivedSunday.dueDate, '2026-03-16', 'a due date never falls on a day off');
  });

  it('crosses the new year, the 2026 swap and the provisional years', () => {
    const due = calendar.dueByWorkingDays('2025-12-31T10:00:00+07:00', 1, inPerson);
    assert.equal(due.dueDate, '2026-01-05');
    assert.deepEqual(due.skipped.map((day) => [day.date, day.reason]), [
      ['2026-01-01', 'holiday'], ['2026-01-02', 'swapped_off'], ['2026-01-03', 'weekend'], ['2026-01-04', 'weekend'],
    ]);
    const intoRules = calendar.dueByWorkingDays('2026-12-30T10:00:00+07:00', 2, inPerson);
    assert.deepEqual([intoRules.dueDate, intoRules.provisional], ['2027-01-04', true]);
  });

  it('uses the configured office hours and offset', () => {
    const hanoi = new WorkingCalendar({ announced, officeHours: { intervals: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }] } });
    assert.equal(hanoi.dueByWorkingDays('2026-03-10T09:00:00+07:00', 1, inPerson).dueAt, '2026-03-11T17:30:00+07:00');
    const elsewhere = new WorkingCalendar({ utcOffset: '+09:00' });
    assert.equal(elsewhere.dueByWorkingDays('2027-03-10T00:00:00Z', 0, inPerson).dueAt, '2027-03-10T17:00:00+09:00');
  });

  it('refuses negative or fractional day counts', () => {
    refused(() => calendar.dueByWorkingDays('2026-03-10T09:00:00+07:00', -1, inPerson), 'calendar.bad_count');
    refused(() => calendar.dueByWorkingDays('2026-03-10T09:00:00+07:00', 2.5, inPerson), 'calendar.bad_count');
  });
});

describe('due instants in working hours', () => {
  it('jumps the lunch break', () => {
    const due = calendar.dueByWorkingHours('2026-03-10T10:00:00+07:00', 2, inPerson);
    assert.equal(due.dueAt, '2026-03-10T13:30:00+07:00');
    assert.equal(calendar.dueByWorkingHours('2026-03-10T10:30:00+07:00', 1, inPerson).dueAt, '2026-03-10T11:30:00+07:00', 'ends at 11:30, not 13:00');
    assert.equal(calendar.dueByWorkingHours('2026-03-10T12:00:00+07:00', 1, inPerson).dueAt, '2026-03-10T14:00:00+07:00');
  });

  it('jumps the weekend: Fri 10:30 + 8 h → Mon 10:30', () => {
    const due = calendar.dueByWorkingHours('2026-03-13T10:30:00+07:00', 8, inPerson);
    assert.equal(due.dueAt, '2026-03-16T10:30:00+07:00');
    assert.deepEqual(due.skipped.map((day) => day.date), ['2026-03-14', '2026-03-15']);
    assert.equal(due.countingStartsOn, '2026-03-13');
  });

  it('jumps Tết: Fri 13/2/2026 16:00 + 2 h → Mon 23/2 08:30', () => {
    const due = calendar.dueByWorkingHours('2026-02-13T16:00:00+07:00', 2, inPerson);
    assert.equal(due.dueAt, '2026-02-23T08:30:00+07:00');
    assert.equal(due.skipped.length, 9);
  });

  it('starts at the next opening when received outside office hours', () => {
    const due = calendar.dueByWorkingHours('2026-03-14T22:00:00+07:00', 4, online);
    assert.deepEqual([due.effectiveReceiptAt, due.dueAt], ['2026-03-16T07:30:00+07:00', '2026-03-16T11:30:00+07:00']);
    assert.equal(calendar.dueByWorkingHours('2026-03-10T15:30:00+07:00', 1, { channel: 'in_person', cutoff: '15:00' }).dueAt, '2026-03-11T08:30:00+07:00');
    assert.equal(calendar.dueByWorkingHours('2026-03-10T09:00:00+07:00', 0, inPerson).dueAt, '2026-03-10T09:00:00+07:00');
  });

  it('refuses a negative or infinite number of hours', () => {
    refused(() => calendar.dueByWorkingHours('2026-03-10T09:00:00+07:00', -1, inPerson), 'calendar.bad_count');
    refused(() => calendar.dueByWorkingHours('2026-03-10T09:00:00+07:00', Number.POSITIVE_INFINITY, inPerson), 'calendar.bad_count');
  });
});
