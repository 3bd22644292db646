import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { outboxEvent } from '../../kernel/events/outbox.schema.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import type { createIdentityModule } from '../identity/index.ts';
import { PERSON_MOVED, registryProviders, syntheticBusiness, syntheticParcel, syntheticPerson, type LocalProvider, type ProviderRequest, type RegistryRecords } from './index.ts';

// The registries' own API as agency systems call it (client credentials), and the providers the
// exchange gateway serves, on the test template's synthetic registries (20,000 persons).

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
let t: TestApp & { base: string };
let providers: LocalProvider[];
const tokens: Record<string, string> = {};
const PURPOSE = 'Thẩm định hồ sơ đăng ký thường trú';

async function clientToken(clientId: string, permissions: ('registries:read' | 'registries:manage' | 'dossiers:read')[]): Promise<string> {
  const identity = moduleService<IdentityService>(t, 'identity');
  const client = await identity.registerClient({ clientId, name: clientId, agencyCode: 'H29', kind: 'agency_system', permissions });
  const response = await fetch(`${t.base}/oidc/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${client.clientSecret ?? ''}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call(who: string | undefined, method: 'GET' | 'POST', url: string, body?: object) {
  const response = await t.app.inject({ method, url, headers: { ...(who ? { authorization: `Bearer ${tokens[who] ?? ''}` } : {}), 'x-road-purpose': encodeURIComponent(PURPOSE) }, ...(body ? { payload: body } : {}) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

before(async () => {
  t = await createListeningTestApp();
  tokens.reader = await clientToken('registry-reader', ['registries:read']);
  tokens.residence = await clientToken('residence-system', ['registries:manage']);
  tokens.other = await clientToken('other-system', ['dossiers:read']);
  providers = registryProviders(moduleService<{ records: RegistryRecords }>(t, 'registries').records);
});
after(async () => t.close());

/** How many data-tracker entries a person has. */
async function trackedFor(personalId: string): Promise<number> {
  const [row] = await t.db.database.db.execute<{ n: string }>(sql`select count(*) as n from tracker.data_access where subject_personal_id = ${personalId}`);
  return Number(row?.n ?? 0);
}

// A child of a generated family (both parents known), and the family's father.
const child = syntheticPerson(10_003);
const father = syntheticPerson(10_001);

describe('GET /api/v1/registries/population/persons/:personalId', () => {
  it('answers the person with residences, household and parents', async () => {
    const { status, body } = await call('reader', 'GET', `/api/v1/registries/population/persons/${child.personalId}`);
    assert.equal(status, 200);
    assert.deepEqual({ ...body, updatedAt: undefined }, {
      personalId: child.personalId,
      fullName: child.fullName,
      birthDate: child.birthDate,
      sex: child.sex,
      permanentResidence: { communeCode: child.permanentCommuneCode, address: child.permanentAddress },
      temporaryResidence: child.temporaryCommuneCode ? { communeCode: child.temporaryCommuneCode, address: child.temporaryAddress } : null,
      householdId: child.householdId,
      fatherId: father.personalId,
      motherId: syntheticPerson(10_002).personalId,
      updatedAt: undefined,
    });
  });

  const cases: [string, string, number, string | undefined][] = [
    ['malformed ID', '12345', 400, 'registries.invalid_personal_id'],
    ['not a province of birth', '999203001234', 400, 'registries.invalid_personal_id'],
    ['well formed, nobody', '001099000000', 404, 'registries.person_not_found'],
  ];
  for (const [name, id, status, code] of cases) {
    it(`${name}: ${status}`, async () => {
      const answer = await call('reader', 'GET', `/api/v1/registries/population/persons/${id}`);
      assert.equal(answer.status, status);
      assert.equal(answer.body.code, code);
    });
  }

  it('needs a stated purpose (no personal ID in it, none in the case reference) before it reads anything', async () => {
    const url = `/api/v1/registries/population/persons/${child.personalId}`;
    const before = await trackedFor(child.personalId);
    const cases: [string, Record<string, string>, string][] = [
      ['no purpose', {}, 'registries.purpose_required'],
      ['an empty purpose', { 'x-road-purpose': '%20' }, 'registries.purpose_required'],
      ['a malformed encoding', { 'x-road-purpose': '%E0%A4%A' }, 'registries.purpose_required'],
      ['a personal ID in the purpose', { 'x-road-purpose': encodeURIComponent(`tra cứu ${father.personalId}`) }, 'registries.purpose_required'],
      ['a personal ID in the case reference', { 'x-road-purpose': 'kiem-tra', 'x-road-issue': `HS-${father.personalId}` }, 'registries.invalid_issue'],
      ['an over-long acting user', { 'x-road-purpose': 'kiem-tra', 'x-road-userid': 'u'.repeat(201) }, 'registries.invalid_user_id'],
      ['an acting user with a line break', { 'x-road-purpose': 'kiem-tra', 'x-road-userid': 'can\tbo' }, 'registries.invalid_user_id'],
    ];
    for (const [name, headers, code] of cases) {
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.reader ?? ''}`, ...headers } });
      assert.equal(response.statusCode, 400, name);
      assert.equal(response.json<{ code: string }>().code, code, name);
    }
    assert.equal(await trackedFor(child.personalId), before, 'a refused read is not a read');
  });

  it('records the read in the data tracker of the person and of the parents it names (channel direct)', async () => {
    const before = await Promise.all([child.personalId, father.personalId].map(trackedFor));
    const answer = await t.app.inject({ method: 'GET', url: `/api/v1/registries/population/persons/${child.personalId}`, headers: { authorization: `Bearer ${tokens.reader ?? ''}`, 'x-road-purpose': encodeURIComponent(PURPOSE), 'x-road-issue': 'HS-2026-001' } });
    assert.equal(answer.statusCode, 200);
    const after = await Promise.all([child.personalId, father.personalId].map(trackedFor));
    assert.deepEqual(after, before.map((n) => n + 1));
    const [row] = await t.db.database.db.execute<{ channel: string; purpose: string; reference: string; accessor_id: string; service: string }>(
      sql`select channel, purpose, reference, accessor_id, service from tracker.data_access where subject_personal_id = ${child.personalId} order by recorded_at desc limit 1`,
    );
    assert.deepEqual(row, { channel: 'direct', purpose: PURPOSE, reference: 'HS-2026-001', accessor_id: 'registry-reader', service: 'registries/population/person' });
  });

  it('refuses a client without registries:read (403) and nobody (401)', async () => {
    assert.equal((await call('other', 'GET', `/api/v1/registries/population/persons/${child.personalId}`)).status, 403);
    assert.equal((await call(undefined, 'GET', `/api/v1/registries/population/persons/${child.personalId}`)).status, 401);
  });
});

describe('households, enterprises, parcels', () => {
  it('a household lists its members, the head marked', async () => {
    const { status, body } = await call('reader', 'GET', `/api/v1/registries/population/households/${father.householdId}`);
    assert.equal(status, 200);
    const members = body.members as { personalId: string; head: boolean }[];
    assert.equal(members.length, 5);
    assert.deepEqual(members.filter((m) => m.head).map((m) => m.personalId), [father.personalId]);
    assert.equal((await call('reader', 'GET', '/api/v1/registries/population/households/HGD999999999')).status, 404);
    assert.equal((await call('reader', 'GET', '/api/v1/registries/population/households/nope')).body.code, 'registries.invalid_household_id');
  });

  it('an enterprise by code or branch code; a bad check digit is a 400', async () => {
    const e = syntheticBusiness(7);
    const { status, body } = await call('reader', 'GET', `/api/v1/registries/enterprises/${e.enterpriseCode}-002`);
    assert.equal(status, 200);
    assert.equal(body.name, e.name);
    assert.deepEqual(body.legalRepresentative, { personalId: e.legalRepresentativeId, fullName: e.legalRepresentativeName });
    const wrongCheck = e.enterpriseCode.slice(0, 9) + String((Number(e.enterpriseCode[9]) + 1) % 10);
    assert.equal((await call('reader', 'GET', `/api/v1/registries/enterprises/${wrongCheck}`)).body.code, 'registries.invalid_enterprise_code');
    assert.equal((await call('reader', 'GET', '/api/v1/registries/enterprises/9900000016')).status, 404);
  });

  it('a parcel by commune, sheet and number, and the parcels of a holder', async () => {
    const parcel = syntheticParcel(3_500);
    const one = await call('reader', 'GET', `/api/v1/registries/land/parcels?commune=${parcel.communeCode}&sheet=${parcel.mapSheet}&parcel=${parcel.parcelNumber}`);
    assert.equal(one.status, 200);
    assert.deepEqual((one.body as unknown as { certificateNumber: string; holderIds: string[] }[]).map((p) => [p.certificateNumber, p.holderIds]), [[parcel.certificateNumber, parcel.holderIds]]);
    const holder = parcel.holderIds[0] ?? assert.fail();
    const held = await call('reader', 'GET', `/api/v1/registries/land/parcels?holder=${holder}`);
    assert.equal(held.status, 200);
    assert.ok((held.body as unknown as { certificateNumber: string }[]).some((p) => p.certificateNumber === parcel.certificateNumber));
    assert.equal((await call('reader', 'GET', `/api/v1/registries/land/parcels?commune=${parcel.communeCode}&sheet=999999&parcel=1`)).body.code, 'registries.parcel_not_found');
    assert.equal((await call('reader', 'GET', '/api/v1/registries/land/parcels?commune=1&sheet=1&parcel=1')).status, 400);
    assert.equal((await call('reader', 'GET', `/api/v1/registries/land/parcels?commune=${parcel.communeCode}&sheet=3000000000&parcel=1`)).status, 400, 'beyond the columns: a 400, not a 500');
  });
});

describe('POST …/persons/:personalId/residence-moves', () => {
  const move = { communeCode: '31135', address: 'Số 9, tổ dân phố 2', movedOn: '2026-11-30' };

  it('moves the person to a new household in the same transaction as the registries.person.moved event', async () => {
    const answer = await call('residence', 'POST', `/api/v1/registries/population/persons/${father.personalId}/residence-moves`, move);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(answer.body.fromCommuneCode, father.permanentCommuneCode);
    assert.equal(answer.body.toCommuneCode, '31135');
    const events = await t.db.database.db.select().from(outboxEvent).where(eq(outboxEvent.topic, PERSON_MOVED));
    assert.deepEqual(events.map((e) => e.payload), [answer.body]);
    assert.equal(events[0]?.aggregateId, father.personalId);

    const person = await call('reader', 'GET', `/api/v1/registries/population/persons/${father.personalId}`);
    assert.deepEqual(person.body.permanentResidence, { communeCode: '31135', address: move.address });
    const mine = await call('reader', 'GET', `/api/v1/registries/population/households/${String(answer.body.householdId)}`);
    assert.deepEqual((mine.body.members as { personalId: string }[]).map((m) => m.personalId), [father.personalId]);
    // The family's household keeps the others, headed now by its eldest remaining member (the mother or father's elder).
    const left = await call('reader', 'GET', `/api/v1/registries/population/households/${father.householdId}`);
    const members = left.body.members as { personalId: string; birthDate: string; head: boolean }[];
    assert.equal(members.length, 4);
    assert.equal(left.body.headPersonalId, [...members].sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0]?.personalId);
  });

  it('keeps every household headed by one of its members when a whole family moves out at once', async () => {
    const family = Array.from({ length: 5 }, (_v, i) => syntheticPerson(10_011 + i));
    assert.equal(new Set(family.map((p) => p.householdId)).size, 1, 'one household');
    const moves = await Promise.all(family.map((p, i) => call('residence', 'POST', `/api/v1/registries/population/persons/${p.personalId}/residence-moves`, { ...move, address: `Số ${20 + i}, tổ dân phố 3` })));
    assert.deepEqual(moves.map((m) => m.status), [201, 201, 201, 201, 201]);
    const orphaned = await t.db.database.db.execute(sql`
      select h.id from registries.household h
       where not exists (select 1 from registries.person p where p.household_id = h.id and p.personal_id = h.head_personal_id)`);
    assert.deepEqual([...orphaned], [], 'no household is headed by someone who left it');
    assert.equal((await call('reader', 'GET', `/api/v1/registries/population/households/${family[0]?.householdId ?? ''}`)).status, 404, 'the emptied household is gone');
  });

  it('refuses the same residence again (409), a bad commune (400), and callers without registries:manage', async () => {
    assert.equal((await call('residence', 'POST', `/api/v1/registries/population/persons/${father.personalId}/residence-moves`, move)).body.code, 'registries.same_residence');
    assert.equal((await call('residence', 'POST', `/api/v1/registries/population/persons/${father.personalId}/residence-moves`, { ...move, communeCode: '3113' })).status, 400);
    assert.equal((await call('residence', 'POST', '/api/v1/registries/population/persons/001099000000/residence-moves', move)).status, 404);
    assert.equal((await call('reader', 'POST', `/api/v1/registries/population/persons/${child.personalId}/residence-moves`, move)).status, 403);
  });
});

describe('registryProviders (the gateway side)', () => {
  const request = (path: string, query: Record<string, string> = {}, method = 'GET'): ProviderRequest => ({ method, path, query, body: null, userId: null, purpose: 'test', messageId: 'm1' });
  const service = (subsystem: string, code: string) => providers.find((p) => p.subsystem === subsystem)?.services.find((s) => s.code === code) ?? assert.fail(`${subsystem}/${code}`);

  it('describes three GOV members with OpenAPI 3.1 services and the person-moved event', () => {
    assert.deepEqual(providers.map((p) => [p.memberClass, p.memberCode, p.subsystem, p.services.map((s) => s.code)]), [
      ['GOV', 'G01', 'population-registry', ['person', 'household']],
      ['GOV', 'G12', 'business-registry', ['enterprise']],
      ['GOV', 'G10', 'land-registry', ['parcel', 'parcels-by-holder']],
    ]);
    const [moved, ...none] = providers[0]?.events ?? [];
    assert.deepEqual([moved?.code, moved?.topic, moved?.title, none], ['person-moved', 'registries.person.moved', { vi: 'Công dân thay đổi nơi thường trú', en: 'A person moved permanent residence' }, []]);
    // Its events name the person who moved: subscribers' deliveries go into that person's data tracker.
    assert.deepEqual(moved?.dataSubjects?.({ personalId: child.personalId, fromCommuneCode: '25747', toCommuneCode: '31135' }), [{ personalId: child.personalId, data: 'Thay đổi nơi thường trú: xã nơi đi, xã nơi đến, hộ' }]);
    assert.deepEqual(moved?.dataSubjects?.({}), []);
    for (const s of providers.flatMap((p) => p.services)) assert.equal(s.openapi.openapi, '3.1.0');
  });

  it('person: found, with the person and parents as data subjects; not found; bad input', async () => {
    const found = await service('population-registry', 'person').handle(request(`/${child.personalId}`));
    assert.equal(found.status, 200);
    assert.equal((found.body as { fullName: string }).fullName, child.fullName);
    assert.deepEqual(found.dataSubjects?.map((s) => s.personalId), [child.personalId, child.fatherId, child.motherId]);
    const missing = await service('population-registry', 'person').handle(request('/001099000000'));
    assert.deepEqual([missing.status, (missing.body as { code: string }).code], [404, 'registries.person_not_found']);
    const bad = await service('population-registry', 'person').handle(request('/12'));
    assert.deepEqual(bad.body, { code: 'registries.invalid_personal_id', messages: { vi: 'Số định danh cá nhân không đúng cấu trúc (12 chữ số).', en: 'The personal ID is not well formed (12 digits).' } });
    assert.equal((await service('population-registry', 'person').handle(request(''))).status, 400);
    assert.equal((await service('population-registry', 'person').handle(request(`/${child.personalId}`, {}, 'POST'))).status, 405);
  });

  it('household, enterprise, parcel and parcels-by-holder answer with their data subjects', async () => {
    const household = await service('population-registry', 'household').handle(request(`/${syntheticPerson(10_006).householdId}`));
    assert.equal(household.dataSubjects?.length, 5);
    const e = syntheticBusiness(3);
    const enterprise = await service('business-registry', 'enterprise').handle(request(`/${e.enterpriseCode}`));
    assert.deepEqual([enterprise.status, enterprise.dataSubjects?.map((s) => s.personalId)], [200, [e.legalRepresentativeId]]);
    assert.equal((await service('business-registry', 'enterprise').handle(request('/0000000000'))).status, 400);
    const p = syntheticParcel(4_000);
    const parcel = await service('land-registry', 'parcel').handle(request('', { commune: p.communeCode, sheet: String(p.mapSheet), parcel: String(p.parcelNumber) }));
    assert.deepEqual([parcel.status, parcel.dataSubjects?.map((s) => s.personalId)], [200, p.holderIds]);
    assert.equal((await service('land-registry', 'parcel').handle(request('', { commune: p.communeCode }))).status, 400);
    const byHolder = await service('land-registry', 'parcels-by-holder').handle(request(`/${p.holderIds[0] ?? ''}`));
    assert.equal(byHolder.status, 200);
    assert.equal(byHolder.dataSubjects?.[0]?.personalId, p.holderIds[0]);
    assert.equal((await service('land-registry', 'parcels-by-holder').handle(request('/x'))).status, 400);
  });
});
