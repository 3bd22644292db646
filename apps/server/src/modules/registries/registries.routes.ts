import { RegistryEnterpriseView, RegistryHouseholdView, RegistryParcelQuery, RegistryParcelView, RegistryPersonView, RegistryResidenceMove, RegistryResidenceMoved } from '@congso/contracts';
import { z } from 'zod';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import { mentionsPersonalId, type DataAccessRecorder } from '../../kernel/data-access.ts';
import type { Executor } from '../../kernel/db/database.ts';
import { XROAD_HEADER_TEXT } from '../../kernel/exchange-provider.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { App } from '../../kernel/http/types.ts';
import { enterpriseSubjects, holderSubjects, householdSubjects, parcelSubjects, personSubjects, type DataSubject } from './data-subjects.ts';
import type { RegistryRecords } from './registry-records.ts';

// The registries' own API for agency systems (OAuth2 client credentials): the direct connection that
// Decree 47/2020 Art. 46 allows only where the exchange platform cannot serve. Like the gateway, a read
// of personal data states its purpose (header X-Road-Purpose, percent-encoded UTF-8) and is recorded
// in the data subjects' tracker (channel `direct`) before the answer leaves. Personal IDs travel in the
// path or query: the request log masks 12-digit numbers in URLs.
const tags = ['registries'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView };
const READ = { access: { permission: 'registries:read' } } as const;

type Deps = { records: RegistryRecords; recorder: DataAccessRecorder; db: Executor; now: () => Date };
type Headers = Record<string, string | string[] | undefined>;
type DirectCaller = { subject: string; agencyCode?: string };

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** The purpose stated by the caller (required before any personal data is read). */
function purposeOf(headers: Headers): string {
  const raw = header(headers, 'x-road-purpose');
  let purpose: string | undefined;
  try {
    purpose = raw === undefined ? undefined : decodeURIComponent(raw).trim();
  } catch {
    purpose = undefined;
  }
  // A personal ID in the purpose would copy personal data into the tracker (and show it to others).
  if (!purpose || purpose.length > 500 || mentionsPersonalId(purpose)) {
    throw new DomainError('invalid', 'registries.purpose_required', { vi: 'Cần nêu mục đích khai thác dữ liệu cá nhân (tiêu đề X-Road-Purpose, mã hóa phần trăm UTF-8).', en: 'State the purpose of reading personal data (header X-Road-Purpose, percent-encoded UTF-8).' });
  }
  return purpose;
}

/** The caller's case reference, if any; never a personal ID (it is shown to the data subject). */
function referenceOf(headers: Headers): string | null {
  const issue = header(headers, 'x-road-issue');
  if (issue !== undefined && (issue.length > 200 || mentionsPersonalId(issue))) {
    throw new DomainError('invalid', 'registries.invalid_issue', { vi: 'Mã hồ sơ, vụ việc (X-Road-Issue) tối đa 200 ký tự và không chứa số định danh cá nhân.', en: 'The case reference (X-Road-Issue) is at most 200 characters and holds no personal ID.' });
  }
  return issue ?? null;
}

/** The person acting inside the calling system, if named: printable ASCII, as the gateway accepts it. */
function userIdOf(headers: Headers): string | null {
  const userId = header(headers, 'x-road-userid');
  if (userId !== undefined && !XROAD_HEADER_TEXT.test(userId)) {
    throw new DomainError('invalid', 'registries.invalid_user_id', { vi: 'Người thực hiện (X-Road-UserId) gồm 1–200 ký tự ASCII in được.', en: 'The acting user (X-Road-UserId) is 1–200 printable ASCII characters.' });
  }
  return userId ?? null;
}

export function registriesRoutes(deps: Deps) {
  const { records } = deps;
  /** Reads with a stated purpose, and records each disclosed person before the answer is returned. */
  async function disclosed<T>(request: { headers: Headers; actor?: unknown }, service: string, read: () => Promise<T>, subjects: (answer: T) => DataSubject[]): Promise<T> {
    const purpose = purposeOf(request.headers);
    const reference = referenceOf(request.headers);
    const userId = userIdOf(request.headers);
    const answer = await read();
    const caller = request.actor as DirectCaller;
    const occurredAt = deps.now();
    await deps.recorder.record(
      deps.db,
      subjects(answer).map((subject) => ({
        subjectPersonalId: subject.personalId,
        channel: 'direct',
        accessorKind: 'system',
        accessorId: caller.subject,
        accessorName: `Hệ thống thông tin ${caller.subject}`,
        agencyCode: caller.agencyCode ?? caller.subject,
        userId,
        data: subject.data,
        service: `registries/${service}`,
        purpose,
        reference,
        occurredAt,
        hiddenUntil: null,
      })),
    );
    return answer;
  }

  return (app: App) => {
    app.get(
      '/api/v1/registries/population/persons/:personalId',
      { config: READ, schema: { tags, security, summary: 'A person in the population registry (CSDLQG về dân cư)', params: z.object({ personalId: z.string().max(40) }), response: { 200: RegistryPersonView, ...responses } } },
      async (request) => disclosed(request, 'population/person', () => records.person(request.params.personalId), personSubjects),
    );

    app.get(
      '/api/v1/registries/population/households/:householdId',
      { config: READ, schema: { tags, security, summary: 'A household and its members', params: z.object({ householdId: z.string().max(60) }), response: { 200: RegistryHouseholdView, ...responses } } },
      async (request) => disclosed(request, 'population/household', () => records.household(request.params.householdId), householdSubjects),
    );

    app.post(
      '/api/v1/registries/population/persons/:personalId/residence-moves',
      {
        config: { access: { permission: 'registries:manage' } },
        schema: { tags, security, summary: 'Register a new permanent residence (đăng ký thường trú); emits registries.person.moved', params: z.object({ personalId: z.string().max(40) }), body: RegistryResidenceMove, response: { 201: RegistryResidenceMoved, ...responses, 409: ProblemView } },
      },
      async (request, reply) => {
        const moved = await records.moveResidence(request.params.personalId, request.body, String(request.id));
        return reply.code(201).send(moved);
      },
    );

    app.get(
      '/api/v1/registries/enterprises/:code',
      { config: READ, schema: { tags, security, summary: 'An enterprise in the business registry (a branch code answers its parent)', params: z.object({ code: z.string().max(20) }), response: { 200: RegistryEnterpriseView, ...responses } } },
      async (request) => disclosed(request, 'business/enterprise', () => records.enterprise(request.params.code), enterpriseSubjects),
    );

    app.get(
      '/api/v1/registries/land/parcels',
      { config: READ, schema: { tags, security, summary: 'Land parcels: one by commune, map sheet and parcel number, or those of a holder', querystring: RegistryParcelQuery, response: { 200: z.array(RegistryParcelView), ...responses } } },
      async (request) => {
        const query = request.query;
        if ('holder' in query) return disclosed(request, 'land/parcels-by-holder', () => records.parcels({ holder: query.holder }), (parcels) => holderSubjects(query.holder, parcels));
        return disclosed(request, 'land/parcel', () => records.parcels({ communeCode: query.commune, mapSheet: query.sheet, parcelNumber: query.parcel }), parcelSubjects);
      },
    );
  };
}
