import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { matches } from './csp-validator.ts';

describe('the form’s condition evaluator (no eval)', () => {
  const ifSurrogacy = { properties: { birthCase: { const: 'surrogacy' } }, required: ['birthCase'] };
  const ifOneOf = { properties: { birthCase: { enum: ['ordinary', 'surrogacy'] } }, required: ['birthCase'] };
  const cases: [string, unknown, unknown, boolean][] = [
    ['const matches', ifSurrogacy, { birthCase: 'surrogacy' }, true],
    ['const differs', ifSurrogacy, { birthCase: 'ordinary' }, false],
    ['required missing', ifSurrogacy, {}, false],
    ['enum contains', ifOneOf, { birthCase: 'ordinary' }, true],
    ['enum lacks', ifOneOf, { birthCase: 'abandoned' }, false],
    ['boolean const', { properties: { parentsMarried: { const: true } }, required: ['parentsMarried'] }, { parentsMarried: false }, false],
    ['true schema', true, 42, true],
    ['false schema', false, 42, false],
    ['type integer is a number', { type: 'number' }, 3, true],
    ['unsupported keyword is no match', { pattern: '^a' }, 'abc', false],
  ];
  for (const [name, schema, value, expected] of cases) it(name, () => assert.equal(matches(schema, value), expected));

  it('agrees with the definition of const for any value (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => matches({ const: a }, b) === (JSON.stringify(a) === JSON.stringify(b))));
  });
});
