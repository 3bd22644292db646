import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../kernel/errors.ts';
import { addDays, fromDayNumber, toDayNumber } from './civil-date.ts';
import { canChiOfYear, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';

describe('lunar calendar (UTC+7)', () => {
  // Tết Nguyên đán, mùng 1 tháng Giêng. 2024–2026 match the notices' lunar labels (PROVENANCE.md).
  const tet: [number, string][] = [
    [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'],
    [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'],
    [2028, '2028-01-26'], [2029, '2029-02-13'],
    // The new moon is at 23:07 on 2 Feb Vietnam time, 00:07 on 3 Feb in China: Tết is a day earlier.
    [2030, '2030-02-02'],
  ];
  for (const [year, date] of tet) {
    it(`Tết ${year} is ${date}`, () => {
      assert.equal(lunarNewYear(year), date);
      assert.deepEqual(solarToLunar(date), { day: 1, month: 1, year, leap: false });
    });
  }

  const hungKings: [number, string][] = [[2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26']];
  for (const [year, date] of hungKings) {
    it(`Giỗ Tổ Hùng Vương (10/3) ${year} is ${date}`, () => {
      assert.equal(lunarToSolar({ day: 10, month: 3, year, leap: false }), date);
      assert.deepEqual(solarToLunar(date), { day: 10, month: 3, year, leap: false });
    });
  }

  it('labels the last day of the old year as the notices do (30 Chạp in 2024, 29 Chạp in 2025 and 2026)', () => {
    assert.deepEqual(solarToLunar('2024-02-09'), { day: 30, month: 12, year: 2023, leap: false });
    assert.deepEqual(solarToLunar('2025-01-28'), { day: 29, month: 12, year: 2024, leap: false });
    assert.deepEqual(solarToLunar('2026-02-16'), { day: 29, month: 12, year: 2025, leap: false });
    assert.deepEqual(solarToLunar('2026-02-22'), { day: 6, month: 1, year: 2026, leap: false });
    assert.equal(lunarMonthLength(12, 2025), 29);
    assert.equal(lunarMonthLength(12, 2023), 30);
  });

  it('finds the leap months (tháng nhuận) of 2020, 2023 and 2025', () => {
    assert.equal(lunarToSolar({ day: 1, month: 4, year: 2020, leap: true }), '2020-05-23');
    assert.equal(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true }), '2023-03-22');
    assert.equal(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }), '2025-07-25');
    assert.deepEqual(solarToLunar('2025-07-25'), { day: 1, month: 6, year: 2025, leap: true });
    assert.deepEqual(solarToLunar('2025-08-23'), { day: 1, month: 7, year: 2025, leap: false });
  });

  it('differs from the Chinese calendar (UTC+8) where the time zone matters: 1985, 2007, 2030', () => {
    assert.equal(lunarNewYear(1985), '1985-01-21');
    assert.equal(lunarNewYear(1985, 8), '1985-02-20');
    assert.equal(lunarNewYear(2007), '2007-02-17');
    assert.equal(lunarNewYear(2007, 8), '2007-02-18');
    assert.equal(lunarNewYear(2030, 8), '2030-02-03');
  });

  // Regression: the reference code guessed the month from the mean lunation and returned "day 0"
  // for the two days of 1901–2199 that precede a new moon arriving late: 2054-05-07 and 2062-04-09.
  it('gives the last day of the month, not day 0, just before a late new moon', () => {
    assert.deepEqual(solarToLunar('2054-05-07'), { day: 30, month: 3, year: 2054, leap: false });
    assert.deepEqual(solarToLunar('2054-05-08'), { day: 1, month: 4, year: 2054, leap: false });
    assert.deepEqual(solarToLunar('2062-04-09'), { day: 30, month: 2, year: 2062, leap: false });
    assert.deepEqual(solarToLunar('2062-04-10'), { day: 1, month: 3, year: 2062, leap: false });
  });

  it('names years in the sexagenary cycle', () => {
    assert.equal(canChiOfYear(2023), 'Quý Mão');
    assert.equal(canChiOfYear(2024), 'Giáp Thìn');
    assert.equal(canChiOfYear(2025), 'Ất Tỵ');
    assert.equal(canChiOfYear(2026), 'Bính Ngọ');
  });

  it('refuses dates that do not exist and years out of range', () => {
    const refused = (fn: () => unknown, code: string) =>
      assert.throws(fn, (error: unknown) => error instanceof DomainError && error.code === code);
    refused(() => lunarToSolar({ day: 1, month: 5, year: 2025, leap: true }), 'calendar.lunar_date_nonexistent');
    refused(() => lunarToSolar({ day: 1, month: 6, year: 2026, leap: true }), 'calendar.lunar_date_nonexistent');
    refused(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false }), 'calendar.lunar_date_nonexistent');
    refused(() => lunarToSolar({ day: 1, month: 13, year: 2025, leap: false }), 'calendar.lunar_date_nonexistent');
    refused(() => lunarToSolar({ day: 1, month: 1, year: 2200, leap: false }), 'calendar.lunar_year_out_of_range');
    refused(() => solarToLunar('2025-02-30'), 'calendar.bad_date');
  });
});

describe('lunar calendar properties', () => {
  const solarDate = fc.integer({ min: toDayNumber('1901-01-01'), max: toDayNumber('2199-11-30') }).map(fromDayNumber);

  it('solar → lunar → solar is the identity', () => {
    fc.assert(fc.property(solarDate, (date) => lunarToSolar(solarToLunar(date)) === date), { numRuns: 500 });
  });

  it('lunar → solar → lunar is the identity for days 1–29 of regular months', () => {
    const lunar = fc.record({
      day: fc.integer({ min: 1, max: 29 }),
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 1901, max: 2198 }),
      leap: fc.constant(false),
    });
    fc.assert(fc.property(lunar, (date) => {
      assert.deepEqual(solarToLunar(lunarToSolar(date)), { ...date });
    }), { numRuns: 500 });
  });

  it('the next solar day is the next lunar day or day 1 of a new month, and months last 29 or 30 days', () => {
    fc.assert(fc.property(solarDate, (date) => {
      const today = solarToLunar(date);
      const tomorrow = solarToLunar(addDays(date, 1));
      if (tomorrow.day === 1) {
        assert.ok(today.day === 29 || today.day === 30, `${date} is lunar day ${today.day} before a new month`);
      } else {
        assert.deepEqual(tomorrow, { ...today, day: today.day + 1 });
      }
    }), { numRuns: 500 });
  });

  it('Tết falls between 21 January and 20 February (the month containing the new moon after the solstice + 2)', () => {
    fc.assert(fc.property(fc.integer({ min: 1901, max: 2199 }), (year) => {
      const date = lunarNewYear(year);
      assert.ok(date >= `${year}-01-21` && date <= `${year}-02-20`, `Tết ${year} = ${date}`);
    }), { numRuns: 300 });
  });
});
