import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES, type createDossiersModule } from './index.ts';
import { multipartBody, SMALL_PDF } from './testing/fixtures.ts';

// The e-data store: a returned dossier's result lands in its owner's store (once, even when the event
// is delivered twice), the owner lists it, attaches it to a later draft by reference (checked like an
// upload), and files the draft with it; nobody else sees or uses it.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
let t: TestApp & { base: string };
const tokens = new Map<string, string>();
const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193');
const EXTRACT = DEMO_SERVICES.find((s) => s.procedureCode === '2.000635');
let n = 3100;
const person = (label: string) => {
  const r = syntheticResident(n++);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Ds6-${label}-pass-Kq8w-Zr` };
};
const auth = (name: string) => ({ authorization: `Bearer ${tokens.get(name) ?? ''}` });

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<DossiersService>(t, 'dossiers');
  for (const definition of DEMO_SERVICES) await dossiers.enableService('platform', definition);
  tokens.set('owner', (await signedInActor(t, person('owner'), { verify: true })).token);
  tokens.set('other', (await signedInActor(t, person('other'), { verify: true })).token);
  const service = BIRTH;
  assert.ok(service);
  tokens.set('receptionist', (await signedInActor(t, person('reception'), { post: { agencyCode: service.agencyCode, unitCode: null, roles: ['receptionist'] } })).token);
  tokens.set('handler', (await signedInActor(t, person('handler'), { post: { agencyCode: service.competentAgencyCode, unitCode: service.handlingUnitCode.startsWith(`${service.competentAgencyCode}.`) ? service.handlingUnitCode : null, roles: ['handler'] } })).token);
  tokens.set('leader', (await signedInActor(t, person('leader'), { post: { agencyCode: service.competentAgencyCode, unitCode: null, roles: ['leader'] } })).token);
});
after(async () => t.close());

/** Files a birth registration as the owner and walks it to the returned result. */
async function returnedDossier(): Promise<string> {
  assert.ok(BIRTH);
  const files = BIRTH.documents.filter((d) => d.requirement === 'mandatory').map((d) => ({ field: d.code, name: `${d.code}.pdf`, bytes: SMALL_PDF }));
  const body = multipartBody({ agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: DEMO_FORM_SAMPLES[BIRTH.procedureCode] }, files);
  const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...auth('owner'), 'content-type': body.contentType }, payload: body.payload });
  assert.equal(filed.statusCode, 201, filed.body);
  const code = filed.json<{ code: string }>().code;
  const act = async (who: string, action: string) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions/${action}`, headers: auth(who), payload: {} });
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
  };
  await act('receptionist', 'receive');
  await act('receptionist', 'forward');
  await act('handler', 'propose');
  const upload = multipartBody(null, [{ field: 'result', name: 'giay-khai-sinh.pdf', bytes: SMALL_PDF }]);
  const attached = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${code}/result`, headers: { ...auth('handler'), 'content-type': upload.contentType }, payload: upload.payload });
  assert.equal(attached.statusCode, 200, attached.body);
  const approved = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/decision`, headers: auth('leader'), payload: { decision: 'approve' } });
  assert.equal(approved.statusCode, 200, approved.body);
  await act('receptionist', 'return_result');
  return code;
}

type Item = { id: string; ownerId: string; dossierCode: string; procedureName: string; storedName: string; mediaType: string };

describe('e-data store (kho dữ liệu điện tử)', () => {
  let code = '';
  let item: Item | undefined;

  it('keeps the result of a returned dossier in its owner’s store, once', async () => {
    code = await returnedDossier();
    await t.worker.drain();
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-store', headers: auth('owner') });
    assert.equal(listed.statusCode, 200, listed.body);
    const items = listed.json<Item[]>().filter((i) => i.dossierCode === code);
    assert.equal(items.length, 1);
    item = items[0];
    assert.equal(item?.mediaType, 'application/pdf');
    assert.equal(item?.procedureName, BIRTH?.name);
    // A redelivered event (at least once) stores nothing twice.
    await t.db.database.db.execute(sql`update kernel.event_delivery set status = 'pending', available_at = now() where consumer = 'dossiers.data-store'`);
    await t.worker.drain();
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-store', headers: auth('owner') });
    assert.equal(again.json<Item[]>().filter((i) => i.dossierCode === code).length, 1);
  });

  it('is private: another citizen sees nothing and cannot attach the item', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-store', headers: auth('other') });
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json(), []);
    const asked = await t.app.inject({ method: 'GET', url: `/api/v1/me/data-store?owner=${item?.ownerId ?? ''}`, headers: auth('other') });
    assert.deepEqual(asked.json(), []);
    assert.ok(EXTRACT);
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: auth('other'), payload: { agencyCode: EXTRACT.agencyCode, procedureCode: EXTRACT.procedureCode, formData: {} } });
    assert.equal(draft.statusCode, 201, draft.body);
    const documentCode = EXTRACT.documents[0]?.code ?? '';
    const stolen = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draft.json<{ id: string }>().id}/attachments/from-store`, headers: auth('other'), payload: { documentCode, itemId: item?.id } });
    assert.equal(stolen.statusCode, 404);
    assert.equal(stolen.json<{ code: string }>().code, 'dossiers.store_item_not_found');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-store' });
    assert.equal(anonymous.statusCode, 401);
  });

  it('attaches a stored result to a later draft by reference, checked like an upload, and files it', async () => {
    assert.ok(EXTRACT && item);
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: auth('owner'), payload: { agencyCode: EXTRACT.agencyCode, procedureCode: EXTRACT.procedureCode, formData: DEMO_FORM_SAMPLES[EXTRACT.procedureCode] } });
    const draftId = draft.json<{ id: string }>().id;
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draftId}/attachments/from-store`, headers: auth('owner'), payload: { documentCode: 'not-a-document', itemId: item.id } });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json<{ code: string }>().code, 'dossiers.unknown_document');
    const malformed = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draftId}/attachments/from-store`, headers: auth('owner'), payload: { documentCode: 'x', itemId: 'not-a-uuid' } });
    assert.equal(malformed.statusCode, 400);
    const pdfDocuments = EXTRACT.documents.filter((d) => d.accepted.includes('pdf'));
    assert.ok(pdfDocuments.length > 0);
    for (const document of pdfDocuments) {
      const attached: { statusCode: number; body: string; json: <T>() => T } = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draftId}/attachments/from-store`, headers: auth('owner'), payload: { documentCode: document.code, itemId: item.id } });
      assert.equal(attached.statusCode, 200, attached.body);
      const files = attached.json<{ attachments: { documentCode: string; storeItemId?: string | null; storedName: string }[] }>().attachments;
      assert.ok(files.some((f) => f.documentCode === document.code && f.storeItemId === item?.id && f.storedName === item?.storedName));
    }
    const filed = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draftId}/submit`, headers: { ...auth('owner'), 'idempotency-key': 'store-reuse-0001' } });
    assert.equal(filed.statusCode, 201, filed.body);
    const reused = await t.db.database.db.execute<{ n: string }>(sql`select count(*) as n from dossiers.attachment a join dossiers.dossier d on d.id = a.dossier_id where d.code = ${filed.json<{ code: string }>().code} and a.store_item_id = ${item.id}`);
    assert.equal(Number(reused[0]?.n), pdfDocuments.length, 'the filed dossier remembers which files came from the store');
  });
});
