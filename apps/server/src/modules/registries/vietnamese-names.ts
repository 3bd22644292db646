// Name parts for synthetic residents (họ, tên đệm, tên). A full name is family + middle + given, the
// usual Kinh order. The combinations are random: any resemblance to a real person is coincidence.
// All strings are NFC, with the modern accent placement (Thủy, Hòa), as the population registry prints.

import { scatter, type Random } from './synthetic-random.ts';
import type { Sex } from './registries.ports.ts';

/**
 * Family names (họ) weighted by their commonly cited shares of the population, per thousand
 * (Nguyễn ≈ 38 %, Trần ≈ 12 %, Lê ≈ 9.5 %, Phạm ≈ 7 %…); the long tail is lumped into small weights.
 */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 384],
  ['Trần', 121],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng', 31],
  ['Huỳnh', 20],
  ['Phan', 45],
  ['Vũ', 20],
  ['Võ', 19],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 6],
  ['Trương', 6],
  ['Lâm', 4],
  ['Mai', 4],
  ['Đào', 4],
  ['Cao', 3],
  ['Lương', 3],
  ['Hà', 3],
  ['Tạ', 2],
  ['Triệu', 2],
];

// Văn and Thị dominate older generations and become rarer later, so the weights depend on the era.
const MIDDLE_NAMES: Readonly<Record<Sex, readonly (readonly [string, number, number])[]>> = {
  // [name, weight for births before 1980, weight from 1980]
  male: [
    ['Văn', 60, 20],
    ['Hữu', 8, 6],
    ['Đức', 8, 10],
    ['Minh', 5, 14],
    ['Quang', 5, 8],
    ['Công', 4, 5],
    ['Xuân', 4, 4],
    ['Đình', 4, 4],
    ['Thành', 2, 6],
    ['Quốc', 2, 8],
    ['Ngọc', 2, 3],
    ['Gia', 0, 6],
    ['Hoàng', 1, 6],
  ],
  female: [
    ['Thị', 75, 30],
    ['Ngọc', 5, 12],
    ['Thu', 4, 8],
    ['Thanh', 5, 8],
    ['Minh', 1, 8],
    ['Phương', 1, 6],
    ['Khánh', 0, 6],
    ['Bảo', 0, 5],
    ['Hồng', 4, 5],
    ['Kim', 4, 4],
    ['Diệu', 1, 3],
  ],
};

const GIVEN_NAMES: Readonly<Record<Sex, readonly string[]>> = {
  male: [
    'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy',
    'Khang', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang',
    'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
  ],
  female: [
    'Anh', 'Châu', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Hương',
    'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương',
    'Quỳnh', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Yến',
  ],
};

/** A plausible full name (họ và tên) for someone of this sex born in this year. */
export function syntheticFullName(random: Random, sex: Sex, birthYear: number): string {
  const family = random.weighted(FAMILY_NAMES);
  const era = birthYear < 1980 ? 1 : 2;
  const middle = random.weighted(MIDDLE_NAMES[sex].map((entry) => [entry[0], entry[era]] as const));
  let given = random.pick(GIVEN_NAMES[sex]);
  // "Ngọc Ngọc", "Minh Minh": avoid repeating the middle name as the given name.
  if (given === middle) given = random.pick(GIVEN_NAMES[sex].filter((name) => name !== middle));
  return `${family} ${middle} ${given}`.normalize('NFC');
}

// Enterprise names (tên doanh nghiệp, Luật Doanh nghiệp 59/2020/QH14 Art. 37): the legal form, then a
// proper name, here a line of business and a two-syllable brand.
const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['Công ty TNHH', 45],
  ['Công ty TNHH một thành viên', 15],
  ['Công ty Cổ phần', 30],
  ['Doanh nghiệp tư nhân', 10],
];
const LINES_OF_BUSINESS = [
  'Thương mại', 'Dịch vụ', 'Thương mại và Dịch vụ', 'Xây dựng', 'Sản xuất', 'Vận tải', 'Công nghệ',
  'Nông sản', 'Du lịch', 'Thực phẩm', 'Đầu tư', 'Tư vấn', 'Xuất nhập khẩu', 'Cơ khí', 'In ấn',
] as const;
const BRAND_SYLLABLES = [
  'An', 'Phát', 'Thịnh', 'Hưng', 'Minh', 'Phúc', 'Tín', 'Việt', 'Hòa', 'Đạt', 'Thành', 'Tâm', 'Long',
  'Quang', 'Sao', 'Mai', 'Nam', 'Trường', 'Xuân', 'Hải', 'Sơn', 'Kim', 'Ngọc', 'Hoàng', 'Gia', 'Bảo',
  'Tân', 'Lộc', 'Khang', 'Vĩnh',
] as const;

/**
 * A plausible enterprise name, e.g. "Công ty TNHH Thương mại Minh Phát". The line of business and
 * brand come from n through a one-to-one map onto their 15 × 30 × 29 = 13,050 combinations (7,919 is
 * coprime with 13,050), so no two of the first 13,050 enterprises share a name, as the law requires
 * (Luật Doanh nghiệp Art. 41); only the legal form is random.
 */
export function syntheticEnterpriseName(random: Random, n: number): string {
  const form = random.weighted(LEGAL_FORMS);
  const combination = scatter(n, 7_919, 4_321, LINES_OF_BUSINESS.length * BRAND_SYLLABLES.length * (BRAND_SYLLABLES.length - 1));
  const line = LINES_OF_BUSINESS[combination % LINES_OF_BUSINESS.length];
  const pair = Math.floor(combination / LINES_OF_BUSINESS.length);
  const first = BRAND_SYLLABLES[Math.floor(pair / (BRAND_SYLLABLES.length - 1))];
  const second = BRAND_SYLLABLES.filter((syllable) => syllable !== first)[pair % (BRAND_SYLLABLES.length - 1)];
  return `${form} ${line} ${first} ${second}`.normalize('NFC');
}

/** A family name (họ), drawn with the same weights as syntheticFullName's. */
export function syntheticFamilyName(random: Random): string {
  return random.weighted(FAMILY_NAMES);
}

/**
 * A full name with the given family name: children take their father's (the custom; Bộ luật Dân sự
 * 2015 Art. 26 lets parents choose either parent's), a wife keeps her own.
 */
export function syntheticFullNameIn(family: string, random: Random, sex: Sex, birthYear: number): string {
  const era = birthYear < 1980 ? 1 : 2;
  const middle = random.weighted(MIDDLE_NAMES[sex].map((entry) => [entry[0], entry[era]] as const));
  let given = random.pick(GIVEN_NAMES[sex]);
  if (given === middle) given = random.pick(GIVEN_NAMES[sex].filter((name) => name !== middle));
  return `${family} ${middle} ${given}`.normalize('NFC');
}
