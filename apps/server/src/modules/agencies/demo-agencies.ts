import type { AgencyInput } from './agencies.service.ts';

/**
 * Demo agencies for a training or demo installation. H29 is TP Hồ Chí Minh's real level-1 code
 * (QĐ 20/2020); the lower groups are the demo's own scheme (each province assigns its own), so they
 * are not the province's real identifiers.
 */
export const DEMO_AGENCIES: AgencyInput[] = [
  {
    code: 'H29',
    name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    nameEn: 'People’s Committee of Ho Chi Minh City',
    shortName: 'UBND TP. Hồ Chí Minh',
    kind: 'people_committee',
    level: 'province',
    adminUnitCode: '79',
    adminUnitVersionOn: '2025-07-01',
    address: '86 Lê Thánh Tôn, Phường Sài Gòn, TP. Hồ Chí Minh',
  },
  {
    code: 'H29.15',
    name: 'Sở Tư pháp Thành phố Hồ Chí Minh',
    nameEn: 'Department of Justice of Ho Chi Minh City',
    shortName: 'Sở Tư pháp TP. Hồ Chí Minh',
    kind: 'department',
    level: 'province',
    parentCode: 'H29',
    adminUnitCode: '79',
    adminUnitVersionOn: '2025-07-01',
  },
  {
    code: 'H29.25747',
    name: 'Ủy ban nhân dân phường Thủ Dầu Một',
    nameEn: 'People’s Committee of Thu Dau Mot Ward',
    shortName: 'UBND phường Thủ Dầu Một',
    kind: 'people_committee',
    level: 'commune',
    parentCode: 'H29',
    adminUnitCode: '25747',
    adminUnitVersionOn: '2025-07-01',
  },
  {
    code: 'H29.25747.01',
    name: 'Trung tâm Phục vụ hành chính công phường Thủ Dầu Một',
    nameEn: 'Public Administration Service Centre of Thu Dau Mot Ward',
    shortName: 'TTPVHCC phường Thủ Dầu Một',
    kind: 'reception_centre',
    level: 'commune',
    parentCode: 'H29.25747',
    adminUnitCode: '25747',
    adminUnitVersionOn: '2025-07-01',
  },
];
