// Persons and households of the synthetic population registry, for any registry size up to
// MAX_PERSONS. Persons 1…SYNTHETIC_RESIDENTS are the demo residents of synthetic-resident.ts, unchanged
// (demo accounts and tests log in as them), each in a household of their own. Every person after them
// belongs to a generated family of five — father (head of household), mother, three children — who
// share a permanent residence; the children are born 19–44 years after both parents. Every field is
// drawn from a PRNG seeded by the person's or family's number, so person n is the same in every
// registry that holds it, whatever the registry's size.

import type { Sex } from './registries.ports.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';
import { dateOfDay, dayNumber } from './synthetic-dates.ts';
import { seededRandom, type Random } from './synthetic-random.ts';
import { BIRTH_PROVINCE_CODES, centuryDigit, personalIdTail, SYNTHETIC_RESIDENTS, syntheticResident } from './synthetic-resident.ts';
import { syntheticFamilyName, syntheticFullNameIn } from './vietnamese-names.ts';

export type SyntheticPerson = Readonly<{
  /** The person's number in the registry (1…MAX_PERSONS). */
  number: number;
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  /** Nơi thường trú: commune code of the 2025 units, and the address line within it. */
  permanentCommuneCode: string;
  permanentAddress: string;
  /** Nơi tạm trú, for the few who live away from their permanent residence. */
  temporaryCommuneCode: string | null;
  temporaryAddress: string | null;
  householdId: string;
  fatherId: string | null;
  motherId: string | null;
}>;

export type SyntheticHousehold = Readonly<{ id: string; headPersonalId: string; communeCode: string }>;

const FAMILY_SIZE = 5;
const FIRST_FAMILY_PERSON = SYNTHETIC_RESIDENTS + 1;
/**
 * Personal-ID tails of generated persons come from personalIdTail(k) with k in 10,001…1,000,000, never
 * a demo resident's tail. Block b of 990,000 persons reuses the same tails, so each block must differ
 * in the rest of the ID: person n belongs to one of 126 classes (63 provinces of birth × odd or even
 * birth year), a one-to-one function of the block for a given k. Hence IDs are unique by construction
 * for up to 126 blocks; the registry stops at 100 million (the scale benchmark's size).
 */
const TAILS_PER_BLOCK = 1_000_000 - SYNTHETIC_RESIDENTS;
const CLASSES = BIRTH_PROVINCE_CODES.length * 2;
export const MAX_PERSONS = 100_000_000;

/** The household id (mã hộ gia đình) of household number h: clearly synthetic, not a real format. */
export function householdId(h: number): string {
  return `HGD${String(h).padStart(9, '0')}`;
}

/** Adds whole years to a civil date; 29 February becomes 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(4);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return monthDay === '-02-29' && !leap ? `${year}-03-01` : `${year}${monthDay}`;
}

/** Completed years of age on `on` of someone born on `birth`. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

const minDate = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));
const maxDate = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));
const drawDate = (random: Random, from: string, to: string) => dateOfDay(random.integer(dayNumber(from), dayNumber(to)));

/** Province of birth and birth-year parity imposed on generated person n (see TAILS_PER_BLOCK). */
function classOf(n: number): { province: string; parity: number; tail: string } {
  const j = n - FIRST_FAMILY_PERSON;
  const block = Math.floor(j / TAILS_PER_BLOCK);
  const k = SYNTHETIC_RESIDENTS + 1 + (j % TAILS_PER_BLOCK);
  const c = (block + k * 37) % CLASSES;
  return { province: '0' + (BIRTH_PROVINCE_CODES[c % BIRTH_PROVINCE_CODES.length] ?? ''), parity: c >= BIRTH_PROVINCE_CODES.length ? 1 : 0, tail: personalIdTail(k) };
}

/** The date moved by one year when its year has the wrong parity: forward if that stays ≤ `latest`. */
function withParity(date: string, parity: number, latest: string): string {
  if (Number(date.slice(0, 4)) % 2 === parity) return date;
  const later = addYears(date, 1);
  return later <= latest ? later : addYears(date, -1);
}

const addressLine = (random: Random) => `Số ${random.integer(1, 199)}, tổ dân phố ${random.integer(1, 40)}`;

/** Nơi tạm trú for about 8 % of persons: another commune (always four draws, so later draws do not shift). */
function temporaryResidence(random: Random, permanent: string): [string | null, string | null] {
  const away = random.next() < 0.08;
  let commune = random.pick(RESIDENCE_COMMUNE_CODES);
  if (commune === permanent) commune = RESIDENCE_COMMUNE_CODES[(RESIDENCE_COMMUNE_CODES.indexOf(commune) + 1) % RESIDENCE_COMMUNE_CODES.length] ?? commune;
  const line = addressLine(random);
  return away ? [commune, line] : [null, null];
}

function checkNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PERSONS) throw new RangeError(`synthetic persons are numbered 1…${MAX_PERSONS}, not ${n}`);
}

// ---- Demo residents 1…SYNTHETIC_RESIDENTS: parents among themselves, one-person households. ----

let demoParents: { father: (string | null)[]; mother: (string | null)[] } | undefined;

/**
 * Each demo resident's father and mother: a demo resident of that sex aged 18–45 at the child's birth,
 * drawn by the child's number (none when nobody fits, e.g. for residents born before 1958).
 */
function parentsOfDemoResidents() {
  if (demoParents) return demoParents;
  const residents = Array.from({ length: SYNTHETIC_RESIDENTS }, (_, i) => syntheticResident(i + 1));
  const bySex = (sex: Sex) => residents.filter((r) => r.sex === sex).sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.personalId < b.personalId ? -1 : 1));
  const males = bySex('male');
  const females = bySex('female');
  const firstFrom = (list: typeof residents, date: string) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.birthDate ?? '') < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pick = (list: typeof residents, birth: string, random: Random) => {
    // One day inside 18…45 years on each side, so 29 February never tips an age over an edge.
    const from = firstFrom(list, dateOfDay(dayNumber(addYears(birth, -45)) + 1));
    const to = firstFrom(list, dateOfDay(dayNumber(addYears(birth, -18)) - 1) + 'z') - 1;
    return to < from ? null : (list[random.integer(from, to)]?.personalId ?? null);
  };
  const father: (string | null)[] = [];
  const mother: (string | null)[] = [];
  for (const [i, resident] of residents.entries()) {
    const random = seededRandom('registries.resident.parents', i + 1);
    father.push(pick(males, resident.birthDate, random));
    mother.push(pick(females, resident.birthDate, random));
  }
  demoParents = { father, mother };
  return demoParents;
}

function demoPerson(n: number): SyntheticPerson {
  const resident = syntheticResident(n);
  // Another stream than the resident's own, so the demo residents' fields stay exactly as they were.
  const random = seededRandom('registries.resident.extra', n);
  const permanentAddress = addressLine(random);
  const [temporaryCommuneCode, temporaryAddress] = temporaryResidence(random, resident.residenceCommuneCode);
  const parents = parentsOfDemoResidents();
  return {
    number: n,
    personalId: resident.personalId,
    fullName: resident.fullName,
    birthDate: resident.birthDate,
    sex: resident.sex,
    permanentCommuneCode: resident.residenceCommuneCode,
    permanentAddress,
    temporaryCommuneCode,
    temporaryAddress,
    householdId: householdId(n),
    fatherId: parents.father[n - 1] ?? null,
    motherId: parents.mother[n - 1] ?? null,
  };
}

// ---- Generated families: numbers SYNTHETIC_RESIDENTS + 1 + 5f … + 5f + 4. ----

// Fixed bounds, so the data never depend on when they were generated.
const LAST_BIRTH = '2025-06-30';

/** Family f (0-based): father, mother and three children, in number order. */
export function syntheticFamily(f: number): SyntheticPerson[] {
  const first = FIRST_FAMILY_PERSON + f * FAMILY_SIZE;
  checkNumber(first + FAMILY_SIZE - 1);
  const random = seededRandom('registries.family', f);
  const familyName = syntheticFamilyName(random);
  const mothersFamilyName = syntheticFamilyName(random);
  const commune = random.pick(RESIDENCE_COMMUNE_CODES);
  const address = addressLine(random);
  const classes = Array.from({ length: FAMILY_SIZE }, (_, i) => classOf(first + i));
  const father = withParity(drawDate(random, '1940-01-01', '1982-12-31'), classes[0]?.parity ?? 0, LAST_BIRTH);
  const mother = withParity(dateOfDay(dayNumber(father) + random.integer(-5 * 365, 8 * 365)), classes[1]?.parity ?? 0, LAST_BIRTH);
  // Born when both parents were 20…43, then moved by at most a year for the parity: 19…44.
  const from = maxDate(addYears(father, 20), addYears(mother, 20));
  const to = minDate(addYears(father, 43), addYears(mother, 43), '2024-06-30');
  const latest = minDate(addYears(father, 44), addYears(mother, 44), LAST_BIRTH);
  const births = [father, mother, ...[2, 3, 4].map((i) => withParity(drawDate(random, from, to), classes[i]?.parity ?? 0, latest))];
  const sexes: Sex[] = ['male', 'female', ...[2, 3, 4].map((): Sex => (random.next() < 0.5 ? 'male' : 'female'))];
  const ids = births.map((birth, i) => {
    const c = classes[i] ?? classOf(first + i);
    return `${c.province}${centuryDigit(Number(birth.slice(0, 4)), sexes[i] ?? 'male')}${birth.slice(2, 4)}${c.tail}`;
  });
  const household = householdId(FIRST_FAMILY_PERSON + f);
  return births.map((birthDate, i) => {
    const sex = sexes[i] ?? 'male';
    const [temporaryCommuneCode, temporaryAddress] = temporaryResidence(random, commune);
    return {
      number: first + i,
      personalId: ids[i] ?? '',
      fullName: syntheticFullNameIn(i === 1 ? mothersFamilyName : familyName, random, sex, Number(birthDate.slice(0, 4))),
      birthDate,
      sex,
      permanentCommuneCode: commune,
      permanentAddress: address,
      temporaryCommuneCode,
      temporaryAddress,
      householdId: household,
      fatherId: i >= 2 ? (ids[0] ?? null) : null,
      motherId: i >= 2 ? (ids[1] ?? null) : null,
    };
  });
}

/** Person number n of the synthetic population registry. Deterministic; RangeError outside 1…MAX_PERSONS. */
export function syntheticPerson(n: number): SyntheticPerson {
  checkNumber(n);
  if (n <= SYNTHETIC_RESIDENTS) return demoPerson(n);
  const f = Math.floor((n - FIRST_FAMILY_PERSON) / FAMILY_SIZE);
  // The loader asks for a family's members one after another: draw the family once.
  if (lastFamily?.[0] !== f) lastFamily = [f, syntheticFamily(f)];
  const member = lastFamily[1][(n - FIRST_FAMILY_PERSON) % FAMILY_SIZE];
  if (!member) throw new RangeError(`no person ${n}`);
  return member;
}

let lastFamily: [number, SyntheticPerson[]] | undefined;

/** The number of the person heading person n's household (n itself for a demo resident; the family's father). */
export function householdHeadNumber(n: number): number {
  return n <= SYNTHETIC_RESIDENTS ? n : FIRST_FAMILY_PERSON + Math.floor((n - FIRST_FAMILY_PERSON) / FAMILY_SIZE) * FAMILY_SIZE;
}

/** How many households a registry of `persons` persons holds (a last, incomplete family is not loaded). */
export function householdCount(persons: number): number {
  return SYNTHETIC_RESIDENTS + Math.floor((persons - SYNTHETIC_RESIDENTS) / FAMILY_SIZE);
}

/** The persons a registry of size `persons` actually loads: whole families only. */
export function loadedPersons(persons: number): number {
  if (!Number.isInteger(persons) || persons < SYNTHETIC_RESIDENTS || persons > MAX_PERSONS) {
    throw new RangeError(`the synthetic population registry holds ${SYNTHETIC_RESIDENTS}…${MAX_PERSONS} persons, not ${persons}`);
  }
  return SYNTHETIC_RESIDENTS + Math.floor((persons - SYNTHETIC_RESIDENTS) / FAMILY_SIZE) * FAMILY_SIZE;
}

/** The household of a demo resident or of a family: the demo resident, or the family's father, heads it. */
export function householdOf(person: SyntheticPerson): SyntheticHousehold {
  const headNumber = householdHeadNumber(person.number);
  const head = headNumber === person.number ? person : syntheticPerson(headNumber);
  return { id: person.householdId, headPersonalId: head.personalId, communeCode: head.permanentCommuneCode };
}

/** Persons from..to (inclusive) in number order, generating each family once; for the loader. */
export function* personsInRange(from: number, to: number): Generator<SyntheticPerson> {
  let n = from;
  while (n <= to && n <= SYNTHETIC_RESIDENTS) yield demoPerson(n++);
  while (n <= to) {
    const f = Math.floor((n - FIRST_FAMILY_PERSON) / FAMILY_SIZE);
    for (const member of syntheticFamily(f)) if (member.number >= n && member.number <= to) yield member;
    n = FIRST_FAMILY_PERSON + (f + 1) * FAMILY_SIZE;
  }
}

/** Whether person n heads their household (the loader writes one household row per head). */
export function isHouseholdHead(n: number): boolean {
  return n <= SYNTHETIC_RESIDENTS || (n - FIRST_FAMILY_PERSON) % FAMILY_SIZE === 0;
}
