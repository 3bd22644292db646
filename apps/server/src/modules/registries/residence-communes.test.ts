import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { referenceDataPath } from '../../kernel/paths.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';

type UnitsFile = { Code: string; Wards: { Code: string; Name: string }[] }[];

function communesOf(file: string): Map<string, { name: string; province: string }> {
  const provinces = JSON.parse(readFileSync(referenceDataPath('vn-admin-units-2025', file), 'utf8')) as UnitsFile;
  return new Map(provinces.flatMap((province) => province.Wards.map((ward) => [ward.Code, { name: ward.Name, province: province.Code }] as const)));
}

describe('residence communes of synthetic residents', () => {
  const at2025 = communesOf('vn_units_34_provinces_2025-07-01_v3.0.2.full.json');
  const at2026 = communesOf('vn_units_34_provinces_2026-07-25.full.json');

  it('are real 2025 commune codes, unchanged by the 2026 update', () => {
    for (const code of RESIDENCE_COMMUNE_CODES) {
      const unit = at2025.get(code);
      assert.ok(unit, `${code} is not a 2025 commune`);
      assert.equal(at2026.get(code)?.name, unit.name, `${code} changed in 2026`);
    }
  });

  it('are three distinct communes in each of the 34 provinces', () => {
    assert.equal(new Set(RESIDENCE_COMMUNE_CODES).size, 102);
    const perProvince = new Map<string, number>();
    for (const code of RESIDENCE_COMMUNE_CODES) {
      const province = at2025.get(code)?.province ?? '?';
      perProvince.set(province, (perProvince.get(province) ?? 0) + 1);
    }
    assert.equal(perProvince.size, 34);
    assert.ok([...perProvince.values()].every((count) => count === 3));
  });
});
