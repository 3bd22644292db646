// The full records of the synthetic business registry (CSDLQG về đăng ký doanh nghiệp): the demo
// enterprises of synthetic-enterprise.ts, unchanged, plus one enterprise per 100 persons in larger
// registries, each with its head office and business lines. Extra fields come from their own PRNG
// stream, so the demo enterprises' original fields do not move.

import type { EnterpriseStatus } from './registries.ports.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';
import { drawEnterprise, SYNTHETIC_ENTERPRISES } from './synthetic-enterprise.ts';
import { syntheticPerson } from './synthetic-person.ts';
import { seededRandom } from './synthetic-random.ts';
import { SYNTHETIC_RESIDENTS } from './synthetic-resident.ts';

/** Persons per enterprise in registries larger than the demo set (about Vietnam's ratio of ~1 to 100). */
export const PERSONS_PER_ENTERPRISE = 100;

/**
 * Business lines (ngành, nghề kinh doanh) at the 4-digit level of the Vietnamese standard industrial
 * classification VSIC 2018 (Quyết định 27/2018/QĐ-TTg): a short real list.
 */
export const VSIC_CODES: Readonly<Record<string, string>> = {
  '0118': 'Trồng rau, đậu các loại và trồng hoa',
  '1079': 'Sản xuất thực phẩm khác chưa được phân vào đâu',
  '1410': 'May trang phục (trừ trang phục từ da lông thú)',
  '4100': 'Xây dựng nhà các loại',
  '4659': 'Bán buôn máy móc, thiết bị và phụ tùng máy khác',
  '4711': 'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp',
  '4933': 'Vận tải hàng hóa bằng đường bộ',
  '5510': 'Dịch vụ lưu trú ngắn ngày',
  '5610': 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động',
  '6201': 'Lập trình máy vi tính',
  '6810': 'Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê',
  '7020': 'Hoạt động tư vấn quản lý',
  '8559': 'Giáo dục khác chưa được phân vào đâu',
};
const VSIC = Object.keys(VSIC_CODES);

// Names are unique for the first 13,050 enterprises (vietnamese-names.ts); later ones add their number.
const UNIQUE_NAMES = 13_050;

export type SyntheticBusiness = Readonly<{
  enterpriseCode: string;
  name: string;
  legalRepresentativeId: string;
  legalRepresentativeName: string;
  headOfficeCommuneCode: string;
  headOfficeAddress: string;
  status: EnterpriseStatus;
  /** VSIC 4-digit codes, the main line first. */
  businessLines: string[];
  registeredOn: string;
}>;

/** How many enterprises a registry of `persons` persons holds: the demo ones, or one per 100 persons. */
export function enterpriseCount(persons: number): number {
  return Math.max(SYNTHETIC_ENTERPRISES, Math.floor(persons / PERSONS_PER_ENTERPRISE));
}

/**
 * Enterprise n. Its representative is among persons 1…100 n, all loaded whenever enterprise n is
 * (enterpriseCount), so the record does not depend on the registry's size.
 */
export function syntheticBusiness(n: number): SyntheticBusiness {
  const demo = n <= SYNTHETIC_ENTERPRISES;
  const { record: base, representative } = drawEnterprise(n, demo ? SYNTHETIC_RESIDENTS : n * PERSONS_PER_ENTERPRISE, syntheticPerson);
  const random = seededRandom('registries.enterprise.extra', n);
  const lines = random.integer(1, 3);
  const businessLines: string[] = [];
  while (businessLines.length < lines) {
    const code = random.pick(VSIC);
    if (!businessLines.includes(code)) businessLines.push(code);
  }
  return {
    enterpriseCode: base.enterpriseCode,
    name: n > UNIQUE_NAMES ? `${base.name} ${n}` : base.name,
    legalRepresentativeId: base.legalRepresentativeId,
    legalRepresentativeName: representative.fullName,
    headOfficeCommuneCode: random.pick(RESIDENCE_COMMUNE_CODES),
    headOfficeAddress: `Số ${random.integer(1, 300)}, đường số ${random.integer(1, 60)}`,
    status: base.status,
    businessLines,
    registeredOn: base.registeredOn,
  };
}
