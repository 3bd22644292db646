import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../kernel/errors.ts';
import {
  addDays, formatInstant, fromDayNumber, instantAt, isIsoDate, parseUtcOffset, toDayNumber, toEpochMs, toLocal, weekdayOf,
} from './civil-date.ts';

describe('civil dates and instants', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-00', '20250101', '']) assert.ok(!isIsoDate(bad), bad);
  });

  it('knows the weekday without the machine time zone (2026-02-17 was a Tuesday)', () => {
    assert.equal(weekdayOf('2026-02-17'), 2);
    assert.equal(weekdayOf('1970-01-01'), 4);
    assert.equal(weekdayOf('1969-12-28'), 0);
  });

  it('converts instants to Vietnam local time and back', () => {
    const ms = Date.parse('2026-02-13T17:30:00Z');
    assert.deepEqual(toLocal(ms, 420), { date: '2026-02-14', msOfDay: 30 * 60_000 });
    assert.equal(instantAt('2026-02-25', 17 * 60, 420), Date.parse('2026-02-25T10:00:00Z'));
    assert.equal(formatInstant(ms, 420), '2026-02-14T00:30:00+07:00');
    assert.equal(formatInstant(ms + 5, -90), '2026-02-13T16:00:00.005-01:30');
    assert.equal(parseUtcOffset('-01:30'), -90);
  });

  it('refuses instants without an offset', () => {
    assert.throws(() => toEpochMs('2026-02-13T10:00:00'), (error: unknown) => error instanceof DomainError && error.code === 'calendar.instant_without_offset');
    assert.equal(toEpochMs('2026-02-13T10:00:00+0700'), Date.parse('2026-02-13T03:00:00Z'));
  });

  it('day numbers round-trip and step by one day', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
      const date = fromDayNumber(n);
      assert.equal(toDayNumber(date), n);
      assert.equal(addDays(date, 1), fromDayNumber(n + 1));
      assert.equal(weekdayOf(addDays(date, 7)), weekdayOf(date));
    }));
  });
});

describe('day numbers agree with the JavaScript Date', () => {
  it('for every day from 1800 to 2200 (and back)', () => {
    const start = Date.UTC(1800, 0, 1) / 86_400_000;
    const end = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n++) {
      const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
      assert.equal(fromDayNumber(n), date);
      assert.equal(toDayNumber(date), n);
    }
  });

  it('rejects impossible dates and accepts 29 February only in leap years', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-1']) assert.equal(isIsoDate(bad), false, bad);
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31']) assert.equal(isIsoDate(good), true, good);
  });
});
