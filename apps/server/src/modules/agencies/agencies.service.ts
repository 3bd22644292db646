import type { AgencyView } from '@congso/contracts';
import { invalid, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { checkAgencyCode } from './agency-code.ts';
import type { AgenciesRepository, AgencyRow } from './agencies.repository.ts';

export type AgencyInput = Omit<AgencyView, 'shortName' | 'parentCode' | 'adminUnitCode' | 'adminUnitVersionOn' | 'address' | 'phone' | 'email'> &
  Partial<Pick<AgencyView, 'shortName' | 'parentCode' | 'adminUnitCode' | 'adminUnitVersionOn' | 'address' | 'phone' | 'email'>>;

export function toAgencyView(row: AgencyRow): AgencyView {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    shortName: row.shortName,
    kind: row.kind,
    level: row.level,
    parentCode: row.parentCode,
    adminUnitCode: row.adminUnitCode,
    adminUnitVersionOn: row.adminUnitVersionOn,
    address: row.address,
    phone: row.phone,
    email: row.email,
  };
}

export function createAgenciesService(deps: { repository: AgenciesRepository }) {
  const { repository } = deps;
  return {
    async getAgency(code: string): Promise<AgencyView> {
      const row = await repository.findByCode(code);
      if (!row) {
        throw notFound('agencies.agency_not_found', { vi: `Không có cơ quan mã ${code}.`, en: `No agency with code ${code}.` }, { agencyCode: code });
      }
      return toAgencyView(row);
    },

    async listAgencies(query: { parent?: string; adminUnit?: string; page: number; pageSize: number }) {
      const { items, total } = await repository.list({
        ...(query.parent ? { parent: query.parent } : {}),
        ...(query.adminUnit ? { adminUnit: query.adminUnit } : {}),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: items.map(toAgencyView), page: query.page, pageSize: query.pageSize, total };
    },

    async saveAgency(input: AgencyInput): Promise<void> {
      const check = checkAgencyCode(input.code);
      if (!check.valid) {
        throw invalid('agencies.invalid_code', { vi: `Mã định danh cơ quan không hợp lệ: ${check.reason}.`, en: `Invalid agency code: ${check.reason}.` });
      }
      await repository.upsert({
        id: uuidv7(),
        shortName: null,
        parentCode: null,
        adminUnitCode: null,
        adminUnitVersionOn: null,
        address: null,
        phone: null,
        email: null,
        ...input,
      });
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;
