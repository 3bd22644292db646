import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WorkingCalendar } from '../../calendar/index.ts';
import { checkReschedule, dueAfterSupplement, dueFrom, punctuality } from './deadline.ts';

// A calendar from the Labour Code rules alone (no announced schedule), away from Tết in most cases.
const calendar = new WorkingCalendar();
const limit = { workingDays: 5, cutoff: '15:00', channel: 'in_person' as const };
const vnDate = (instant: string) => new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);

describe('dossier deadlines', () => {
  it('counts the limit from the day after reception (Civil Code Art. 147)', () => {
    // Mon 2026-11-02 10:00 + 5 working days → Mon 2026-11-09.
    assert.equal(dueFrom(calendar, '2026-11-02T10:00:00+07:00', limit).dueDate, '2026-11-09');
    // After the 15:00 cut-off the dossier counts from the next working day.
    assert.equal(dueFrom(calendar, '2026-11-02T15:30:00+07:00', limit).dueDate, '2026-11-10');
  });

  const supplement: [string, 'restart' | 'pause', string, string, string][] = [
    // Received Mon 02/11 (due Mon 09/11); supplement asked Wed 04/11; complete again Mon 16/11 10:00.
    ['restart: the whole limit again from the resubmission (61/2018 Art. 19.4)', 'restart', '2026-11-04', '2026-11-16T10:00:00+07:00', '2026-11-23'],
    // Pause: 3 working days were left (Thu 05, Fri 06, Mon 09) → from Mon 16/11: Thu 19/11.
    ['pause: the working days left when it was asked', 'pause', '2026-11-04', '2026-11-16T10:00:00+07:00', '2026-11-19'],
  ];
  for (const [name, rule, requestedOn, resubmittedAt, expected] of supplement) {
    it(name, () => {
      const current = dueFrom(calendar, '2026-11-02T10:00:00+07:00', limit);
      assert.equal(dueAfterSupplement(calendar, rule, current, requestedOn, resubmittedAt, limit).dueDate, expected);
    });
  }

  it('a pause never ends sooner than a restart would (property)', () => {
    const day = fc.integer({ min: 0, max: 300 }).map((n) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }), (receivedOn, askedAfter, waited, days) => {
        const l = { ...limit, workingDays: days };
        const current = dueFrom(calendar, `${receivedOn}T09:00:00+07:00`, l);
        const requestedOn = calendar.addWorkingDays(receivedOn, Math.min(askedAfter, days));
        const resubmittedOn = calendar.addWorkingDays(requestedOn, waited);
        const resubmittedAt = `${resubmittedOn}T09:00:00+07:00`;
        const paused = dueAfterSupplement(calendar, 'pause', current, requestedOn, resubmittedAt, l);
        const restarted = dueAfterSupplement(calendar, 'restart', current, requestedOn, resubmittedAt, l);
        assert.ok(paused.dueDate <= restarted.dueDate);
        assert.ok(restarted.dueDate > resubmittedOn);
      }),
      { numRuns: 200 },
    );
  });

  const reschedules: [string, string, string, string, ReturnType<typeof checkReschedule>][] = [
    ['a working day ahead, to a later date', '2026-11-06', '2026-11-09', '2026-11-13', { ok: true }],
    ['on the due date', '2026-11-09', '2026-11-09', '2026-11-13', { ok: false, reason: 'too_late' }],
    ['after the due date', '2026-11-10', '2026-11-09', '2026-11-13', { ok: false, reason: 'too_late' }],
    // Friday for a Monday due date: the weekend is not a working day, but Monday is one working day ahead.
    ['on the Friday before a Monday due date', '2026-11-06', '2026-11-09', '2026-11-10', { ok: true }],
    ['to an earlier or the same date', '2026-11-02', '2026-11-09', '2026-11-09', { ok: false, reason: 'not_later' }],
  ];
  for (const [name, today, due, next, expected] of reschedules) {
    it(`reschedule ${name}`, () => assert.deepEqual(checkReschedule(calendar, today, due, next), expected));
  }

  const finished: [string, string, string][] = [
    ['2026-11-06T16:00:00+07:00', 'early', 'before the due day'],
    ['2026-11-09T09:00:00+07:00', 'on_time', 'on the due day'],
    ['2026-11-09T17:00:00+07:00', 'on_time', 'at closing on the due day'],
    ['2026-11-10T08:00:00+07:00', 'late', 'after the due day'],
  ];
  for (const [at, expected, name] of finished) {
    it(`scores a result ${name} as ${expected} (Circular 01/2018 Art. 13)`, () => {
      assert.equal(punctuality(at, dueFrom(calendar, '2026-11-02T10:00:00+07:00', limit), vnDate), expected);
    });
  }
});
