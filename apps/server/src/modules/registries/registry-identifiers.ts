// Structure checks of identifiers received by the registries' API, so a malformed one is a 400 and
// never reaches the database. Copies of identity's rules (identity depends on this module, not the
// reverse); identifiers.cross-check.test.ts runs identity's validators on the generated data.

import { enterpriseCheckDigit } from './synthetic-enterprise.ts';
import { BIRTH_PROVINCE_CODES } from './synthetic-resident.ts';

const PROVINCES = new Set(BIRTH_PROVINCE_CODES.map((code) => '0' + code));

/** Số định danh cá nhân: 12 digits opening with a pre-2025 province code (domain-vn.md §4.1). */
export function isPersonalId(value: string): boolean {
  return /^\d{12}$/.test(value) && PROVINCES.has(value.slice(0, 3));
}

/** Mã số doanh nghiệp: 10 digits whose last is the check digit (Thông tư 105/2020/TT-BTC Art. 5). */
export function isEnterpriseCode(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const check = enterpriseCheckDigit(value.slice(0, 9));
  return check !== undefined && String(check) === value[9];
}

/** A commune code of the administrative units: five digits. */
export function isCommuneCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}
