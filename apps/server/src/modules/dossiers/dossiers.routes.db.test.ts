import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import type { createDossiersModule } from './index.ts';
import { multipartBody, SMALL_PDF, TEST_SERVICE_DEFINITION, TEST_SERVICE_WITH_DOCUMENTS } from './testing/fixtures.ts';

// The dossier API over real tokens: filing with idempotency, reading by who may, the lifecycle
// through reception, handling and a leader's decision, the audit chain, public tracking.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
let t: TestApp & { base: string };
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const person = (n: number, label: string) => {
  const r = syntheticResident(n);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Ds7-${label}-pass-Qm4x-Vt` };
};
const applicant = person(33, 'applicant');
const other = person(44, 'other');

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<DossiersService>(t, 'dossiers');
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000a1', agencyCode: 'H29.25747.01', procedureCode: '1.001193', definition: TEST_SERVICE_DEFINITION, enabled: true });
  // Received at the ward centre, decided by another agency (as residence registration is by the police).
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000a2', agencyCode: 'H29.25747.01', procedureCode: '1.004222', definition: { ...TEST_SERVICE_DEFINITION, name: 'Đăng ký thường trú', competentAgencyCode: 'H29.15', handlingUnitCode: 'H29.15.01' }, enabled: true });
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000a3', agencyCode: 'H29.25747.01', procedureCode: '2.000635', definition: TEST_SERVICE_WITH_DOCUMENTS, enabled: true });
  const filer = await signedInActor(t, applicant, { verify: true });
  tokens.applicant = filer.token;
  ids.applicant = filer.accountId;
  tokens.other = (await signedInActor(t, other)).token;
  tokens.receptionist = (await signedInActor(t, person(55, 'reception'), { post: { agencyCode: 'H29.25747.01', unitCode: null, roles: ['receptionist'] } })).token;
  // The handling unit (UBND phường) is where the handler and the leader work.
  const handler = await signedInActor(t, person(66, 'handler'), { post: { agencyCode: 'H29.25747.01', unitCode: null, roles: ['handler'] } });
  tokens.handler = handler.token;
  ids.handler = handler.accountId;
  tokens.leader = (await signedInActor(t, person(77, 'leader'), { post: { agencyCode: 'H29.25747.01', unitCode: null, roles: ['leader'] } })).token;
  tokens.otherAgency = (await signedInActor(t, person(88, 'elsewhere'), { post: { agencyCode: 'H29.15', unitCode: null, roles: ['receptionist', 'leader'] } })).token;
  tokens.competentHandler = (await signedInActor(t, person(99, 'competent'), { post: { agencyCode: 'H29.15', unitCode: 'H29.15.01', roles: ['handler'] } })).token;
});
after(async () => t.close());

const withFile = () => multipartBody({ agencyCode: 'H29.25747.01', procedureCode: '2.000635', formData: { childName: 'Bổ sung tệp', birthDate: '2026-11-01' } }, [{ field: 'to-khai-ky', name: 'to-khai.pdf', bytes: SMALL_PDF }]);
const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(who ? { authorization: `Bearer ${tokens[who] ?? ''}` } : {}), ...headers }, ...(payload ? { payload } : {}) });

const submission = (childName = 'Lê Minh Khang') => ({ agencyCode: 'H29.25747.01', procedureCode: '1.001193', formData: { childName, birthDate: '2026-11-01' } });

describe('filing a dossier', () => {
  it('files online, gives the code and the appointment, and emits dossiers.dossier.submitted', async () => {
    const response = await call('applicant', 'POST', '/api/v1/dossiers', submission(), { 'idempotency-key': 'khai-sinh-0001' });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<{ code: string; state: string; nationalStatus: number; dueDate: string; allowedActions: string[] }>();
    assert.match(body.code, /^H29\.25747\.01-\d{6}-\d{4}$/);
    assert.equal(body.state, 'submitted');
    assert.equal(body.nationalStatus, 1);
    assert.ok(body.dueDate);
    assert.deepEqual(body.allowedActions, ['withdraw']);
    const events = await t.db.database.db.execute<{ topic: string }>(sql`select topic from kernel.outbox_event where topic like 'dossiers.%'`);
    assert.ok(events.some((e) => e.topic === 'dossiers.dossier.submitted'));
  });

  it('answers a replay of the same key and body with the same dossier, and a different body with 409', async () => {
    const first = await call('applicant', 'POST', '/api/v1/dossiers', submission('Phạm Gia Huy'), { 'idempotency-key': 'khai-sinh-0002' });
    const again = await call('applicant', 'POST', '/api/v1/dossiers', submission('Phạm Gia Huy'), { 'idempotency-key': 'khai-sinh-0002' });
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ code: string }>().code, first.json<{ code: string }>().code);
    const changed = await call('applicant', 'POST', '/api/v1/dossiers', submission('Tên khác'), { 'idempotency-key': 'khai-sinh-0002' });
    assert.equal(changed.statusCode, 409);
    assert.equal(changed.json<{ code: string }>().code, 'dossiers.idempotency_key_reused');
  });

  it('creates one dossier for 20 concurrent filings with the same Idempotency-Key', async () => {
    const before = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier`);
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('applicant', 'POST', '/api/v1/dossiers', submission('Ngô Gia Hân'), { 'idempotency-key': 'khai-sinh-race-01' })));
    const codes = new Set(answers.map((a) => a.json<{ code: string }>().code));
    assert.equal(codes.size, 1, 'every answer names the same dossier');
    assert.deepEqual(answers.map((a) => a.statusCode).filter((s) => s === 201).length, 1, 'one created it, the others replayed it');
    const afterwards = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier`);
    assert.equal((afterwards[0]?.n ?? 0) - (before[0]?.n ?? 0), 1);
  });

  const bad: [string, object, number, string][] = [
    ['a form that breaks the schema', { ...submission(), formData: { childName: 'A', birthDate: '2026-13-40' } }, 400, 'dossiers.invalid_form'],
    ['an unknown field', { ...submission(), formData: { childName: 'Lê An', birthDate: '2026-11-01', extra: 1 } }, 400, 'dossiers.invalid_form'],
    ['a procedure the agency does not offer', { ...submission(), procedureCode: '1.000000' }, 404, 'dossiers.service_not_found'],
    ['filing for someone without a mandate', { ...submission(), onBehalfOf: '079203001234' }, 403, 'dossiers.no_mandate'],
  ];
  for (const [name, payload, status, code] of bad) {
    it(`refuses ${name}`, async () => {
      const response = await call('applicant', 'POST', '/api/v1/dossiers', payload);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json<{ code: string }>().code, code);
    });
  }

  it('refuses malformed JSON and a bad Idempotency-Key with 400, and writes nothing', async () => {
    const before = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier`);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.applicant ?? ''}`, 'content-type': 'application/json' }, payload: '{"agencyCode": ' });
    assert.equal(malformed.statusCode, 400);
    const badKey = await call('applicant', 'POST', '/api/v1/dossiers', submission(), { 'idempotency-key': 'x' });
    assert.equal(badKey.statusCode, 400);
    const afterwards = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier`);
    assert.deepEqual(afterwards, before);
  });
});

describe('filing with attachments (multipart)', () => {
  const withDocuments = { agencyCode: 'H29.25747.01', procedureCode: '2.000635', formData: { childName: 'Trần Bảo Anh', birthDate: '2026-11-01' } };
  const send = (body: { payload: Buffer; contentType: string }, key?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.applicant ?? ''}`, 'content-type': body.contentType, ...(key ? { 'idempotency-key': key } : {}) }, payload: body.payload });

  it('stores a checked file under its document, with a safe name, and replays idempotently', async () => {
    const body = multipartBody(withDocuments, [{ field: 'to-khai-ky', name: '../../Tờ khai đã ký.exe', bytes: SMALL_PDF }]);
    const first = await send(body, 'ban-sao-0001');
    assert.equal(first.statusCode, 201, first.body);
    const code = first.json<{ code: string }>().code;
    const rows = await t.db.database.db.execute<{ stored_name: string; media_type: string; size: number }>(sql`select stored_name, media_type, size from dossiers.attachment a join dossiers.dossier d on d.id = a.dossier_id where d.code = ${code}`);
    assert.deepEqual(rows.map((r) => [r.stored_name, r.media_type, r.size]), [['Tờ khai đã ký.pdf', 'application/pdf', SMALL_PDF.length]]);
    const again = await send(multipartBody(withDocuments, [{ field: 'to-khai-ky', name: 'x.pdf', bytes: SMALL_PDF }]), 'ban-sao-0001');
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ code: string }>().code, code);
  });

  const refusals: [string, () => { payload: Buffer; contentType: string }, string, string?][] = [
    ['a missing mandatory document', () => multipartBody(withDocuments, []), 'dossiers.missing_documents'],
    ['an executable disguised as a PDF', () => multipartBody(withDocuments, [{ field: 'to-khai-ky', name: 'to-khai.pdf', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) }]), 'dossiers.attachment_refused', 'executable'],
    ['a file over the document’s limit', () => multipartBody(withDocuments, [{ field: 'to-khai-ky', name: 'lon.pdf', bytes: Buffer.concat([SMALL_PDF, Buffer.alloc(1_100_000)]) }]), 'dossiers.attachment_refused', 'too_large'],
    ['a file for no listed document', () => multipartBody(withDocuments, [{ field: 'to-khai-ky', name: 'a.pdf', bytes: SMALL_PDF }, { field: 'khac', name: 'b.pdf', bytes: SMALL_PDF }]), 'dossiers.unknown_document'],
    ['a submission field that is not JSON', () => multipartBody('{"agencyCode":', [{ field: 'to-khai-ky', name: 'a.pdf', bytes: SMALL_PDF }]), 'request.invalid'],
  ];
  for (const [name, body, code, reason] of refusals) {
    it(`refuses ${name} with 400 and stores nothing`, async () => {
      const before = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.attachment`);
      const response = await send(body());
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json<{ code: string; reason?: string }>();
      assert.equal(problem.code, code);
      if (reason) assert.equal(problem.reason, reason);
      assert.deepEqual(await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.attachment`), before);
    });
  }

  it('refuses the same filing as JSON, since the mandatory document cannot come without a file', async () => {
    const response = await call('applicant', 'POST', '/api/v1/dossiers', withDocuments);
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code: string }>().code, 'dossiers.missing_documents');
  });
});

describe('supplementing with the documents asked for', () => {
  it('lets the applicant send the files with the supplement, checked like at filing; nobody else', async () => {
    const filing = withFile();
    // A body whose boundary is not the one announced is a bad request, not a server error.
    const mismatched = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.applicant ?? ''}`, 'content-type': withFile().contentType }, payload: filing.payload });
    assert.equal(mismatched.statusCode, 400, mismatched.body);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.applicant ?? ''}`, 'content-type': filing.contentType }, payload: filing.payload });
    assert.equal(filed.statusCode, 201, filed.body);
    const code = filed.json<{ code: string }>().code;
    const asked = await call('receptionist', 'POST', `/api/v1/dossiers/${code}/actions/request_supplement`, { reason: 'Tờ khai chưa có chữ ký' });
    assert.equal(asked.statusCode, 200, asked.body);
    const send = (who: string, bytes: Uint8Array) => {
      const body = multipartBody({ note: 'Gửi lại tờ khai có chữ ký' }, [{ field: 'to-khai-ky', name: 'to-khai-ky.pdf', bytes }]);
      return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/supplement`, headers: { authorization: `Bearer ${tokens[who] ?? ''}`, 'content-type': body.contentType }, payload: body.payload });
    };
    assert.equal((await send('other', SMALL_PDF)).statusCode, 404);
    const disguised = await send('applicant', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]));
    assert.equal(disguised.statusCode, 400);
    assert.equal(disguised.json<{ code: string }>().code, 'dossiers.attachment_refused');
    const done = await send('applicant', SMALL_PDF);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json<{ state: string }>().state, 'submitted');
    const files = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.attachment a join dossiers.dossier d on d.id = a.dossier_id where d.code = ${code}`);
    assert.equal(files[0]?.n, 2, 'the filing’s file and the supplement’s');
    const events = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.outbox_event where topic = 'dossiers.dossier.supplemented' and payload->>'code' = ${code}`);
    assert.equal(events[0]?.n, 1);
  });
});

describe('online services for the portal', () => {
  it('lists the services offered across agencies to anyone, optionally for one procedure', async () => {
    const all = await call(null, 'GET', '/api/v1/services');
    assert.equal(all.statusCode, 200, all.body);
    const offered = all.json<{ agencyCode: string; procedureCode: string; name: string; onlineLevel: string; workingDays: number }[]>();
    assert.ok(offered.some((s) => s.procedureCode === '1.004222' && s.agencyCode === 'H29.25747.01' && s.name === 'Đăng ký thường trú'));
    const one = (await call(null, 'GET', '/api/v1/services?procedureCode=2.000635')).json<{ procedureCode: string }[]>();
    assert.deepEqual([...new Set(one.map((s) => s.procedureCode))], ['2.000635']);
    assert.equal((await call(null, 'GET', '/api/v1/services?procedureCode=khong-hop-le')).statusCode, 400);
  });
});

describe('the lifecycle through the API', () => {
  it('receives, forwards, proposes, approves (leader) and returns; the audit chain verifies; tracking shows the timeline', async () => {
    const filed = (await call('applicant', 'POST', '/api/v1/dossiers', submission('Võ Thanh Tâm'))).json<{ code: string }>();
    const code = filed.code;
    const step = async (who: string, action: string, body: object = {}) => {
      const response = await call(who, 'POST', `/api/v1/dossiers/${code}/actions/${action}`, body);
      assert.equal(response.statusCode, 200, `${action} by ${who}: ${response.body}`);
      return response.json<{ state: string; nationalStatus: number }>();
    };
    assert.equal((await step('receptionist', 'receive')).nationalStatus, 2);
    // The handler may not receive: 403 without changing anything.
    const wrongRole = await call('handler', 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
    assert.equal(wrongRole.statusCode, 403);
    assert.equal((await step('receptionist', 'forward')).state, 'handling');
    assert.equal((await step('handler', 'propose')).state, 'awaiting_approval');
    const handlerDecides = await call('handler', 'POST', `/api/v1/dossiers/${code}/decision`, { decision: 'approve' });
    assert.equal(handlerDecides.statusCode, 403, 'only a leader decides');
    const decided = await call('leader', 'POST', `/api/v1/dossiers/${code}/decision`, { decision: 'approve' });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json<{ nationalStatus: number; punctuality: string }>().nationalStatus, 9);
    // An online applicant gets the result electronically: the file must be there first (Art. 20).
    const noFile = await call('receptionist', 'POST', `/api/v1/dossiers/${code}/actions/return_result`, {});
    assert.equal(noFile.statusCode, 409);
    assert.equal(noFile.json<{ code: string }>().code, 'dossiers.result_file_missing');
    const upload = (who: string, bytes: Uint8Array) => {
      const body = multipartBody(null, [{ field: 'result', name: 'Giấy khai sinh.pdf', bytes }]);
      return t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${code}/result`, headers: { authorization: `Bearer ${tokens[who] ?? ''}`, 'content-type': body.contentType }, payload: body.payload });
    };
    const offered = async (who: string) => (await call(who, 'GET', `/api/v1/dossiers/${code}`)).json<{ allowedActions: string[] }>().allowedActions;
    assert.ok((await offered('handler')).includes('attach_result'), 'the handler is offered the result upload');
    assert.ok(!(await offered('applicant')).includes('attach_result'), 'the applicant is not');
    assert.equal((await upload('applicant', SMALL_PDF)).statusCode, 403, 'the applicant does not issue results');
    assert.equal((await upload('handler', Buffer.from('MZ not a pdf'))).statusCode, 400);
    const attached = await upload('handler', SMALL_PDF);
    assert.equal(attached.statusCode, 200, attached.body);
    const result = attached.json<{ attachments: { id: string; kind: string; mediaType: string }[] }>().attachments.find((a) => a.kind === 'result');
    assert.equal(result?.mediaType, 'application/pdf');
    const events = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.outbox_event where topic = 'dossiers.dossier.result_attached' and payload->>'code' = ${code}`);
    assert.equal(events[0]?.n, 1, 'the attached result is an event');
    assert.equal((await step('receptionist', 'return_result')).nationalStatus, 10);
    const download = await call('applicant', 'GET', `/api/v1/dossiers/${code}/attachments/${result?.id ?? ''}`);
    assert.equal(download.statusCode, 200, download.body);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, SMALL_PDF);
    assert.equal((await call('other', 'GET', `/api/v1/dossiers/${code}/attachments/${result?.id ?? ''}`)).statusCode, 404, 'nobody else downloads it');
    const again = await call('receptionist', 'POST', `/api/v1/dossiers/${code}/actions/return_result`, {});
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ code: string }>().code, 'dossiers.wrong_state');

    const audit = await call('leader', 'GET', `/api/v1/dossiers/${code}/audit`);
    assert.equal(audit.statusCode, 200, audit.body);
    const log = audit.json<{ entries: { action: string }[]; verdict: { ok: boolean } }>();
    assert.deepEqual(log.entries.map((e) => e.action), ['submit', 'receive', 'forward', 'propose', 'approve', 'attach_result', 'return_result']);
    assert.equal(log.verdict.ok, true);

    const receipt = await call('applicant', 'GET', `/api/v1/dossiers/${code}/forms/01`);
    assert.equal(receipt.statusCode, 200, receipt.body);
    const form01 = receipt.json<{ title: string; fields: { receivedAt: string; appointment: string } }>();
    assert.equal(form01.title, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    assert.ok(form01.fields.receivedAt && form01.fields.appointment);
    const slip = await call('leader', 'GET', `/api/v1/dossiers/${code}/forms/05?format=html`);
    assert.equal(slip.statusCode, 200);
    assert.match(String(slip.headers['content-type']), /text\/html/);
    assert.match(slip.body, /Mẫu số 05/);
    assert.equal((slip.body.match(/<tr><td>\d+<\/td>/g) ?? []).length, 7, 'one row per audit entry');
    assert.doesNotMatch(slip.body, /<script/i);
    const noSupplement = await call('applicant', 'GET', `/api/v1/dossiers/${code}/forms/02`);
    assert.equal(noSupplement.statusCode, 409);
    assert.equal(noSupplement.json<{ code: string }>().code, 'dossiers.form_not_available');
    assert.equal((await call('other', 'GET', `/api/v1/dossiers/${code}/forms/01`)).statusCode, 404);

    const last4 = applicant.personalId.slice(-4);
    const tracking = await call(null, 'GET', `/api/v1/dossiers/${code}/status?idLast4=${last4}`);
    assert.equal(tracking.statusCode, 200);
    assert.ok(!tracking.body.includes(applicant.personalId), 'no personal data in public tracking');
    assert.equal(tracking.json<{ timeline: unknown[] }>().timeline.length, 7);
    const wrong = await call(null, 'GET', `/api/v1/dossiers/${code}/status?idLast4=${last4 === '0000' ? '1111' : '0000'}`);
    assert.equal(wrong.statusCode, 404);
  });

  it('detects an edited audit row', async () => {
    const filed = (await call('applicant', 'POST', '/api/v1/dossiers', submission('Đặng Bảo Ngọc'))).json<{ code: string }>();
    await call('receptionist', 'POST', `/api/v1/dossiers/${filed.code}/actions/receive`, {});
    await t.db.database.db.execute(sql`update dossiers.audit_entry set entry = jsonb_set(entry, '{reason}', '"sửa"') where seq = 1 and dossier_id = (select id from dossiers.dossier where code = ${filed.code})`);
    const audit = (await call('leader', 'GET', `/api/v1/dossiers/${filed.code}/audit`)).json<{ verdict: { ok: boolean; index: number; problem: string } }>();
    assert.deepEqual(audit.verdict, { ok: false, index: 0, problem: 'hash' });
    const sweep = await moduleService<DossiersService>(t, 'dossiers').verifyAuditChains();
    assert.ok(sweep.checked > 1);
    assert.deepEqual(sweep.broken.map((b) => b.code), [filed.code], 'the sweep finds exactly the edited dossier');
  });

  it('lets the applicant and the agency see the dossier, and nobody else learn it exists', async () => {
    const filed = (await call('applicant', 'POST', '/api/v1/dossiers', submission('Bùi Anh Thư'))).json<{ code: string }>();
    for (const [who, status] of [['applicant', 200], ['receptionist', 200], ['other', 404], ['otherAgency', 404]] as const) {
      const response = await call(who, 'GET', `/api/v1/dossiers/${filed.code}`);
      assert.equal(response.statusCode, status, `${who}: ${response.body}`);
    }
    const missing = await call('other', 'GET', '/api/v1/dossiers/H29.25747.01-261123-9999');
    assert.equal(missing.statusCode, 404);
    const refuseElsewhere = await call('otherAgency', 'POST', `/api/v1/dossiers/${filed.code}/actions/receive`, {});
    assert.equal(refuseElsewhere.statusCode, 404, 'an official of another agency does not learn it exists');
  });

  it('gives the dossier to a handler of the competent agency (Art. 19.1), and to nobody else', async () => {
    const filed = (await call('applicant', 'POST', '/api/v1/dossiers', submission('Phân công thụ lý'))).json<{ code: string }>();
    for (const action of ['receive', 'forward']) assert.equal((await call('receptionist', 'POST', `/api/v1/dossiers/${filed.code}/actions/${action}`, {})).statusCode, 200);
    const assign = (who: string, handlerId: string | undefined) => call(who, 'POST', `/api/v1/dossiers/${filed.code}/actions/assign`, { handlerId });
    assert.equal((await assign('receptionist', ids.handler)).statusCode, 403, 'reception does not assign');
    const notAHandler = await assign('leader', ids.applicant);
    assert.equal(notAHandler.statusCode, 400);
    assert.equal(notAHandler.json<{ code: string }>().code, 'dossiers.bad_handler');
    const assigned = await assign('leader', ids.handler);
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual([assigned.json<{ handlerId: string; state: string }>().handlerId, assigned.json<{ state: string }>().state], [ids.handler, 'handling']);
  });

  it('lets the applicant withdraw, and refuses a refusal without reasons', async () => {
    const filed = (await call('applicant', 'POST', '/api/v1/dossiers', submission('Hồ Gia Bảo'))).json<{ code: string }>();
    const noReason = await call('receptionist', 'POST', `/api/v1/dossiers/${filed.code}/actions/refuse`, { reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json<{ code: string }>().code, 'dossiers.reason_required');
    const withdrawn = await call('applicant', 'POST', `/api/v1/dossiers/${filed.code}/actions/withdraw`, {});
    assert.equal(withdrawn.json<{ nationalStatus: number }>().nationalStatus, 7);
  });

  it('splits the work: the receiving centre receives and returns, the competent agency appraises and decides', async () => {
    const filed = await call('applicant', 'POST', '/api/v1/dossiers', { agencyCode: 'H29.25747.01', procedureCode: '1.004222', formData: { childName: 'Nơi cư trú mới', birthDate: '2026-11-01' } });
    assert.equal(filed.statusCode, 201, filed.body);
    const code = filed.json<{ code: string }>().code;
    const act = (who: string, action: string) => call(who, 'POST', `/api/v1/dossiers/${code}/actions/${action}`, {});
    assert.equal((await act('receptionist', 'receive')).statusCode, 200);
    assert.equal((await act('receptionist', 'forward')).statusCode, 200);
    assert.equal((await act('handler', 'propose')).statusCode, 403, 'the centre’s handler sees it but does not appraise it');
    assert.equal((await act('competentHandler', 'propose')).statusCode, 200);
    assert.equal((await call('leader', 'POST', `/api/v1/dossiers/${code}/decision`, { decision: 'approve' })).statusCode, 403, 'nor does the centre’s leader decide');
    assert.equal((await call('otherAgency', 'POST', `/api/v1/dossiers/${code}/decision`, { decision: 'approve' })).statusCode, 200);
    assert.equal((await act('otherAgency', 'return_result')).statusCode, 403, 'the result goes back through the receiving centre');
    const returned = await call('receptionist', 'POST', `/api/v1/dossiers/${code}/actions/return_result`, { delivery: ['pickup'] });
    assert.equal(returned.statusCode, 200, 'handed over at the counter: no electronic file needed');
  });
});
