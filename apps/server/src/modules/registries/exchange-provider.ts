// The registries as member systems behind the data exchange gateway (X-Road style: member class GOV,
// the owning ministry's member code, a subsystem, services). The gateway (module exchange) calls these
// handlers after it has authenticated the caller, checked the access right and logged the message; it
// is not imported here — both use the kernel's provider port.
//
// Member codes are QĐ 20/2020/QĐ-TTg level-1 agency codes as inferred in domain-vn.md §4.4: G01 Bộ Công
// an (population registry, Luật Căn cước 2023), G12 Bộ Tài chính (business registry since the 2025
// merger of MPI into MOF), G10 Bộ Nông nghiệp và Môi trường (land registry since the 2025 merger of
// MONRE). They are UNCONFIRMED codes; the gateway only needs them to be stable.

import { enterpriseSubjects, holderSubjects, householdSubjects, parcelSubjects, personSubjects } from './data-subjects.ts';
import { z } from 'zod';
import { RegistryEnterpriseView, RegistryHouseholdView, RegistryParcelView, RegistryPersonView } from '@congso/contracts';
import { DomainError } from '../../kernel/errors.ts';
import { PERSON_MOVED } from './registries.events.ts';
import type { RegistryRecords } from './registry-records.ts';
import type { LocalProvider, ProviderRequest, ProviderResponse } from '../../kernel/exchange-provider.ts';

export type { LocalProvider, ProvidedEvent, ProvidedService, ProviderRequest, ProviderResponse } from '../../kernel/exchange-provider.ts';

const STATUS_OF: Record<string, number> = { invalid: 400, not_found: 404, conflict: 409, unprocessable: 422, forbidden: 403 };

const problem = (status: number, code: string, vi: string, en: string): ProviderResponse => ({ status, body: { code, messages: { vi, en } } });

/** Runs a handler, turning the records' DomainErrors into problem answers (4xx), never a thrown 500. */
async function answer(run: () => Promise<ProviderResponse>): Promise<ProviderResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && STATUS_OF[error.kind] !== undefined) return problem(STATUS_OF[error.kind] ?? 400, error.code, error.text.vi, error.text.en);
    throw error;
  }
}

/** The single path parameter after the service code: '/{value}'; undefined for any other shape. */
function pathParameter(path: string): string | undefined {
  const match = /^\/([^/]+)$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function getOnly(request: ProviderRequest, run: () => Promise<ProviderResponse>): Promise<ProviderResponse> {
  if (request.method.toUpperCase() !== 'GET') return Promise.resolve(problem(405, 'registries.method_not_allowed', 'Dịch vụ chỉ nhận yêu cầu GET.', 'This service answers GET requests only.'));
  return answer(run);
}

const badPath = (shape: string) => problem(400, 'registries.bad_path', `Đường dẫn phải có dạng ${shape}.`, `The path must look like ${shape}.`);

const PROBLEM_SCHEMA = { type: 'object', properties: { code: { type: 'string' }, messages: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } }, required: ['code', 'messages'] };

function openapi(title: string, path: string, parameters: Record<string, unknown>[], schema: z.ZodType): Record<string, unknown> {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: PROBLEM_SCHEMA } } });
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0' },
    paths: {
      [path]: {
        get: {
          parameters,
          responses: { 200: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } } }, 400: error('Malformed identifier'), 404: error('Not in the registry') },
        },
      },
    },
  };
}

const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const queryParam = (name: string, description: string, type = 'string') => ({ name, in: 'query', required: true, description, schema: { type } });

/** The population, business and land registries as the gateway's local providers. */
export function registryProviders(records: RegistryRecords): LocalProvider[] {
  const population: LocalProvider = {
    memberClass: 'GOV',
    memberCode: 'G01',
    memberName: 'Bộ Công an',
    subsystem: 'population-registry',
    subsystemName: 'Cơ sở dữ liệu quốc gia về dân cư',
    services: [
      {
        code: 'person',
        title: { vi: 'Tra cứu thông tin công dân', en: 'Person record' },
        openapi: openapi('Population registry: person', '/{personalId}', [pathParam('personalId', 'Số định danh cá nhân (12 digits)')], RegistryPersonView),
        personalData: true,
        handle: (request) =>
          getOnly(request, async () => {
            const personalId = pathParameter(request.path);
            if (!personalId) return badPath('/{personalId}');
            const person = await records.person(personalId);
            return { status: 200, body: person, dataSubjects: personSubjects(person) };
          }),
      },
      {
        code: 'household',
        title: { vi: 'Tra cứu hộ gia đình', en: 'Household and its members' },
        openapi: openapi('Population registry: household', '/{householdId}', [pathParam('householdId', 'Mã hộ gia đình')], RegistryHouseholdView),
        personalData: true,
        handle: (request) =>
          getOnly(request, async () => {
            const id = pathParameter(request.path);
            if (!id) return badPath('/{householdId}');
            const household = await records.household(id);
            return { status: 200, body: household, dataSubjects: householdSubjects(household) };
          }),
      },
    ],
    events: [
      {
        code: 'person-moved',
        topic: PERSON_MOVED,
        title: { vi: 'Công dân thay đổi nơi thường trú', en: 'A person moved permanent residence' },
        // The event names the person and their old and new communes: a read by each subscriber.
        dataSubjects: (payload) => {
          const personalId = (payload as { personalId?: unknown } | null)?.personalId;
          return typeof personalId === 'string' ? [{ personalId, data: 'Thay đổi nơi thường trú: xã nơi đi, xã nơi đến, hộ' }] : [];
        },
      },
    ],
  };

  const businesses: LocalProvider = {
    memberClass: 'GOV',
    memberCode: 'G12',
    memberName: 'Bộ Tài chính',
    subsystem: 'business-registry',
    subsystemName: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
    services: [
      {
        code: 'enterprise',
        title: { vi: 'Tra cứu thông tin doanh nghiệp', en: 'Enterprise record' },
        openapi: openapi('Business registry: enterprise', '/{enterpriseCode}', [pathParam('enterpriseCode', 'Mã số doanh nghiệp (10 digits, or a branch code …-001)')], RegistryEnterpriseView),
        personalData: true,
        handle: (request) =>
          getOnly(request, async () => {
            const code = pathParameter(request.path);
            if (!code) return badPath('/{enterpriseCode}');
            const enterprise = await records.enterprise(code);
            return { status: 200, body: enterprise, dataSubjects: enterpriseSubjects(enterprise) };
          }),
      },
    ],
    events: [],
  };

  const land: LocalProvider = {
    memberClass: 'GOV',
    memberCode: 'G10',
    memberName: 'Bộ Nông nghiệp và Môi trường',
    subsystem: 'land-registry',
    subsystemName: 'Cơ sở dữ liệu quốc gia về đất đai',
    services: [
      {
        code: 'parcel',
        title: { vi: 'Tra cứu thửa đất', en: 'Land parcel' },
        openapi: openapi('Land registry: parcel', '', [queryParam('commune', 'Mã xã (5 digits)'), queryParam('sheet', 'Số tờ bản đồ', 'integer'), queryParam('parcel', 'Số thửa', 'integer')], RegistryParcelView),
        personalData: true,
        handle: (request) =>
          getOnly(request, async () => {
            const { commune, sheet, parcel } = request.query;
            if (request.path !== '' || !commune || !sheet || !parcel || !/^\d{1,9}$/.test(sheet) || !/^\d{1,9}$/.test(parcel)) {
              return problem(400, 'registries.invalid_parcel', 'Thửa đất cần mã xã, số tờ bản đồ và số thửa (commune, sheet, parcel).', 'A parcel needs commune, sheet and parcel query parameters.');
            }
            const parcels = await records.parcels({ communeCode: commune, mapSheet: Number(sheet), parcelNumber: Number(parcel) });
            return { status: 200, body: parcels[0], dataSubjects: parcelSubjects(parcels) };
          }),
      },
      {
        code: 'parcels-by-holder',
        title: { vi: 'Các thửa đất của người sử dụng đất', en: 'Parcels held by a person' },
        openapi: openapi('Land registry: parcels by holder', '/{personalId}', [pathParam('personalId', 'Số định danh cá nhân of the land user')], z.array(RegistryParcelView)),
        personalData: true,
        handle: (request) =>
          getOnly(request, async () => {
            const holder = pathParameter(request.path);
            if (!holder) return badPath('/{personalId}');
            const parcels = await records.parcels({ holder });
            return { status: 200, body: parcels, dataSubjects: holderSubjects(holder, parcels) };
          }),
      },
    ],
    events: [],
  };

  return [population, businesses, land];
}
