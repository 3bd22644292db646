import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../kernel/errors.ts';
import { addDays, isWeekend } from './civil-date.ts';
import { compensatoryDays, statutoryHolidays, statutorySchedule, VIETNAMESE_CULTURE_DAY, type HolidayRuleOptions } from './holiday-rules.ts';
import { lunarNewYear } from './lunar.ts';

type AnnouncedDay = { date: string; kind: string };
const announced = JSON.parse(readFileSync(new URL('../../../../../data/vn-holidays/holidays-2024-2026.json', import.meta.url), 'utf8')) as {
  years: Record<string, { days_off: AnnouncedDay[] }>;
};
const announcedDays = (year: number, kinds: string[]) =>
  (announced.years[String(year)]?.days_off ?? []).filter((day) => kinds.includes(day.kind)).map((day) => day.date).sort();
const ruleDays = (year: number, kinds: string[], options?: HolidayRuleOptions) =>
  statutorySchedule(year, options).daysOff.filter((day) => kinds.includes(day.kind)).map((day) => day.date);

describe('statutory default schedule (Labour Code 45/2019/QH14 Art. 112(1), 111(3))', () => {
  it('reproduces every announced holiday of 2024–2026 except the days the PM or the National Assembly chose', () => {
    // What the default rules cannot know (Art. 112(3) lets the PM pick the Tết days and the
    // adjacent Quốc khánh day):
    // - 2024-02-08 and 2025-01-27: the PM took 2 Tết days before mùng 1; the default takes 1 (as 2026).
    // - 2025-09-01 and 2026-09-01: the PM put the extra Quốc khánh day before 2/9; the default is 3/9.
    // - 2026-11-24: Ngày Văn hóa Việt Nam, from Nghị quyết 28/2026/QH16, not from the Labour Code.
    const chosenByDecision = ['2024-02-08', '2025-01-27', '2025-09-01', '2026-09-01', '2026-11-24'];
    const missing = [2024, 2025, 2026].flatMap((year) => {
      const computed = new Set(ruleDays(year, ['holiday']));
      return announcedDays(year, ['holiday']).filter((date) => !computed.has(date));
    });
    assert.deepEqual(missing, chosenByDecision);
  });

  // With the choices actually made each year, the rules rebuild the announced holidays AND nghỉ bù
  // exactly. Swaps (swapped_off ↔ Saturday worked) are decisions, not rules, so they are left out.
  const decisions: [number, HolidayRuleOptions][] = [
    [2024, { tetDaysBeforeNewYear: 2 }],
    [2025, { tetDaysBeforeNewYear: 2, nationalDayAdjacent: 'before' }],
    [2026, { tetDaysBeforeNewYear: 1, nationalDayAdjacent: 'before', extraFixedHolidays: [VIETNAMESE_CULTURE_DAY] }],
  ];
  for (const [year, options] of decisions) {
    it(`rebuilds the announced ${year} holidays and compensatory days from that year's choices`, () => {
      for (const kind of ['holiday', 'compensatory']) {
        assert.deepEqual(ruleDays(year, [kind], options), announcedDays(year, [kind]), `${kind} days of ${year}`);
      }
    });
  }

  it('takes the last day of the old lunar year and mùng 1–4 by default (the 2026 choice)', () => {
    const tet = statutoryHolidays(2026).filter((day) => day.nameEn === 'Lunar New Year (Tết)');
    assert.deepEqual(tet.map((day) => day.date), ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    assert.equal(tet[0]?.nameVi, 'Tết Nguyên đán (29 tháng Chạp Ất Tỵ)');
    assert.equal(tet[1]?.nameVi, 'Tết Nguyên đán (mùng 1 Bính Ngọ)');
    assert.match(tet[0]?.source ?? '', /Điều 112 khoản 1 điểm b/);
  });

  it('puts Giỗ Tổ on 10/3 lunar and gives Monday off when it falls on Sunday (2026)', () => {
    const days = statutorySchedule(2026).daysOff;
    assert.ok(days.some((day) => day.date === '2026-04-26' && day.kind === 'holiday' && day.nameEn === "Hùng Kings' Commemoration"));
    assert.ok(days.some((day) => day.date === '2026-04-27' && day.kind === 'compensatory' && day.nameEn === 'Compensatory day off'));
  });

  it('gives one compensatory day per weekend holiday, on the next free weekday (2022: 30/4 Sat, 1/5 Sun)', () => {
    const days = statutorySchedule(2022).daysOff.filter((day) => day.date >= '2022-04-30' && day.date <= '2022-05-06');
    assert.deepEqual(days.map((day) => [day.date, day.kind]), [
      ['2022-04-30', 'holiday'], ['2022-05-01', 'holiday'], ['2022-05-02', 'compensatory'], ['2022-05-03', 'compensatory'],
    ]);
  });

  it('skips days already off when placing a compensatory day (2027: Tết Sat–Sun inside the 5 days)', () => {
    // 2027: 5/2 (Fri) to 9/2 (Tue) are Tết; Sat 6 and Sun 7 need two weekdays after the last Tết day.
    assert.deepEqual(ruleDays(2027, ['compensatory']), ['2027-02-10', '2027-02-11', '2027-05-03']);
  });

  it('puts the adjacent Quốc khánh day before 2/9 when asked (2023: 2/9 on Saturday → 1/9 + nghỉ bù Monday 4/9)', () => {
    const days = statutorySchedule(2023, { nationalDayAdjacent: 'before' }).daysOff.filter((day) => day.date >= '2023-09-01' && day.date <= '2023-09-05');
    assert.deepEqual(days.map((day) => [day.date, day.kind]), [['2023-09-01', 'holiday'], ['2023-09-02', 'holiday'], ['2023-09-04', 'compensatory']]);
  });

  it('applies an extra fixed-date holiday only from its first year', () => {
    const options = { extraFixedHolidays: [VIETNAMESE_CULTURE_DAY] };
    assert.ok(!ruleDays(2025, ['holiday'], options).includes('2025-11-24'));
    assert.ok(ruleDays(2027, ['holiday'], options).includes('2027-11-24'));
    // 24/11/2029 is a Saturday: Art. 111(3) gives Monday 26/11 (an assumption for non-Labour-Code days).
    assert.ok(ruleDays(2029, ['compensatory'], options).includes('2029-11-26'));
  });

  it('marks computed years provisional', () => {
    const schedule = statutorySchedule(2027);
    assert.equal(schedule.provisional, true);
    assert.equal(schedule.year, 2027);
    assert.deepEqual(schedule.extraWorkingDays, []);
  });

  it('refuses years without a rule and impossible Tết choices', () => {
    const refused = (fn: () => unknown, code: string) =>
      assert.throws(fn, (error: unknown) => error instanceof DomainError && error.code === code);
    refused(() => statutorySchedule(2020), 'calendar.no_rule_for_year');
    refused(() => statutorySchedule(2200), 'calendar.no_rule_for_year');
    refused(() => statutorySchedule(2026.5), 'calendar.no_rule_for_year');
    refused(() => statutorySchedule(2026, { tetDaysBeforeNewYear: 5 }), 'calendar.bad_tet_choice');
    refused(() => statutorySchedule(2026, { tetDaysBeforeNewYear: -1 }), 'calendar.bad_tet_choice');
  });
});

describe('statutory schedule properties, 2021–2199', () => {
  const year = fc.integer({ min: 2021, max: 2199 });
  const options = fc.record({
    tetDaysBeforeNewYear: fc.integer({ min: 0, max: 4 }),
    nationalDayAdjacent: fc.constantFrom('before' as const, 'after' as const),
  });

  it('has exactly 11 distinct holiday days (Art. 112(1)), 5 consecutive Tết days containing mùng 1', () => {
    fc.assert(fc.property(year, options, (y, opts) => {
      const holidays = statutoryHolidays(y, opts);
      assert.equal(new Set(holidays.map((day) => day.date)).size, 11);
      const tet = holidays.filter((day) => day.nameEn === 'Lunar New Year (Tết)').map((day) => day.date);
      assert.equal(tet.length, 5);
      tet.forEach((date, index) => index > 0 && assert.equal(date, addDays(tet[index - 1] ?? '', 1)));
      assert.ok(tet.includes(lunarNewYear(y)));
    }), { numRuns: 200 });
  });

  it('gives as many compensatory days as weekend holidays, each a free weekday after its holiday', () => {
    fc.assert(fc.property(year, options, (y, opts) => {
      const holidays = statutoryHolidays(y, opts);
      const compensatory = compensatoryDays(holidays);
      const holidayDates = new Set(holidays.map((day) => day.date));
      assert.equal(compensatory.length, holidays.filter((day) => isWeekend(day.date)).length);
      assert.equal(new Set(compensatory.map((day) => day.date)).size, compensatory.length);
      for (const day of compensatory) {
        assert.ok(!isWeekend(day.date) && !holidayDates.has(day.date), `${day.date} is a free weekday`);
      }
      // The k-th weekend holiday gets the k-th compensatory day, never before the holiday.
      const weekendHolidays = holidays.filter((day) => isWeekend(day.date)).map((day) => day.date).sort();
      compensatory.forEach((day, index) => assert.ok(day.date > (weekendHolidays[index] ?? '')));
    }), { numRuns: 200 });
  });
});
