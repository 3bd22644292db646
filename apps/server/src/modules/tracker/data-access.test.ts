import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isRealDate, problemsOf, type DataAccess } from './data-access.ts';

const valid: DataAccess = {
  subjectPersonalId: '001190000123',
  channel: 'back_office',
  accessorKind: 'official',
  accessorId: '0190d3f0-0000-7000-8000-000000000001',
  accessorName: 'Cán bộ tiếp nhận hồ sơ',
  agencyCode: 'H29.25747.01',
  userId: null,
  data: 'Hồ sơ thủ tục hành chính',
  service: '1.001193',
  purpose: 'Xử lý hồ sơ H29.25747.01-261204-0001',
  reference: 'H29.25747.01-261204-0001',
  occurredAt: new Date('2026-12-04T03:00:00Z'),
  hiddenUntil: null,
};

describe('a data-access entry', () => {
  it('is accepted when complete', () => {
    assert.deepEqual(problemsOf(valid), []);
    assert.deepEqual(problemsOf({ ...valid, channel: 'exchange', accessorKind: 'system', userId: 'EE-user', hiddenUntil: '2028-02-29' }), []);
  });

  const cases: [string, Partial<DataAccess>, RegExp][] = [
    ['an 11-digit subject', { subjectPersonalId: '00119000012' }, /subjectPersonalId/],
    ['an enterprise code as subject', { subjectPersonalId: '0101248141' }, /subjectPersonalId/],
    ['an empty purpose', { purpose: '' }, /purpose/],
    ['a blank purpose', { purpose: '   ' }, /purpose/],
    ['an empty accessor', { accessorId: '' }, /accessorId/],
    ['an empty agency', { agencyCode: '' }, /agencyCode/],
    ['an unknown channel', { channel: 'email' as DataAccess['channel'] }, /channel/],
    ['an unknown accessor kind', { accessorKind: 'robot' as DataAccess['accessorKind'] }, /accessorKind/],
    ['an impossible hiding date', { hiddenUntil: '2027-02-29' }, /hiddenUntil/],
    ['a hiding date with a time', { hiddenUntil: '2027-02-01T00:00:00Z' }, /hiddenUntil/],
    ['an invalid time', { occurredAt: new Date('nope') }, /occurredAt/],
    ['a purpose naming the subject', { purpose: 'Tra cứu 001190000123' }, /purpose must not contain/],
    ['data longer than a label', { data: 'x'.repeat(1001) }, /data is longer/],
  ];
  for (const [label, change, problem] of cases) {
    it(`is refused with ${label}`, () => {
      assert.match(problemsOf({ ...valid, ...change }).join('; '), problem);
    });
  }

  it('takes exactly the real calendar dates as hiding dates', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        return isRealDate(day) && problemsOf({ ...valid, hiddenUntil: day }).length === 0;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        return isRealDate(text) === real;
      }),
    );
  });
});
