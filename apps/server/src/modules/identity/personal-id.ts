// Personal identification number (số định danh cá nhân), 12 digits. Structure per Nghị định
// 137/2015/NĐ-CP Art. 13 and Thông tư 07/2016/TT-BCA Art. 7 (now Luật Căn cước 26/2023/QH15 and
// Nghị định 70/2024/NĐ-CP; article numbers unconfirmed, see domain-vn.md §4.1):
//   1–3  code of the province where the birth was registered (pre-2025 GSO province code, zero-padded)
//        or a country code for births abroad;
//   4    century and sex: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9;
//   5–6  last two digits of the birth year;
//   7–12 random digits. There is no check digit.
// Numbers never change after the 2025 reform, so the province is never re-derived from the number.

/** The 63 pre-2025 province codes (QĐ 124/2004/QĐ-TTg list as of 01/03/2025). */
export const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set(
  '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96'.split(' '),
);

export type Sex = 'male' | 'female';

export type PersonalIdProblem =
  | 'format' // not exactly 12 digits
  | 'birth_place' // first three digits are not a known province (or configured foreign) code
  | 'century' // the century digit does not fit the year of birth
  | 'year' // digits 5–6 are not the last two digits of the year of birth
  | 'sex'; // the century digit's parity does not match the sex

export type PersonalIdCheck = { valid: true; birthPlaceCode: string; centuryDigit: number } | { valid: false; problems: PersonalIdProblem[] };

export type PersonalIdOptions = {
  /** Three-digit codes used for births registered abroad; the list is not published, so configurable. */
  foreignBirthCodes?: ReadonlySet<string>;
};

const TWELVE_DIGITS = /^\d{12}$/;

/** The century digit for a birth year and sex: 2000s female → 3, 1900s male → 0. */
export function centuryDigitFor(birthYear: number, sex: Sex): number | undefined {
  const century = Math.floor(birthYear / 100);
  if (century < 19 || century > 23) return undefined;
  return (century - 19) * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Checks a personal ID number's structure, and its consistency with the holder's birth year and sex
 * when they are given. Returns every problem found, so a form can say exactly what is wrong.
 */
export function checkPersonalId(
  value: string,
  holder: { birthYear?: number; sex?: Sex } = {},
  options: PersonalIdOptions = {},
): PersonalIdCheck {
  if (!TWELVE_DIGITS.test(value)) return { valid: false, problems: ['format'] };
  const problems: PersonalIdProblem[] = [];
  const birthPlaceCode = value.slice(0, 3);
  const isProvince = birthPlaceCode.startsWith('0') && BIRTH_PROVINCE_CODES.has(birthPlaceCode.slice(1));
  if (!isProvince && !options.foreignBirthCodes?.has(birthPlaceCode)) problems.push('birth_place');
  const centuryDigit = Number(value[3]);
  const yearDigits = value.slice(4, 6);
  if (holder.birthYear !== undefined) {
    const century = Math.floor(holder.birthYear / 100);
    if (century !== 19 + Math.floor(centuryDigit / 2)) problems.push('century');
    if (String(holder.birthYear % 100).padStart(2, '0') !== yearDigits) problems.push('year');
  }
  if (holder.sex !== undefined && centuryDigit % 2 !== (holder.sex === 'female' ? 1 : 0)) problems.push('sex');
  return problems.length === 0 ? { valid: true, birthPlaceCode, centuryDigit } : { valid: false, problems };
}
