import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mentionsPersonalId } from './data-access.ts';

describe('mentionsPersonalId', () => {
  const cases: [string, boolean][] = [
    ['Đăng ký khai sinh', false],
    ['kiểm tra 001099000001', true],
    ['hồ sơ H29.25747.01-261207-0001', false],
    ['mã 0010990000012345', true], // longer runs hide an ID just as well
    ['00109900000', false], // eleven digits
    ['dossier 0193f1d2-7c4e-7a11-8b2c-123456789012', false], // a UUID whose last group is all digits
    ['dossier 0193F1D2-7C4E-7A11-8B2C-123456789012', false],
    ['0193f1d2-7c4e-7a11-8b2c-123456789012 and 001099000001', true],
    ['0193f1d2-7c4e-7a11-8b2c-1234567890123', true], // not a UUID: thirteen digits at the end
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(mentionsPersonalId(text), expected));

  it('never objects to a UUID, and always to an ID next to one', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.stringMatching(/^\d{12}$/), (uuid, id) => {
        assert.equal(mentionsPersonalId(`dossier ${uuid}`), false);
        assert.equal(mentionsPersonalId(`dossier ${uuid} ${id}`), true);
      }),
    );
  });
});
