// Synthetic enterprises (doanh nghiệp giả lập) of the stand-in business registry, drawn like the
// residents from a PRNG seeded by the enterprise's number. Their legal representatives are synthetic
// residents, so a demo can log in as a resident and act for "their" enterprise.

import type { EnterpriseRecord, EnterpriseStatus } from './registries.ports.ts';
import { dateOfDay, dayNumber, eighteenthBirthday } from './synthetic-dates.ts';
import { scatter, seededRandom, type Random } from './synthetic-random.ts';
import { SYNTHETIC_RESIDENTS, syntheticResident } from './synthetic-resident.ts';
import { syntheticEnterpriseName } from './vietnamese-names.ts';

/** How many enterprises the stand-in registry holds: numbers 1…SYNTHETIC_ENTERPRISES. */
export const SYNTHETIC_ENTERPRISES = 1_000;

/**
 * A record of the stand-in business registry: a code with a valid check digit (domain-vn.md §4.2),
 * registered 2000-01-01…2025-06-30, whose legal representative is a synthetic resident who was at
 * least 18 on that day.
 */
export type SyntheticEnterprise = EnterpriseRecord;

// Fixed bounds rather than "today", so the data never depend on when the seed ran.
const FIRST_REGISTRATION = '2000-01-01';
const LAST_REGISTRATION = '2025-06-30';

const STATUSES: readonly (readonly [EnterpriseStatus, number])[] = [
  ['active', 85],
  ['suspended', 8], // tạm ngừng kinh doanh
  ['dissolved', 7], // đã giải thể
];

// Thông tư 105/2020/TT-BTC Art. 5 as cited in domain-vn.md §4.2: N10 = 10 − (Σ Ni·Wi mod 11).
// A copy of identity's rule (identity depends on this module, not the reverse); tests cross-check.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit for nine digits, or undefined when the remainder is 0 (such codes are not issued). */
export function enterpriseCheckDigit(firstNine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] ?? 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

/**
 * Enterprise n's code: N1N2 a two-digit range 01–63 (no meaning claimed), N3…N8 n × 618,031 + 271,829
 * mod 10⁶, one-to-one on 0…999,999 (618,031 is coprime with 10⁶), so codes are unique by construction
 * for any size up to a million; N9 a random digit, moved on by one when it would give the remainder
 * 0 (N9 weighs 3, so one step always leaves that case); N10 the check digit.
 */
function enterpriseCode(n: number, random: Random): string {
  const head = String(random.integer(1, 63)).padStart(2, '0') + String(scatter(n, 618_031, 271_829, 1_000_000)).padStart(6, '0');
  let ninth = random.integer(0, 9);
  let check = enterpriseCheckDigit(`${head}${ninth}`);
  if (check === undefined) {
    ninth = (ninth + 1) % 10;
    check = enterpriseCheckDigit(`${head}${ninth}`);
  }
  return `${head}${ninth}${check ?? ''}`;
}

/**
 * Synthetic enterprise number n (1…SYNTHETIC_ENTERPRISES), as held by the stand-in business registry.
 * Deterministic; throws a RangeError outside the registry.
 */
export function syntheticEnterprise(n: number): SyntheticEnterprise {
  if (!Number.isInteger(n) || n < 1 || n > SYNTHETIC_ENTERPRISES) {
    throw new RangeError(`synthetic enterprises are numbered 1…${SYNTHETIC_ENTERPRISES}, not ${n}`);
  }
  return drawEnterprise(n, SYNTHETIC_RESIDENTS, syntheticResident).record;
}

/**
 * Enterprise n with its legal representative drawn among persons 1…`persons` (`personOf` gives them):
 * the demo enterprises draw among the demo residents; the larger registries' others among the first
 * 100 × n persons (always loaded, see synthetic-business.ts).
 */
export function drawEnterprise<P extends { personalId: string; birthDate: string }>(n: number, persons: number, personOf: (number: number) => P): { record: SyntheticEnterprise; representative: P } {
  const random = seededRandom('registries.enterprise', n);
  const code = enterpriseCode(n, random);
  // A random resident, or the next one who is of age by the last registration date: residents born
  // after mid-2007 cannot represent an enterprise registered by then (Luật Doanh nghiệp Art. 17).
  let number = random.integer(1, persons);
  let representative = personOf(number);
  while (eighteenthBirthday(representative.birthDate) > LAST_REGISTRATION) {
    number = (number % persons) + 1;
    representative = personOf(number);
  }
  const earliest = Math.max(dayNumber(FIRST_REGISTRATION), dayNumber(eighteenthBirthday(representative.birthDate)));
  const record = {
    enterpriseCode: code,
    name: syntheticEnterpriseName(random, n),
    legalRepresentativeId: representative.personalId,
    status: random.weighted(STATUSES),
    registeredOn: dateOfDay(random.integer(earliest, dayNumber(LAST_REGISTRATION))),
  };
  return { record, representative };
}

/** Every synthetic enterprise, in number order. */
export function allSyntheticEnterprises(): SyntheticEnterprise[] {
  return Array.from({ length: SYNTHETIC_ENTERPRISES }, (_, i) => syntheticEnterprise(i + 1));
}
