import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../kernel/clock.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import type { ApiCaller } from '../identity/index.ts';
import { syntheticResident } from '../registries/index.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import type { createDossiersModule } from './index.ts';
import { SMALL_PDF, TEST_SERVICE_DEFINITION, TEST_SERVICE_WITH_DOCUMENTS } from './testing/fixtures.ts';

// Filing through the group-committing batcher (ADR 0006): concurrent filings to one agency on one day
// get consecutive codes from 0001, never duplicated or skipped; replays create nothing; a filing that
// fails inside a batch fails alone; drafts are filed once; counter and postal filings are entered by
// a receptionist for the applicant.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
let t: TestApp;
let dossiers: DossiersService;
const AGENCY = 'H29.15';

const citizen = (n: number): ApiCaller => {
  const accountId = uuidv7();
  return { kind: 'citizen', subject: accountId, accountId, personalId: syntheticResident(n).personalId, assuranceLevel: 1, authTime: Math.floor(Date.now() / 1000), amr: ['pwd'], post: null };
};
const receptionist = (): ApiCaller => {
  const accountId = uuidv7();
  return { kind: 'official', subject: accountId, accountId, personalId: syntheticResident(9_000).personalId, assuranceLevel: 2, authTime: Math.floor(Date.now() / 1000), amr: ['pwd', 'otp'], post: { agencyCode: AGENCY, unitCode: null, roles: ['receptionist'] } };
};
const filing = (childName: string) => ({ agencyCode: AGENCY, procedureCode: '1.001193', formData: { childName, birthDate: '2026-11-01' } });
const todaysCode = (n: number) => formatDossierCode(AGENCY, vietnamDate(new Date()), n);
const count = async () => (await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier`))[0]?.n;

before(async () => {
  t = await createTestApp();
  await seedDemoAgencies(t.db.database.db);
  dossiers = moduleService<DossiersService>(t, 'dossiers');
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000d1', agencyCode: AGENCY, procedureCode: '1.001193', definition: TEST_SERVICE_DEFINITION, enabled: true });
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000d2', agencyCode: AGENCY, procedureCode: '1.000894', definition: TEST_SERVICE_WITH_DOCUMENTS, enabled: true });
});
after(async () => t.close());

describe('filing under load', () => {
  const callers = Array.from({ length: 1000 }, (_, i) => citizen(1 + (i % 300)));
  let codes: string[] = [];

  it('gives 1,000 concurrent submissions to one agency on one day the codes 0001–1000, once each', async () => {
    const results = await Promise.all(callers.map((caller, i) => dossiers.submit(caller, filing(`Trẻ ${i}`), `tai-lan-${i.toString().padStart(4, '0')}`, null)));
    assert.ok(results.every((r) => r.created));
    codes = results.map((r) => r.dossier.code);
    assert.deepEqual([...codes].sort(), Array.from({ length: 1000 }, (_, i) => todaysCode(i + 1)));
    assert.equal(await count(), 1000);
    // Each dossier got its own first audit entry and submitted event.
    const [audit] = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.audit_entry where seq = 1`);
    const [events] = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.outbox_event where topic = 'dossiers.dossier.submitted'`);
    assert.deepEqual([audit?.n, events?.n], [1000, 1000]);
  });

  it('answers 1,000 concurrent replays of the same keys with the same dossiers, creating nothing', async () => {
    const again = await Promise.all(callers.map((caller, i) => dossiers.submit(caller, filing(`Trẻ ${i}`), `tai-lan-${i.toString().padStart(4, '0')}`, null)));
    assert.ok(again.every((r) => !r.created));
    assert.deepEqual(again.map((r) => r.dossier.code), codes);
    assert.equal(await count(), 1000);
  });

  it('refuses a key reused for another body with 409', async () => {
    await assert.rejects(dossiers.submit(callers[0] as ApiCaller, filing('Tên khác'), 'tai-lan-0000', null), { code: 'dossiers.idempotency_key_reused' });
  });

  it('lets the same new key race with itself: one dossier, both answered with it', async () => {
    const caller = citizen(777);
    const [a, b] = await Promise.all([dossiers.submit(caller, filing('Đua khóa'), 'dua-khoa-0001', null), dossiers.submit(caller, filing('Đua khóa'), 'dua-khoa-0001', null)]);
    assert.equal(a.dossier.code, b.dossier.code);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(await count(), 1001);
  });
});

describe('drafts', () => {
  it('files a draft once, even when it is filed twice at once among other filings; the others are unaffected and no code is skipped', async () => {
    const caller = citizen(501);
    const draft = await dossiers.createDraft(caller, { agencyCode: AGENCY, procedureCode: '1.001193', formData: { childName: 'Nh' } });
    await dossiers.updateDraft(caller, draft.id, { childName: 'Nháp đã xong', birthDate: '2026-11-02' });
    const before = await count();
    const others = Array.from({ length: 20 }, (_, i) => dossiers.submit(citizen(600 + i), filing(`Cùng lô ${i}`), null, null));
    const twice = [dossiers.submitDraft(caller, draft.id, null, null), dossiers.submitDraft(caller, draft.id, null, null)];
    const settled = await Promise.allSettled([...twice, ...others]);
    const [first, second] = settled;
    const outcomes = [first, second].map((s) => (s?.status === 'fulfilled' ? 'filed' : (s?.reason as { code?: string }).code));
    // The loser is refused inside the batch (already filed) or, if it came after the commit, finds no draft.
    assert.equal(outcomes.filter((o) => o === 'filed').length, 1);
    assert.ok(outcomes.every((o) => o === 'filed' || o === 'dossiers.draft_already_filed' || o === 'dossiers.draft_not_found'), String(outcomes));
    assert.ok(settled.slice(2).every((s) => s.status === 'fulfilled'));
    assert.equal(await count(), (before ?? 0) + 21);
    const numbers = (await t.db.database.db.execute<{ code: string }>(sql`select code from dossiers.dossier where agency_code = ${AGENCY} order by code`)).map((r) => Number(r.code.slice(-4)));
    assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => i + 1), 'consecutive from 0001');
    await assert.rejects(dossiers.getDraft(caller, draft.id), { code: 'dossiers.draft_not_found' });
  });

  it('keeps files uploaded to a draft, checks them on arrival, and requires the mandatory ones to file', async () => {
    const caller = citizen(502);
    const draft = await dossiers.createDraft(caller, { agencyCode: AGENCY, procedureCode: '1.000894', formData: { childName: 'Có tệp', birthDate: '2026-11-03' } });
    await assert.rejects(dossiers.submitDraft(caller, draft.id, null, null), { code: 'dossiers.missing_documents' });
    assert.deepEqual(await dossiers.checkDraft(caller, draft.id), { errors: [], missingDocuments: ['to-khai-ky'] }, 'the check says what filing would refuse');
    await dossiers.updateDraft(caller, draft.id, { childName: 'C' });
    const check = await dossiers.checkDraft(caller, draft.id);
    assert.deepEqual(check.errors.map((e) => [e.path, e.keyword, e.limit]).sort(), [['/birthDate', 'required', undefined], ['/childName', 'minLength', 2]]);
    await dossiers.updateDraft(caller, draft.id, { childName: 'Có tệp', birthDate: '2026-11-03' });
    await assert.rejects(dossiers.addDraftFiles(caller, draft.id, [{ documentCode: 'to-khai-ky', name: 'a.pdf', bytes: Buffer.from('MZ executable') }]), { code: 'dossiers.attachment_refused' });
    const withFile = await dossiers.addDraftFiles(caller, draft.id, [{ documentCode: 'to-khai-ky', name: 'tờ khai.pdf', bytes: SMALL_PDF }]);
    assert.deepEqual(withFile.attachments.map((a) => [a.documentCode, a.mediaType]), [['to-khai-ky', 'application/pdf']]);
    await assert.rejects(dossiers.getDraft(citizen(503), draft.id), { code: 'dossiers.draft_not_found' }, 'another person does not see it');
    const filed = await dossiers.submitDraft(caller, draft.id, 'nop-nhap-0001', null);
    assert.ok(filed.created);
    const replay = await dossiers.submitDraft(caller, draft.id, 'nop-nhap-0001', null);
    assert.deepEqual([replay.created, replay.dossier.code], [false, filed.dossier.code]);
    const files = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.attachment a join dossiers.dossier d on d.id = a.dossier_id where d.code = ${filed.dossier.code}`);
    assert.equal(files[0]?.n, 1, 'the draft’s file went with the dossier');
  });
});

describe('filing at the counter or by post', () => {
  it('lets a receptionist enter a dossier for the applicant, with its channel', async () => {
    const applicant = syntheticResident(42).personalId;
    const entered = await dossiers.submit(receptionist(), { ...filing('Nộp trực tiếp'), channel: 'in_person', onBehalfOf: applicant }, null, null);
    assert.deepEqual([entered.dossier.channel, entered.dossier.ownerId, entered.dossier.state], ['in_person', applicant, 'submitted']);
    // What the filing answered is what was stored (the batch writes rows from JSON and does not read them back).
    const stored = await dossiers.repository.findByCode(entered.dossier.code);
    assert.deepEqual(
      [stored?.channel, stored?.ownerId, stored?.ownerKind, stored?.state, stored?.formData, stored?.dueDate, stored?.dueAt?.toISOString(), stored?.submittedAt?.toISOString(), stored?.handlingAgencyCode, stored?.auditCount],
      [entered.dossier.channel, applicant, 'citizen', 'submitted', entered.dossier.formData, entered.dossier.dueDate, entered.dossier.dueAt, entered.dossier.submittedAt, entered.dossier.handlingAgencyCode, 1],
    );
    assert.deepEqual((await dossiers.verifyAuditChains(entered.dossier.code)).broken, []);
    const posted = await dossiers.submit(receptionist(), { ...filing('Qua bưu chính'), channel: 'postal', onBehalfOf: applicant }, null, null);
    assert.equal(posted.dossier.channel, 'postal');
  });

  it('refuses a counter filing by a citizen, or without the applicant', async () => {
    await assert.rejects(dossiers.submit(citizen(43), { ...filing('Giả mạo'), channel: 'in_person', onBehalfOf: syntheticResident(44).personalId }, null, null), { code: 'dossiers.counter_not_allowed' });
    await assert.rejects(dossiers.submit(receptionist(), { ...filing('Thiếu người nộp'), channel: 'postal' }, null, null), { code: 'dossiers.applicant_required' });
  });
});
