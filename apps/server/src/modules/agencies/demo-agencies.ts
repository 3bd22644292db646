import type { AgencyInput } from './agencies.service.ts';

/**
 * Demo agencies for a training or demo installation. H29 is TP Hồ Chí Minh's real level-1 code
 * (QĐ 20/2020); the lower groups are the demo's own scheme (each province assigns its own), so they
 * are not the province's real identifiers.
 */
const CORE_AGENCIES: AgencyInput[] = [
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

/**
 * Units and agencies the demo services name (dossiers/services/demo-services.ts). The police code is
 * the demo's own: G01 (Bộ Công an) is inferred from catalogue result codes KQ.G01.*, the lower groups
 * are not the ministry's real scheme.
 */
const DEMO_SERVICE_UNITS: AgencyInput[] = [
  {
    code: 'H29.15.01',
    name: 'Phòng Hành chính tư pháp, Sở Tư pháp Thành phố Hồ Chí Minh',
    nameEn: 'Judicial Administration Office, Department of Justice of Ho Chi Minh City',
    shortName: 'Phòng Hành chính tư pháp',
    kind: 'other',
    level: 'province',
    parentCode: 'H29.15',
    adminUnitCode: '79',
    adminUnitVersionOn: '2025-07-01',
  },
  {
    code: 'H29.25747.02',
    name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Thủ Dầu Một',
    nameEn: 'Economy, Infrastructure and Urban Affairs Office of Thu Dau Mot Ward',
    shortName: 'Phòng KT, HT và ĐT phường Thủ Dầu Một',
    kind: 'department',
    level: 'commune',
    parentCode: 'H29.25747',
    adminUnitCode: '25747',
    adminUnitVersionOn: '2025-07-01',
  },
  {
    // Residence registration is the police's competence (catalogue 1.004222: "Công an cấp Xã"), a
    // vertical agency outside the ward's People's Committee.
    code: 'G01.79.25747',
    name: 'Công an phường Thủ Dầu Một',
    nameEn: 'Thu Dau Mot Ward Police',
    shortName: 'Công an phường Thủ Dầu Một',
    kind: 'other',
    level: 'commune',
    adminUnitCode: '25747',
    adminUnitVersionOn: '2025-07-01',
  },
];

/** The demo installation's agencies: the four of the walkthrough and the units the demo services name. */
export const DEMO_AGENCIES: readonly AgencyInput[] = [...CORE_AGENCIES, ...DEMO_SERVICE_UNITS];
