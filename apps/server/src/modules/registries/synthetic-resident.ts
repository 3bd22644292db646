// Synthetic residents (công dân giả lập) of the stand-in population registry. Never real people: every
// field is drawn from a PRNG seeded by the resident's number, so resident n is the same everywhere.

import type { Sex } from './registries.ports.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';
import { dateOfDay, dayNumber } from './synthetic-dates.ts';
import { scatter, seededRandom } from './synthetic-random.ts';
import { syntheticFullName } from './vietnamese-names.ts';

/** How many residents the stand-in registry holds: numbers 1…SYNTHETIC_RESIDENTS. */
export const SYNTHETIC_RESIDENTS = 10_000;

export type SyntheticResident = Readonly<{
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD, 1940-01-01…2008-12-31. */
  birthDate: string;
  sex: Sex;
  /** Province of birth registration: the first three digits of the personal ID, e.g. 079. */
  birthProvinceCode: string;
  /** Commune code of the 2025 administrative units (5 digits). */
  residenceCommuneCode: string;
}>;

/**
 * The 63 pre-2025 province codes (QĐ 124/2004/QĐ-TTg list as of 01/03/2025) that open a personal ID
 * (domain-vn.md §4.1). A copy of identity's list: identity depends on this module, not the reverse;
 * the tests check every generated ID with identity's validator.
 */
export const BIRTH_PROVINCE_CODES: readonly string[] =
  '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96'.split(' ');

const FIRST_BIRTH = dayNumber('1940-01-01');
const LAST_BIRTH = dayNumber('2008-12-31');

/**
 * The last six digits of resident n's personal ID. They are random in real IDs; here they are
 * n × 387,403 + 512,927 mod 10⁶, an affine map that is one-to-one on 0…999,999 because 387,403 is
 * coprime with 10⁶ (odd, not a multiple of 5). Distinct residents therefore get distinct tails, and
 * so distinct IDs whatever their province and birth year, for any size up to a million, while the
 * tails do not look sequential.
 */
export function personalIdTail(n: number): string {
  return String(scatter(n, 387_403, 512_927, 1_000_000)).padStart(6, '0');
}

/** Digit 4 of a personal ID: century and sex (1900s male 0 / female 1, 2000s 2 / 3, …). */
export function centuryDigit(birthYear: number, sex: Sex): number {
  return (Math.floor(birthYear / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Synthetic resident number n (1…SYNTHETIC_RESIDENTS), as held by the stand-in population registry.
 * Deterministic: the same n always gives the same person. Throws a RangeError outside the registry,
 * since a resident that is not in the registry would fail every verification.
 */
export function syntheticResident(n: number): SyntheticResident {
  if (!Number.isInteger(n) || n < 1 || n > SYNTHETIC_RESIDENTS) {
    throw new RangeError(`synthetic residents are numbered 1…${SYNTHETIC_RESIDENTS}, not ${n}`);
  }
  const random = seededRandom('registries.resident', n);
  const sex: Sex = random.next() < 0.5 ? 'male' : 'female';
  const birthDate = dateOfDay(random.integer(FIRST_BIRTH, LAST_BIRTH));
  const birthYear = Number(birthDate.slice(0, 4));
  const birthProvinceCode = '0' + random.pick(BIRTH_PROVINCE_CODES);
  const personalId = `${birthProvinceCode}${centuryDigit(birthYear, sex)}${birthDate.slice(2, 4)}${personalIdTail(n)}`;
  return {
    personalId,
    fullName: syntheticFullName(random, sex, birthYear),
    birthDate,
    sex,
    birthProvinceCode,
    residenceCommuneCode: random.pick(RESIDENCE_COMMUNE_CODES),
  };
}

/** 387,403⁻¹ mod 10⁶: undoes the scatter of personal-ID tails, so a resident is found by ID at once. */
const TAIL_INVERSE = 948067;

/** The synthetic resident with this personal ID, or undefined (read back from its tail, no search). */
export function syntheticResidentById(personalId: string): SyntheticResident | undefined {
  if (!/^\d{12}$/.test(personalId)) return undefined;
  const n = scatter(Number(personalId.slice(6)) - 512_927, TAIL_INVERSE, 0, 1_000_000);
  if (n < 1 || n > SYNTHETIC_RESIDENTS) return undefined;
  const resident = syntheticResident(n);
  return resident.personalId === personalId ? resident : undefined;
}

/** Every synthetic resident, in number order. */
export function allSyntheticResidents(): SyntheticResident[] {
  return Array.from({ length: SYNTHETIC_RESIDENTS }, (_, i) => syntheticResident(i + 1));
}
