import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { parseAnnouncedSchedules } from './announced-schedules.ts';
import { englishNameFor } from './year-schedule.ts';

const fileText = readFileSync(new URL('../../../../../data/vn-holidays/holidays-2024-2026.json', import.meta.url), 'utf8');
const fresh = () => JSON.parse(fileText) as { years: Record<string, { days_off: Record<string, unknown>[]; extra_working_days: Record<string, unknown>[] }> };

function rejects(input: unknown, fragment: string | RegExp) {
  assert.throws(
    () => parseAnnouncedSchedules(input),
    (error: unknown) =>
      error instanceof DomainError &&
      error.code === 'calendar.bad_announced_schedule' &&
      error.kind === 'invalid' &&
      (typeof fragment === 'string' ? error.text.en.includes(fragment) : fragment.test(error.text.en)),
  );
}

describe('parseAnnouncedSchedules', () => {
  const schedules = parseAnnouncedSchedules(fresh());

  it('reads the 2024–2026 file as three non-provisional years', () => {
    assert.deepEqual(schedules.map((s) => [s.year, s.provisional, s.daysOff.length, s.extraWorkingDays.length]), [
      [2024, false, 14, 1],
      [2025, false, 12, 1],
      [2026, false, 15, 2],
    ]);
    assert.deepEqual(schedules[2]?.extraWorkingDays, [
      { date: '2026-01-10', replaces: '2026-01-02', source: fresh().years['2026']?.extra_working_days[0]?.['source'] },
      { date: '2026-08-22', replaces: '2026-08-31', source: fresh().years['2026']?.extra_working_days[1]?.['source'] },
    ]);
    assert.ok((schedules[2]?.notes ?? []).some((note) => note.includes('24/11/2026')));
  });

  it('derives an English name for every day of the file', () => {
    const names = new Map(schedules.flatMap((s) => s.daysOff).map((day) => [day.date, day.nameEn]));
    const expected: [string, string][] = [
      ['2024-01-01', "New Year's Day"],
      ['2024-02-08', 'Lunar New Year (Tết)'],
      ['2024-02-13', 'Compensatory day off'],
      ['2024-04-18', "Hùng Kings' Commemoration"],
      ['2024-04-29', 'Swapped day off'],
      ['2024-04-30', 'Reunification Day'],
      ['2024-05-01', 'International Labour Day'],
      ['2025-09-01', 'National Day'],
      ['2026-04-27', 'Compensatory day off'],
      ['2026-11-24', 'Vietnamese Culture Day'],
    ];
    for (const [date, name] of expected) assert.equal(names.get(date), name, date);
    assert.ok(![...names.values()].includes('Public holiday'), 'no day falls back to the generic name');
  });

  it('keeps an explicit name_en and falls back to a generic name for an unknown holiday', () => {
    const input = fresh();
    input.years['2025']?.days_off.push({ date: '2025-12-31', name_vi: 'Ngày nghỉ đặc biệt', kind: 'holiday', source: 'test' });
    const first = input.years['2025']?.days_off[0];
    if (first) first['name_en'] = 'Solar New Year';
    const days = parseAnnouncedSchedules(input).find((s) => s.year === 2025)?.daysOff ?? [];
    assert.equal(days.find((day) => day.date === '2025-01-01')?.nameEn, 'Solar New Year');
    assert.equal(days.find((day) => day.date === '2025-12-31')?.nameEn, 'Public holiday');
    assert.equal(englishNameFor('holiday', 'TẾT NGUYÊN ĐÁN'), 'Lunar New Year (Tết)');
  });

  it('sorts days by date whatever the input order', () => {
    const input = fresh();
    input.years['2024']?.days_off.reverse();
    const dates = parseAnnouncedSchedules(input)[0]?.daysOff.map((day) => day.date) ?? [];
    assert.deepEqual(dates, [...dates].sort());
  });

  it('rejects a wrong shape with the path of the problem', () => {
    rejects(null, '(root)');
    rejects({}, 'years');
    rejects({ years: { '24': { days_off: [] } } }, 'years.24');
    const noSource = fresh();
    delete noSource.years['2024']?.days_off[0]?.['source'];
    rejects(noSource, 'years.2024.days_off.0.source');
    const badKind = fresh();
    const day = badKind.years['2025']?.days_off[1];
    if (day) day['kind'] = 'bridge';
    rejects(badKind, 'years.2025.days_off.1.kind');
  });

  it('rejects impossible dates', () => {
    const input = fresh();
    const day = input.years['2024']?.days_off[0];
    if (day) day['date'] = '2024-02-30';
    rejects(input, 'expected a real date');
  });

  it('rejects a date listed twice, a compensatory day on a weekend and a Saturday worked on a weekday', () => {
    const twice = fresh();
    twice.years['2024']?.days_off.push({ date: '2024-01-01', name_vi: 'Tết Dương lịch', kind: 'holiday', source: 'x' });
    rejects(twice, '2024-01-01 is already listed');

    const weekendCompensatory = fresh();
    weekendCompensatory.years['2026']?.days_off.push({ date: '2026-03-07', name_vi: 'Nghỉ bù', kind: 'compensatory', source: 'x' });
    rejects(weekendCompensatory, 'a compensatory day must be a weekday');

    const weekdayWorked = fresh();
    weekdayWorked.years['2025']?.extra_working_days.push({ date: '2025-06-04', source: 'x' });
    rejects(weekdayWorked, 'only a Saturday or Sunday can be an extra working day');
  });

  it('rejects a Saturday worked that does not pay back a swapped_off day', () => {
    const input = fresh();
    const extra = input.years['2024']?.extra_working_days[0];
    if (extra) extra['replaces'] = '2024-04-30';
    rejects(input, 'replaces 2024-04-30, which is not a swapped_off day');
  });

  it('rejects a date far from its year', () => {
    const input = fresh();
    input.years['2024']?.days_off.push({ date: '2027-03-03', name_vi: 'x', kind: 'holiday', source: 'x' });
    rejects(input, 'too far from year 2024');
  });
});
