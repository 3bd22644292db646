import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkAgencyCode, levelOneOf } from './agency-code.ts';

describe('checkAgencyCode (QĐ 20/2020/QĐ-TTg Art. 4)', () => {
  const cases: [string, boolean][] = [
    ['H29', true],
    ['G01', true],
    ['H29.15', true],
    ['H29.25747.01', true],
    ['G09.20', true],
    ['Z29', false], // Z is reserved for other organisations (Art. 6)
    ['h29', false],
    ['H2', false],
    ['H29.', false],
    ['H29..1', false],
    ['H29.a1', false],
    ['H29.' + '1'.repeat(32), false], // 36 characters
    ['', false],
  ];
  for (const [code, valid] of cases) {
    it(`${JSON.stringify(code)} is ${valid ? 'valid' : 'invalid'}`, () => assert.equal(checkAgencyCode(code).valid, valid));
  }

  it('accepts every well-formed code of at most 35 characters (property)', () => {
    const levelOne = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 })).map(([m, n]) => m + String(n).padStart(2, '0'));
    const group = fc.stringMatching(/^[0-9A-Z]{1,4}$/);
    fc.assert(
      fc.property(levelOne, fc.array(group, { maxLength: 6 }), (first, rest) => {
        const code = [first, ...rest].join('.');
        fc.pre(code.length <= 35);
        assert.equal(checkAgencyCode(code).valid, true);
        assert.equal(levelOneOf(code), first);
      }),
    );
  });
});
