import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// Tests may use identity's validators; the module's own code may not (identity depends on registries).
import { checkEnterpriseCode, checkPersonalId } from '../identity/index.ts';
import { allSyntheticEnterprises } from './synthetic-enterprise.ts';
import { allSyntheticResidents } from './synthetic-resident.ts';

describe("synthetic identifiers, checked by identity's validators", () => {
  it('every personal ID is valid and consistent with the birth year and sex', () => {
    for (const resident of allSyntheticResidents()) {
      const check = checkPersonalId(resident.personalId, { birthYear: Number(resident.birthDate.slice(0, 4)), sex: resident.sex });
      assert.equal(check.valid, true, `${resident.personalId} ${JSON.stringify(check)}`);
    }
  });

  it('every enterprise code is valid, with no branch suffix', () => {
    for (const enterprise of allSyntheticEnterprises()) {
      assert.deepEqual(checkEnterpriseCode(enterprise.enterpriseCode), { valid: true, enterpriseCode: enterprise.enterpriseCode, branchSuffix: null });
    }
  });
});
