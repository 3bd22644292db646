import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import type { createIdentityModule } from '../identity/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import type { createDossiersModule } from './index.ts';
import { TEST_SERVICE_DEFINITION } from './testing/fixtures.ts';

// The applicant hears of what needs them: notices go out from the outbox to the verified e-mail.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
type IdentityService = ReturnType<typeof createIdentityModule>['service'];
let t: TestApp & { base: string };
const tokens: Record<string, string> = {};
const EMAIL = 'nguoi.nop@test.congso.vn';
let applicantId = '';
const PHONE = '0901234567';

const mailbox = async () =>
  (await t.app.inject({ method: 'GET', url: `/dev/mailbox/messages?to=${encodeURIComponent(EMAIL)}&limit=20` })).json<{ items: { subject: string; body: string }[] }>().items;

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  await moduleService<DossiersService>(t, 'dossiers').repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000d1', agencyCode: 'H29.15', procedureCode: '1.001193', definition: TEST_SERVICE_DEFINITION, enabled: true });
  const r = syntheticResident(61);
  const applicant = { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: 'Nt4-applicant-pass-Vb8q-Jw', email: EMAIL, phone: PHONE };
  const signed = await signedInActor(t, applicant, { verify: true });
  tokens.applicant = signed.token;
  applicantId = r.personalId;
  // The e-mail is verified with the code the platform sent.
  const { services } = moduleService<IdentityService>(t, 'identity');
  await services.verification.sendContactCode(signed.accountId, 'email');
  const code = /\b(\d{6})\b/.exec((await mailbox())[0]?.body ?? '')?.[1] ?? '';
  await services.verification.confirmContactCode(signed.accountId, 'email', code);
  await services.verification.sendContactCode(signed.accountId, 'sms');
  const sms = (await t.app.inject({ method: 'GET', url: `/dev/mailbox/messages?to=${encodeURIComponent(PHONE)}&limit=5` })).json<{ items: { body: string }[] }>().items;
  await services.verification.confirmContactCode(signed.accountId, 'sms', /\b(\d{6})\b/.exec(sms[0]?.body ?? '')?.[1] ?? '');
  const s = (n: number) => syntheticResident(n);
  const official = (n: number, label: string, roles: ('receptionist' | 'handler')[]) => signedInActor(t, { personalId: s(n).personalId, fullName: s(n).fullName, birthDate: s(n).birthDate, sex: s(n).sex, password: `Nt4-${label}-pass-Vb8q-Jw` }, { post: { agencyCode: 'H29.15', unitCode: null, roles } });
  tokens.receptionist = (await official(62, 'reception', ['receptionist'])).token;
  tokens.handler = (await official(63, 'handler', ['handler'])).token;
});
after(async () => t.close());

const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens[who] ?? ''}` }, payload });

describe('notices to the applicant', () => {
  it('tells the applicant of reception and of a supplement request with its reasons, once each', async () => {
    const filed = await post('applicant', '/api/v1/dossiers', { agencyCode: 'H29.15', procedureCode: '1.001193', formData: { childName: 'Lý Gia Minh', birthDate: '2026-11-01' } });
    const code = filed.json<{ code: string }>().code;
    await post('receptionist', `/api/v1/dossiers/${code}/actions/receive`, {});
    await post('receptionist', `/api/v1/dossiers/${code}/actions/forward`, {});
    await post('handler', `/api/v1/dossiers/${code}/actions/request_supplement`, { reason: 'Bản chụp giấy chứng sinh bị mờ' });
    assert.equal(await t.worker.drain(), 2, 'two events concern the applicant');
    const notices = (await mailbox()).filter((m) => m.subject === `Hồ sơ ${code}`);
    assert.equal(notices.length, 2, 'received and supplement requested (submission and forwarding are not notices)');
    assert.ok(notices.some((m) => m.body.includes('đã được tiếp nhận')));
    assert.ok(notices.some((m) => m.body.includes('Bản chụp giấy chứng sinh bị mờ')));
    assert.equal(await t.worker.drain(), 0, 'nothing left to send');
  });

  it('tells the applicant, not the receptionist who entered it, of a dossier filed at the counter', async () => {
    const entered = await post('receptionist', '/api/v1/dossiers', { agencyCode: 'H29.15', procedureCode: '1.001193', channel: 'in_person', onBehalfOf: applicantId, formData: { childName: 'Nộp tại quầy', birthDate: '2026-11-01' } });
    assert.equal(entered.statusCode, 201, entered.body);
    const code = entered.json<{ code: string }>().code;
    await post('receptionist', `/api/v1/dossiers/${code}/actions/receive`, {});
    assert.equal(await t.worker.drain(), 1);
    const notices = (await mailbox()).filter((m) => m.subject === `Hồ sơ ${code}`);
    assert.equal(notices.length, 1);
    assert.ok(notices[0]?.body.includes('đã được tiếp nhận'));
  });

  it('lets the public track a dossier with the applicant’s verified phone number as the second factor', async () => {
    const filed = await post('applicant', '/api/v1/dossiers', { agencyCode: 'H29.15', procedureCode: '1.001193', formData: { childName: 'Tra cứu', birthDate: '2026-11-01' } });
    const code = filed.json<{ code: string }>().code;
    const track = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/status?${query}` });
    assert.equal((await track(`phone=${encodeURIComponent('+84 90 123 4567')}`)).statusCode, 200);
    assert.equal((await track('phone=0901234567')).statusCode, 200);
    assert.equal((await track('phone=0901234568')).statusCode, 404, 'another number answers like an unknown code');
    assert.equal((await track(`phone=0901234567&idLast4=${applicantId.slice(-4)}`)).statusCode, 400, 'one factor, not two');
    assert.equal((await track('')).statusCode, 400);
  });
});
