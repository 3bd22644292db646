import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { referenceDataPath } from '../../kernel/paths.ts';
import { createTestApp, injectGet, type TestApp } from '../../kernel/testing/test-app.ts';

type AnnouncedDay = { date: string; kind: string };
const announced = JSON.parse(readFileSync(referenceDataPath('vn-holidays/holidays-2024-2026.json'), 'utf8')) as {
  years: Record<string, { days_off: AnnouncedDay[]; extra_working_days: { date: string; replaces: string }[] }>;
};

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const get = (url: string) => injectGet(t, url);

describe('GET /api/v1/calendar/holidays', () => {
  for (const year of ['2024', '2025', '2026']) {
    it(`answers every day off and Saturday worked of ${year} as announced`, async () => {
      const { status, body } = await get(`/api/v1/calendar/holidays?year=${year}`);
      assert.equal(status, 200);
      assert.equal(body.provisional, false);
      const expected = announced.years[year];
      assert.ok(expected);
      assert.deepEqual(
        body.daysOff.map((d: AnnouncedDay) => [d.date, d.kind]),
        [...expected.days_off].sort((a, b) => a.date.localeCompare(b.date)).map((d) => [d.date, d.kind]),
      );
      assert.deepEqual(
        body.extraWorkingDays.map((d: { date: string; replaces: string }) => [d.date, d.replaces]),
        expected.extra_working_days.map((d) => [d.date, d.replaces]),
      );
      assert.ok(body.daysOff.every((d: { source: string; nameEn: string }) => d.source.length > 0 && d.nameEn.length > 0));
    });
  }

  it('computes a year not yet announced from the Labour Code and flags it provisional', async () => {
    const { status, body } = await get('/api/v1/calendar/holidays?year=2027');
    assert.equal(status, 200);
    assert.equal(body.provisional, true);
    const dates = body.daysOff.map((d: { date: string }) => d.date);
    assert.ok(dates.includes('2027-01-01'));
    assert.ok(dates.includes('2027-02-08'), 'mùng 2 Tết Đinh Mùi (Tết is 2027-02-06)');
    assert.ok(dates.includes('2027-04-16'), 'Giỗ Tổ 10/3 Đinh Mùi');
    assert.ok(dates.includes('2027-09-02'));
  });

  for (const bad of ['year=1999', 'year=abc', '', 'year=2026.5']) {
    it(`answers 400 problem+json for ?${bad}`, async () => {
      const { status, type, body } = await get(`/api/v1/calendar/holidays?${bad}`);
      assert.equal(status, 400);
      assert.match(type, /problem\+json/);
      assert.equal(body.code, 'request.invalid');
    });
  }
});

describe('GET /api/v1/calendar/due', () => {
  const cases: { name: string; query: string; dueAt: string; skipped?: string[] }[] = [
    {
      name: 'skips the Tết 2026 week',
      query: 'from=2026-02-13T10:00:00%2B07:00&workingDays=3',
      dueAt: '2026-02-25T17:00:00+07:00',
      skipped: ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'],
    },
    { name: 'counts the Saturday worked on 2026-08-22 as a working day', query: 'from=2026-08-20T09:00:00%2B07:00&workingDays=3', dueAt: '2026-08-24T17:00:00+07:00', skipped: ['2026-08-23'] },
    {
      name: 'skips the swapped day and National Day 31/8–2/9',
      query: 'from=2026-08-28T09:00:00%2B07:00&workingDays=1',
      dueAt: '2026-09-03T17:00:00+07:00',
      skipped: ['2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02'],
    },
    { name: 'applies the 15:00 cut-off', query: 'from=2026-11-18T15:30:00%2B07:00&workingDays=1&cutoff=15:00', dueAt: '2026-11-20T17:00:00+07:00' },
    { name: 'a same-day procedure is due at closing time', query: 'from=2026-11-18T09:00:00%2B07:00&workingDays=0', dueAt: '2026-11-18T17:00:00+07:00' },
    { name: 'an online filing on Saturday counts from Monday', query: 'from=2026-11-21T10:00:00%2B07:00&workingDays=1&channel=online', dueAt: '2026-11-25T17:00:00+07:00' },
    { name: 'working hours skip the lunch break (11:30–13:00)', query: 'from=2026-11-18T10:30:00%2B07:00&workingHours=2', dueAt: '2026-11-18T14:00:00+07:00' },
    { name: 'accepts a UTC instant', query: 'from=2026-11-18T02:00:00Z&workingDays=2', dueAt: '2026-11-20T17:00:00+07:00' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { status, body } = await get(`/api/v1/calendar/due?${c.query}`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.dueAt, c.dueAt);
      if (c.skipped) assert.deepEqual(body.skipped.map((d: { date: string }) => d.date), c.skipped);
    });
  }

  it('explains each skipped day', async () => {
    const { body } = await get('/api/v1/calendar/due?from=2026-04-24T09:00:00%2B07:00&workingDays=2');
    assert.equal(body.dueAt, '2026-04-29T17:00:00+07:00');
    assert.deepEqual(
      body.skipped.map((d: { date: string; reason: string }) => [d.date, d.reason]),
      [['2026-04-25', 'weekend'], ['2026-04-26', 'holiday'], ['2026-04-27', 'compensatory']],
    );
  });

  const bad = [
    'workingDays=3',
    'from=2026-11-18T09:00:00&workingDays=3',
    'from=2026-11-18T09:00:00%2B07:00',
    'from=2026-11-18T09:00:00%2B07:00&workingDays=3&workingHours=2',
    'from=2026-11-18T09:00:00%2B07:00&workingDays=-1',
    'from=2026-11-18T09:00:00%2B07:00&workingDays=1&cutoff=25:00',
    'from=2026-11-18T09:00:00%2B07:00&workingDays=1&channel=fax',
    'from=1900-01-01T09:00:00%2B07:00&workingDays=1',
  ];
  for (const query of bad) {
    it(`answers 400 for ${decodeURIComponent(query)}`, async () => {
      const { status, type } = await get(`/api/v1/calendar/due?${query}`);
      assert.equal(status, 400);
      assert.match(type, /problem\+json/);
    });
  }
});

describe('GET /api/v1/calendar/days/{date}', () => {
  it('says why a day is not worked', async () => {
    const { body } = await get('/api/v1/calendar/days/2026-02-17');
    assert.equal(body.working, false);
    assert.equal(body.kind, 'holiday');
    assert.match(body.nameVi, /Tết Nguyên đán/);
  });
  it('knows a Saturday worked', async () => {
    const { body } = await get('/api/v1/calendar/days/2026-01-10');
    assert.equal(body.working, true);
    assert.equal(body.type, 'extra_working_day');
  });
  it('rejects an impossible date', async () => {
    assert.equal((await get('/api/v1/calendar/days/2026-02-30')).status, 400);
  });
});
