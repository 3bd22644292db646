import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createCommonPasswordList } from './breached-passwords.ts';
import { checkPassword, normalizePassword, type PasswordProblem } from './password-policy.ts';

const breached = createCommonPasswordList(['matkhau123']);

describe('checkPassword (NIST SP 800-63B)', () => {
  const context = { personalId: '079203001234', fullName: 'Nguyễn Văn Thành', email: 'thanh.nguyen@example.vn' };
  const cases: [string, string, boolean, PasswordProblem[]][] = [
    ['a long passphrase', 'ngựa ô phi qua cầu tre xanh', false, []],
    ['8 characters with a second factor', 'Kq7#mZ2!', true, []],
    ['8 characters alone', 'Kq7#mZ2!', false, ['too_short']],
    ['a common password', 'password', true, ['breached']],
    ['a common password in upper case', 'PASSWORD', true, ['breached']],
    ['a Vietnamese common password', 'matkhau123', true, ['breached']],
    ['repetition', 'abcabcabcabcabcabc', false, ['repetitive']],
    ['the personal ID inside', 'xx079203001234yy', true, ['contains_personal_data']],
    ['the name without accents', 'toi la thanh nguyen 2026', false, ['contains_personal_data']],
    ['too long', Array.from({ length: 257 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(''), true, ['too_long']],
  ];
  for (const [name, password, secondFactor, expected] of cases) {
    it(name, () => assert.deepEqual(checkPassword(password, { secondFactor, context, breached }), expected));
  }

  it('counts characters, not UTF-16 units or bytes', () => {
    assert.deepEqual(checkPassword('😀🎉🌏🚀🍜🏍🌾🎋', { secondFactor: true, breached }), []);
    assert.deepEqual(checkPassword('😀🎉🌏🚀🍜🏍🌾', { secondFactor: true, breached }), ['too_short']);
  });

  it('normalises so the same password typed differently matches (NFKC)', () => {
    assert.equal(normalizePassword('Tha\u0300nh'), normalizePassword('Thành'));
    assert.equal(normalizePassword('ｐａｓｓ'), 'pass');
  });

  it('never imposes character-class rules: any long random lower-case text passes (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{15,40}$/), (password) => {
        fc.pre(!breached.contains(password) && !/^(.{1,3})\1+$/.test(password));
        assert.deepEqual(checkPassword(password, { secondFactor: false, breached }), []);
      }),
    );
  });
});
