import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanText, isDeclaration, HOURS_PER_DAY, plannedHours, slugOf, standardSteps } from './service-draft.ts';

describe('a service drafted from the catalogue', () => {
  const slugs: [string, string][] = [
    ['Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản', 'giay-chung-sinh-truong-hop'],
    ['Đơn đề nghị', 'don-de-nghi'],
    ['(1) Bản sao CCCD', '1-ban-sao-cccd'],
    ['– – –', 'giay-to'],
  ];
  for (const [text, slug] of slugs) it(`slugs "${text}" as ${slug}`, () => assert.equal(slugOf(text), slug));

  const texts: [string, string][] = [
    ['- Giấy chứng sinh.', 'Giấy chứng sinh.'],
    ['  * Tờ khai   theo mẫu  ', 'Tờ khai theo mẫu'],
    ['• Bản sao', 'Bản sao'],
  ];
  for (const [raw, clean] of texts) it(`cleans "${raw}"`, () => assert.equal(cleanText(raw), clean));

  const declarations: [string, boolean][] = [
    ['Tờ khai đăng ký kết hôn theo mẫu', true],
    ['Mẫu hộ tịch điện tử tương tác đăng ký kết hôn (do người yêu cầu cung cấp thông tin)', true],
    ['Giấy chứng sinh', false],
    ['Bản sao tờ khai thuế', false],
  ];
  for (const [text, declaration] of declarations) it(`${declaration ? 'leaves out' : 'keeps'} "${text}"`, () => assert.equal(isDeclaration(text), declaration));

  it('gives slugs the definition accepts, for any text (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slugOf(text)) && slugOf(text).length <= 64));
  });

  it('shares the time limit among the four steps, each at least an hour, reception first and last (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), (days) => {
        const steps = standardSteps(days, 'H29.25747.01', 'H29.25747');
        assert.equal(plannedHours(steps), Math.max(4, days * HOURS_PER_DAY));
        assert.ok(steps.every((s) => (s.workingHours ?? 0) >= 1 && Number.isInteger(s.workingHours)));
        assert.deepEqual(steps.map((s) => s.role), ['receptionist', 'handler', 'leader', 'receptionist']);
        assert.deepEqual(steps.map((s) => s.unitCode), ['H29.25747.01', 'H29.25747', 'H29.25747', 'H29.25747.01']);
      }),
    );
  });
});
