import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { referenceDataPath } from '../../kernel/paths.ts';
import { checkEnterpriseCode, enterpriseCheckDigit } from './enterprise-code.ts';
import { BIRTH_PROVINCE_CODES, centuryDigitFor, checkPersonalId, type Sex } from './personal-id.ts';

describe('checkPersonalId', () => {
  const cases: [string, string, { birthYear?: number; sex?: Sex }, true | string[]][] = [
    ['HCMC, male, 2003', '079203001234', { birthYear: 2003, sex: 'male' }, true],
    ['Hà Nội, female, 1985', '001185012345', { birthYear: 1985, sex: 'female' }, true],
    ['structure only', '079203001234', {}, true],
    ['11 digits', '07920300123', {}, ['format']],
    ['letters', '07920300123A', {}, ['format']],
    ['unknown province 003', '003203001234', {}, ['birth_place']],
    ['post-2025 merged code still valid as birth place (74 Bình Dương)', '074203001234', { birthYear: 2003 }, true],
    ['century digit says 1900s, born 2003', '079003001234', { birthYear: 2003, sex: 'male' }, ['century']],
    ['year digits do not match', '079204001234', { birthYear: 2003 }, ['year']],
    ['female digit for a male', '079303001234', { birthYear: 2003, sex: 'male' }, ['sex']],
  ];
  for (const [name, value, holder, expected] of cases) {
    it(name, () => {
      const result = checkPersonalId(value, holder);
      if (expected === true) assert.equal(result.valid, true, JSON.stringify(result));
      else assert.deepEqual(result.valid ? [] : result.problems, expected);
    });
  }

  it('accepts configured foreign birth codes', () => {
    assert.equal(checkPersonalId('700203001234').valid, false);
    assert.equal(checkPersonalId('700203001234', {}, { foreignBirthCodes: new Set(['700']) }).valid, true);
  });

  it('accepts every number built from a province, a birth year and a sex (property)', () => {
    const province = fc.constantFrom(...BIRTH_PROVINCE_CODES);
    fc.assert(
      fc.property(province, fc.integer({ min: 1900, max: 2399 }), fc.constantFrom<Sex>('male', 'female'), fc.stringMatching(/^\d{6}$/), (p, year, sex, tail) => {
        const id = `0${p}${centuryDigitFor(year, sex)}${String(year % 100).padStart(2, '0')}${tail}`;
        assert.equal(checkPersonalId(id, { birthYear: year, sex }).valid, true, id);
        const other: Sex = sex === 'male' ? 'female' : 'male';
        assert.equal(checkPersonalId(id, { birthYear: year, sex: other }).valid, false);
      }),
    );
  });

  it('knows exactly the 63 pre-2025 province codes of the reference data', () => {
    const provinces = JSON.parse(readFileSync(referenceDataPath('vn-admin-units-pre2025/vn_units_63_provinces_2025-03-01_v2.4.1.simplified.min.json'), 'utf8')) as { Code: string }[];
    assert.deepEqual([...BIRTH_PROVINCE_CODES].sort(), provinces.map((p) => p.Code).sort());
  });
});

describe('checkEnterpriseCode', () => {
  const cases: [string, string, boolean][] = [
    ['Viettel', '0100109106', true],
    ['FPT', '0101248141', true],
    ['FPT branch', '0101248141-001', true],
    ['wrong check digit', '0100109107', false],
    ['9 digits', '010010910', false],
    ['branch 000', '0101248141-000', false],
    ['branch with 2 digits', '0101248141-01', false],
  ];
  for (const [name, value, valid] of cases) {
    it(`${name}: ${value} is ${valid ? 'valid' : 'invalid'}`, () => assert.equal(checkEnterpriseCode(value).valid, valid));
  }

  it('accepts exactly one last digit for any first nine, unless the rule gives 10 (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [...'0123456789'].filter((d) => checkEnterpriseCode(nine + d).valid);
        const expected = enterpriseCheckDigit(nine);
        assert.deepEqual(valid, expected === undefined ? [] : [String(expected)]);
      }),
    );
  });
});
