import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createListeningTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../modules/agencies/index.ts';
import { totpCode, type createIdentityModule } from '../modules/identity/index.ts';
import { signIn } from '../modules/identity/testing/browser-login.ts';
import { createSoftAuthenticator } from '../modules/identity/testing/soft-authenticator.ts';
import { DEMO_SERVICES } from '../modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF, TEST_SERVICE_DEFINITION, TEST_SERVICE_WITH_DOCUMENTS } from '../modules/dossiers/testing/fixtures.ts';
import { syntheticEnterprise, syntheticResident, syntheticResidentById, SYNTHETIC_ENTERPRISES } from '../modules/registries/index.ts';

// Drives every protected route with an actor that may call it (2xx) and actors that may not: another
// citizen, an official of another agency, a role without the permission, an agency system, nobody.
// Denials of objects answer 404 exactly as for objects that do not exist, so nothing leaks.
// A route added without a row here fails the first test.

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
type Call = { method: string; url: string; body?: unknown; multipart?: { payload: Buffer; contentType: string } };
type Case = { allowed: [actor: string, call: () => Call | Promise<Call>]; denied: [actor: string, call: () => Call | Promise<Call>, status: number][] };

const REDIRECT = 'http://127.0.0.1:9/callback';
let t: TestApp & { base: string };
let identity: IdentityService;
const tokens = new Map<string, string>();
const totpSecrets = new Map<string, string>();
const state: Record<string, string> = {};

function adult(n: number) {
  for (let i = n; ; i++) {
    const r = syntheticResident(i);
    if (r.birthDate < '2000-01-01') return r;
  }
}
const pw = (label: string) => `Zq7-kW-${label.length}-hx9p-vt3m-${label.replace(/[^a-z]/gi, '').slice(0, 3)}`;
const person = (n: number, password: string) => {
  const r = adult(n);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: pw(password), email: `matrix${n}@test.congso.vn` };
};
const enterprise = (() => {
  for (let n = 1; n <= SYNTHETIC_ENTERPRISES; n++) if (syntheticEnterprise(n).status === 'active') return syntheticEnterprise(n);
  throw new Error('no active enterprise');
})();

async function call(actor: string | undefined, request: Call) {
  const token = actor ? tokens.get(actor) : undefined;
  if (actor && !token) throw new Error(`no token for ${actor}`);
  const response = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    // Every call states a purpose: the registries' own API refuses personal-data reads without one (others ignore it).
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(request.multipart ? { 'content-type': request.multipart.contentType } : {}), 'x-road-purpose': 'ma-tran-phan-quyen' },
    ...(request.multipart ? { payload: request.multipart.payload } : request.body !== undefined ? { payload: request.body as object } : {}),
  });
  return { status: response.statusCode, body: response.body };
}

before(async () => {
  t = await createListeningTestApp();
  identity = moduleService<IdentityService>(t, 'identity');
  const { services } = identity;
  await seedDemoAgencies(t.db.database.db);
  await identity.registerClient({ clientId: 'matrix-portal', name: 'Matrix portal', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT] });
  const agencySystem = await identity.registerClient({ clientId: 'matrix-agency-system', name: 'Agency system', agencyCode: 'H29.15', kind: 'agency_system', permissions: ['dossiers:read'] });
  // The OAuth client an agency administrator binds to an exchange subsystem: one of its agency's.
  await identity.registerClient({ clientId: 'matrix-exchange-client', name: 'Exchange client', agencyCode: 'H29.15', kind: 'agency_system', permissions: ['exchange:call'] });

  const people: Record<string, ReturnType<typeof person>> = {
    citizenA: person(11, 'công dân thứ nhất trong ma trận'),
    citizenB: person(21, 'công dân thứ hai trong ma trận'),
    representative: (() => {
      const r = syntheticResidentById(enterprise.legalRepresentativeId) ?? assert.fail('the legal representative is not a synthetic resident');
      return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: pw('representative'), email: 'rep@test.congso.vn' };
    })(),
  };
  const officials: Record<string, [ReturnType<typeof person>, { agencyCode: string; unitCode: string | null; roles: ('agency_admin' | 'receptionist' | 'system_admin' | 'auditor' | 'handler' | 'leader')[] }]> = {
    adminA: [person(31, 'quản trị cơ quan A ma trận'), { agencyCode: 'H29.15', unitCode: null, roles: ['agency_admin'] }],
    adminB: [person(41, 'quản trị cơ quan B ma trận'), { agencyCode: 'H29.25747.01', unitCode: null, roles: ['agency_admin'] }],
    receptionistA: [person(51, 'tiếp nhận hồ sơ cơ quan A'), { agencyCode: 'H29.15', unitCode: null, roles: ['receptionist'] }],
    auditorA: [person(61, 'kiểm tra nhật ký cơ quan A'), { agencyCode: 'H29.15', unitCode: null, roles: ['auditor'] }],
    auditorB: [person(71, 'kiểm tra nhật ký cơ quan B'), { agencyCode: 'H29.25747.01', unitCode: null, roles: ['auditor'] }],
    sysadmin: [person(81, 'quản trị toàn nền tảng ma trận'), { agencyCode: 'H29', unitCode: null, roles: ['system_admin'] }],
    handlerA: [person(131, 'chuyên viên cơ quan A'), { agencyCode: 'H29.15', unitCode: null, roles: ['handler'] }],
    leaderA: [person(141, 'lãnh đạo cơ quan A'), { agencyCode: 'H29.15', unitCode: null, roles: ['leader'] }],
    leaderB: [person(151, 'lãnh đạo cơ quan B'), { agencyCode: 'H29.25747.01', unitCode: null, roles: ['leader'] }],
  };
  for (const [name, p] of Object.entries(people)) {
    const row = await services.accounts.registerCitizen(p);
    if (name !== 'citizenB') await services.verification.verifyIdentity(row.id, null);
    state[`${name}Id`] = row.id;
  }
  await services.businesses.register({ accountId: state.representativeId ?? '', personalId: people.representative?.personalId ?? '', assuranceLevel: 2 }, enterprise.enterpriseCode);
  for (const [name, [p, post]] of Object.entries(officials)) {
    const view = await identity.appointOfficial(p, post);
    state[`${name}Id`] = view.id;
    const { secret } = await services.secondFactor.startTotp(view.id);
    await services.secondFactor.confirmTotp(view.id, totpCode(secret, new Date(Date.now() - 30_000)), null);
    totpSecrets.set(name, secret);
  }
  const login = async (name: string, p: { personalId: string; password: string }, totpSecret?: string) => {
    const { tokens: got } = await signIn({ base: t.base, clientId: 'matrix-portal', redirectUri: REDIRECT, personalId: p.personalId, password: p.password, ...(totpSecret ? { totpSecret } : {}) });
    tokens.set(name, got.access_token);
  };
  for (const [name, p] of Object.entries(people)) await login(name, p);
  for (const [name, [p]] of Object.entries(officials)) await login(name, p, totpSecrets.get(name));
  // An official who signs in with the password alone holds no official power.
  // (Their TOTP is on, so the password-only path is simulated by a post without a second factor.)
  const plain = person(91, 'cán bộ chưa có yếu tố thứ hai');
  await identity.appointOfficial(plain, { agencyCode: 'H29.15', unitCode: null, roles: ['agency_admin'] });
  await login('adminWithoutSecondFactor', plain);
  const clientToken = await fetch(`${t.base}/oidc/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`matrix-agency-system:${agencySystem.clientSecret ?? ''}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api',
  });
  tokens.set('agencySystem', ((await clientToken.json()) as { access_token: string }).access_token);
  // The base registries' readers and the residence-management system (clients holding registries:*).
  for (const [actor, clientId, permissions] of [['registryReader', 'matrix-registry-reader', ['registries:read']], ['residenceSystem', 'matrix-residence-system', ['registries:manage']]] as const) {
    const registered = await identity.registerClient({ clientId, name: clientId, agencyCode: 'H29', kind: 'agency_system', permissions: [...permissions] });
    const answer = await fetch(`${t.base}/oidc/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${registered.clientSecret ?? ''}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=api',
    });
    tokens.set(actor, ((await answer.json()) as { access_token: string }).access_token);
  }

  // Dossiers at agency A (H29.15): one just filed, one waiting for a leader's decision.
  const dossiers = moduleService<{ repository: { saveService(row: object): Promise<unknown> } }>(t, 'dossiers');
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000b1', agencyCode: 'H29.15', procedureCode: '1.001193', definition: { ...TEST_SERVICE_DEFINITION }, enabled: true });
  const file = async () => JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/dossiers', body: dossierSubmission })).body) as { code: string };
  state.dossierCode = (await file()).code;
  state.decisionCode = (await file()).code;
  for (const [who, action] of [['receptionistA', 'receive'], ['receptionistA', 'forward'], ['handlerA', 'propose']] as const) {
    const done = await call(who, { method: 'POST', url: `/api/v1/dossiers/${state.decisionCode}/actions/${action}`, body: {} });
    if (done.status !== 200) throw new Error(`${action}: ${done.body}`);
  }
  // Its result file, to download.
  await call('handlerA', { method: 'PUT', url: `/api/v1/dossiers/${state.decisionCode}/result`, multipart: resultUpload() });
  // Drafts of citizen A: one to read and edit, one to discard, one complete to file, one with a file.
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000b2', agencyCode: 'H29.15', procedureCode: '1.000894', definition: { ...TEST_SERVICE_WITH_DOCUMENTS }, enabled: true });
  const draft = async (procedureCode = '1.001193') => (JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/drafts', body: { ...dossierSubmission, procedureCode } })).body) as { id: string }).id;
  state.draftId = await draft();
  state.draftToDelete = await draft();
  state.draftToFile = await draft();
  state.draftWithFile = await draft('1.000894');
  const uploaded = await call('citizenA', { method: 'POST', url: `/api/v1/drafts/${state.draftWithFile}/attachments`, multipart: draftFile() });
  state.draftFileId = (JSON.parse(uploaded.body) as { attachments: { id: string }[] }).attachments[0]?.id ?? '';
});

/** A fresh dossier of citizen A that reception asked to supplement. */
async function dossierAwaitingSupplement(): Promise<string> {
  const filed = JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/dossiers', body: dossierSubmission })).body) as { code: string };
  await call('receptionistA', { method: 'POST', url: `/api/v1/dossiers/${filed.code}/actions/request_supplement`, body: { reason: 'Thiếu giấy tờ' } });
  return filed.code;
}

async function currentResultId(): Promise<string> {
  const view = await call('citizenA', { method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}` });
  return (JSON.parse(view.body) as { attachments: { id: string; kind: string }[] }).attachments.find((a) => a.kind === 'result')?.id ?? '';
}
const resultUpload = () => multipartBody(null, [{ field: 'result', name: 'ket-qua.pdf', bytes: SMALL_PDF }]);
const draftFile = () => multipartBody(null, [{ field: 'to-khai-ky', name: 'to-khai.pdf', bytes: SMALL_PDF }]);

/** An item in citizen A's e-data store (a result of theirs), here pointing at a file A uploads to a draft. */
async function storeItemOfA(): Promise<string> {
  const uploaded = await call('citizenA', { method: 'POST', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments`, multipart: draftFile() });
  const fileId = (JSON.parse(uploaded.body) as { attachments: { id: string }[] }).attachments.at(-1)?.id ?? '';
  const id = randomUUID();
  await t.db.database.db.execute(sql`
    insert into dossiers.store_item (id, owner_id, dossier_id, dossier_code, procedure_code, procedure_name, agency_code, attachment_id, stored_name, media_type, size, sha256, issued_at)
    select ${id}, ${personalIdOf(11)}, a.dossier_id, 'H29.15-260101-0001', '1.000894', 'Thủ tục thử', 'H29.15', a.id, a.stored_name, a.media_type, a.size, a.sha256, now()
      from dossiers.attachment a where a.id = ${fileId}`);
  return id;
}
after(async () => t.close());

const newOfficial = (n: number) => {
  const p = person(n, 'mật khẩu ban đầu của cán bộ mới');
  return { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate, sex: p.sex, initialPassword: p.password, unitCode: null, roles: ['handler'] };
};
const mandate = (agentPersonalId: string) => ({ agentPersonalId, scope: ['dossiers:submit'], validFrom: '2026-01-01', validUntil: '2030-12-31' });
const personalIdOf = (n: number) => adult(n).personalId;
const E = enterprise.enterpriseCode;

/** A demo service received and decided by agency A (H29.15, Sở Tư pháp). */
const JUSTICE_SERVICE = (() => {
  const found = DEMO_SERVICES.find((service) => service.agencyCode === 'H29.15');
  if (!found) throw new Error('no demo service at H29.15');
  return found;
})();
const dossierSubmission = { agencyCode: 'H29.15', procedureCode: '1.001193', formData: { childName: 'Lê Minh Khang', birthDate: '2026-11-01' } };
const dossierUrl = (suffix = '') => `/api/v1/dossiers/${state.dossierCode ?? ''}${suffix}`;

/** A service of agency A (H29.15) served through the exchange gateway, and a client subsystem of A. */
const EXCHANGE_SERVICE = 'VN/GOV/H29.15/matrix/echo';
const EXCHANGE_CLIENT = 'VN/GOV/H29.15/matrix';
let exchangeReady: Promise<unknown> | undefined;
function exchangeFixture(): Promise<unknown> {
  const exchange = moduleService<{ addProviders(providers: object[]): Promise<void> }>(t, 'exchange');
  exchangeReady ??= exchange.addProviders([
    {
      memberClass: 'GOV',
      memberCode: 'H29.15',
      memberName: 'Sở Tư pháp',
      subsystem: 'matrix',
      subsystemName: 'Matrix',
      services: [{ code: 'echo', title: { vi: 'Echo', en: 'Echo' }, openapi: {}, personalData: false, handle: async () => ({ status: 200, body: {} }) }],
      events: [],
    },
  ]);
  return exchangeReady;
}
const exchangeCall = (call: Call) => async () => {
  await exchangeFixture();
  return call;
};
const grantRight: Call = { method: 'PUT', url: '/api/v1/exchange/access-rights', body: { clientSubsystemId: EXCHANGE_CLIENT, serviceId: EXCHANGE_SERVICE } };
const revokeRight: Call = { method: 'DELETE', url: `/api/v1/exchange/access-rights?client=${encodeURIComponent(EXCHANGE_CLIENT)}&service=${encodeURIComponent(EXCHANGE_SERVICE)}` };
const saveSubsystem: Call = { method: 'PUT', url: '/api/v1/exchange/members/H29.15/subsystems/matrix-client', body: { memberName: 'Sở Tư pháp', name: 'Matrix client', clientId: 'matrix-exchange-client' } };

const MATRIX: Record<string, Case> = {
  'GET /api/v1/auth/whoami': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/auth/whoami' })], denied: [['', () => ({ method: 'GET', url: '/api/v1/auth/whoami' }), 401]] },
  'GET /api/v1/me': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me' }), 403], ['', () => ({ method: 'GET', url: '/api/v1/me' }), 401]] },
  'POST /api/v1/me/verification': { allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/me/verification' })], denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/verification' }), 403]] },
  'POST /api/v1/me/contacts/:channel/code': { allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/me/contacts/email/code' })], denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/contacts/email/code' }), 403]] },
  'POST /api/v1/me/contacts/:channel/verification': {
    allowed: [
      'citizenA',
      async () => {
        const mailbox = (await (await fetch(`${t.base}/dev/mailbox/messages?to=matrix11@test.congso.vn`)).json()) as { items: { body: string }[] };
        const code = /\b(\d{6})\b/.exec(mailbox.items[0]?.body ?? '')?.[1] ?? '';
        assert.equal(code.length, 6, 'the code arrived in the development mailbox');
        return { method: 'POST', url: '/api/v1/me/contacts/email/verification', body: { code } };
      },
    ],
    denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/contacts/email/verification', body: { code: '123456' } }), 403]],
  },
  'POST /api/v1/me/totp': { allowed: ['citizenB', () => ({ method: 'POST', url: '/api/v1/me/totp' })], denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/totp' }), 403]] },
  'POST /api/v1/me/totp/confirmation': {
    allowed: [
      'citizenB',
      async () => {
        const row = await identity.services.accounts.findById(state.citizenBId ?? '');
        return { method: 'POST', url: '/api/v1/me/totp/confirmation', body: { code: totpCode(row?.totpSecret ?? '', new Date()) } };
      },
    ],
    denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/totp/confirmation', body: { code: '123456' } }), 403]],
  },
  'DELETE /api/v1/me/totp': { allowed: ['citizenB', () => ({ method: 'DELETE', url: '/api/v1/me/totp' })], denied: [['agencySystem', () => ({ method: 'DELETE', url: '/api/v1/me/totp' }), 401]] },
  'PUT /api/v1/me/password': { allowed: ['citizenB', () => ({ method: 'PUT', url: '/api/v1/me/password', body: { newPassword: 'Xv8-new-pass-Rm4q-Tz2w' } })], denied: [['agencySystem', () => ({ method: 'PUT', url: '/api/v1/me/password', body: { newPassword: 'Xv8-new-pass-Rm4q-Tz2w' } }), 401]] },
  'GET /api/v1/me/passkeys': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/passkeys' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/passkeys' }), 403]] },
  'POST /api/v1/me/passkeys/options': { allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/me/passkeys/options' })], denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/passkeys/options' }), 403]] },
  'POST /api/v1/me/passkeys': {
    allowed: [
      'citizenA',
      async () => {
        const started = JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/me/passkeys/options' })).body) as { challengeId: string; options: Parameters<ReturnType<typeof createSoftAuthenticator>['register']>[0] };
        const response = createSoftAuthenticator().register(started.options, new URL(t.base).origin);
        state.credentialId = response.id;
        return { method: 'POST', url: '/api/v1/me/passkeys', body: { challengeId: started.challengeId, name: 'Khóa thử', response } };
      },
    ],
    denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/passkeys', body: { challengeId: '0190d3f0-0000-7000-8000-000000000000', name: 'x', response: { id: 'x', type: 'public-key' } } }), 403]],
  },
  'DELETE /api/v1/me/passkeys/:credentialId': {
    allowed: ['citizenA', () => ({ method: 'DELETE', url: `/api/v1/me/passkeys/${state.credentialId ?? ''}` })],
    denied: [['citizenB', () => ({ method: 'DELETE', url: `/api/v1/me/passkeys/${state.credentialId ?? ''}` }), 404]],
  },
  'GET /api/v1/me/login-events': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/login-events' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/login-events' }), 403]] },
  'GET /api/v1/me/mandates': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/mandates' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/mandates' }), 403]] },
  'GET /api/v1/me/principals': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/principals' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/principals' }), 403]] },
  'POST /api/v1/me/mandates': { allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/me/mandates', body: mandate(personalIdOf(21)) })], denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/me/mandates', body: mandate(personalIdOf(21)) }), 403]] },
  'DELETE /api/v1/me/mandates/:mandateId': {
    allowed: ['citizenA', async () => ({ method: 'DELETE', url: `/api/v1/me/mandates/${(JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/me/mandates', body: mandate(personalIdOf(21)) })).body) as { id: string }).id}` })],
    denied: [['citizenB', async () => ({ method: 'DELETE', url: `/api/v1/me/mandates/${(JSON.parse((await call('citizenA', { method: 'POST', url: '/api/v1/me/mandates', body: mandate(personalIdOf(21)) })).body) as { id: string }).id}` }), 404]],
  },
  'POST /api/v1/businesses': {
    allowed: ['representative', async () => {
      await identity.services.db.execute(`delete from identity.business where enterprise_code = '${E}'`);
      return { method: 'POST', url: '/api/v1/businesses', body: { enterpriseCode: E } };
    }],
    denied: [['citizenB', () => ({ method: 'POST', url: '/api/v1/businesses', body: { enterpriseCode: E } }), 403]],
  },
  'GET /api/v1/businesses/:enterpriseCode': { allowed: ['representative', () => ({ method: 'GET', url: `/api/v1/businesses/${E}` })], denied: [['citizenA', () => ({ method: 'GET', url: `/api/v1/businesses/${E}` }), 404]] },
  'GET /api/v1/businesses/:enterpriseCode/mandates': { allowed: ['representative', () => ({ method: 'GET', url: `/api/v1/businesses/${E}/mandates` })], denied: [['citizenA', () => ({ method: 'GET', url: `/api/v1/businesses/${E}/mandates` }), 404]] },
  'POST /api/v1/businesses/:enterpriseCode/mandates': {
    allowed: ['representative', () => ({ method: 'POST', url: `/api/v1/businesses/${E}/mandates`, body: mandate(personalIdOf(11)) })],
    // citizenA now holds a mandate from the business, but granting mandates is the representative's alone.
    denied: [['citizenA', () => ({ method: 'POST', url: `/api/v1/businesses/${E}/mandates`, body: mandate(personalIdOf(21)) }), 404]],
  },
  'DELETE /api/v1/businesses/:enterpriseCode/mandates/:mandateId': {
    allowed: ['representative', async () => ({ method: 'DELETE', url: `/api/v1/businesses/${E}/mandates/${(JSON.parse((await call('representative', { method: 'POST', url: `/api/v1/businesses/${E}/mandates`, body: mandate(personalIdOf(21)) })).body) as { id: string }).id}` })],
    denied: [['citizenA', () => ({ method: 'DELETE', url: `/api/v1/businesses/${E}/mandates/0190d3f0-0000-7000-8000-000000000000` }), 404]],
  },
  'GET /api/v1/agencies/:agencyCode/officials': {
    allowed: ['adminA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/officials' })],
    denied: [
      ['adminB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/officials' }), 404],
      ['receptionistA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/officials' }), 403],
      ['adminWithoutSecondFactor', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/officials' }), 403],
      ['citizenA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/officials' }), 403],
    ],
  },
  'POST /api/v1/agencies/:agencyCode/officials': {
    allowed: ['adminA', () => ({ method: 'POST', url: '/api/v1/agencies/H29.15/officials', body: newOfficial(101) })],
    denied: [
      ['adminB', () => ({ method: 'POST', url: '/api/v1/agencies/H29.15/officials', body: newOfficial(111) }), 404],
      ['receptionistA', () => ({ method: 'POST', url: '/api/v1/agencies/H29.15/officials', body: newOfficial(111) }), 403],
      ['adminA', () => ({ method: 'POST', url: '/api/v1/agencies/H29.15/officials', body: { ...newOfficial(111), roles: ['system_admin'] } }), 403],
    ],
  },
  'GET /api/v1/officials/:officialId': {
    allowed: ['adminA', () => ({ method: 'GET', url: `/api/v1/officials/${state.receptionistAId ?? ''}` })],
    denied: [['adminB', () => ({ method: 'GET', url: `/api/v1/officials/${state.receptionistAId ?? ''}` }), 404]],
  },
  'PUT /api/v1/officials/:officialId/post': {
    allowed: ['adminA', () => ({ method: 'PUT', url: `/api/v1/officials/${state.receptionistAId ?? ''}/post`, body: { unitCode: null, roles: ['receptionist', 'leader'] } })],
    denied: [['adminB', () => ({ method: 'PUT', url: `/api/v1/officials/${state.receptionistAId ?? ''}/post`, body: { unitCode: null, roles: ['receptionist'] } }), 404]],
  },
  'DELETE /api/v1/officials/:officialId/post': {
    allowed: ['adminA', async () => {
      const created = JSON.parse((await call('adminA', { method: 'POST', url: '/api/v1/agencies/H29.15/officials', body: newOfficial(121) })).body) as { id: string };
      state.dismissed = created.id;
      return { method: 'DELETE', url: `/api/v1/officials/${created.id}/post` };
    }],
    denied: [['adminB', () => ({ method: 'DELETE', url: `/api/v1/officials/${state.receptionistAId ?? ''}/post` }), 404]],
  },
  'POST /api/v1/clients': {
    allowed: ['sysadmin', () => ({ method: 'POST', url: '/api/v1/clients', body: { clientId: 'matrix-new-system', name: 'Hệ thống mới', agencyCode: 'H29.15', kind: 'agency_system', permissions: ['dossiers:read'] } })],
    denied: [['adminA', () => ({ method: 'POST', url: '/api/v1/clients', body: { clientId: 'matrix-denied', name: 'Bị từ chối', agencyCode: 'H29.15', kind: 'agency_system' } }), 403]],
  },
  'POST /api/v1/dossiers': {
    allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/dossiers', body: dossierSubmission })],
    denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/dossiers', body: dossierSubmission }), 403], ['', () => ({ method: 'POST', url: '/api/v1/dossiers', body: dossierSubmission }), 401]],
  },
  'GET /api/v1/dossiers/:code': {
    allowed: ['citizenA', () => ({ method: 'GET', url: dossierUrl() })],
    denied: [['representative', () => ({ method: 'GET', url: dossierUrl() }), 404], ['adminB', () => ({ method: 'GET', url: dossierUrl() }), 404]],
  },
  'GET /api/v1/dossiers/:code/forms/:form': {
    allowed: ['citizenA', () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/forms/05` })],
    denied: [['representative', () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/forms/05` }), 404], ['adminB', () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/forms/05` }), 404]],
  },
  'POST /api/v1/dossiers/:code/actions/:action': {
    allowed: ['receptionistA', () => ({ method: 'POST', url: dossierUrl('/actions/receive'), body: {} })],
    denied: [
      ['adminB', () => ({ method: 'POST', url: dossierUrl('/actions/receive'), body: {} }), 404],
      ['auditorA', () => ({ method: 'POST', url: dossierUrl('/actions/receive'), body: {} }), 403],
      ['representative', () => ({ method: 'POST', url: dossierUrl('/actions/withdraw'), body: {} }), 404],
    ],
  },
  'POST /api/v1/dossiers/:code/decision': {
    allowed: ['leaderA', () => ({ method: 'POST', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/decision`, body: { decision: 'approve' } })],
    denied: [
      ['leaderB', () => ({ method: 'POST', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/decision`, body: { decision: 'approve' } }), 404],
      ['handlerA', () => ({ method: 'POST', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/decision`, body: { decision: 'approve' } }), 403],
    ],
  },
  'GET /api/v1/dossiers/:code/audit': {
    allowed: ['auditorA', () => ({ method: 'GET', url: dossierUrl('/audit') })],
    denied: [['auditorB', () => ({ method: 'GET', url: dossierUrl('/audit') }), 404], ['adminA', () => ({ method: 'GET', url: dossierUrl('/audit') }), 403]],
  },
  'GET /api/v1/agencies/:agencyCode/dossiers': {
    allowed: ['receptionistA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossiers?queue=to_receive' })],
    denied: [
      ['adminB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossiers?queue=to_receive' }), 403],
      ['leaderB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossiers?queue=to_receive' }), 404],
      ['citizenA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossiers?queue=to_receive' }), 403],
    ],
  },
  'PUT /api/v1/agencies/:agencyCode/services/:procedureCode': {
    allowed: ['adminA', () => ({ method: 'PUT', url: `/api/v1/agencies/H29.15/services/${JUSTICE_SERVICE.procedureCode}`, body: JUSTICE_SERVICE })],
    denied: [
      ['adminB', () => ({ method: 'PUT', url: `/api/v1/agencies/H29.15/services/${JUSTICE_SERVICE.procedureCode}`, body: JUSTICE_SERVICE }), 404],
      ['receptionistA', () => ({ method: 'PUT', url: `/api/v1/agencies/H29.15/services/${JUSTICE_SERVICE.procedureCode}`, body: JUSTICE_SERVICE }), 403],
    ],
  },
  'GET /api/v1/agencies/:agencyCode/register': {
    allowed: ['receptionistA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/register?from=2026-01-01&to=2030-12-31' })],
    denied: [['leaderB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/register?from=2026-01-01&to=2030-12-31' }), 404], ['citizenA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/register?from=2026-01-01&to=2030-12-31' }), 403]],
  },
  'POST /api/v1/dossiers/:code/supplement': {
    // Citizen A may supplement only a dossier waiting for it: the state refuses (409), the person is allowed.
    allowed: ['citizenA', async () => ({ method: 'POST', url: `/api/v1/dossiers/${await dossierAwaitingSupplement()}/supplement`, body: {} })],
    denied: [['representative', () => ({ method: 'POST', url: dossierUrl('/supplement'), body: {} }), 404], ['adminB', () => ({ method: 'POST', url: dossierUrl('/supplement'), body: {} }), 404]],
  },
  'PUT /api/v1/dossiers/:code/result': {
    allowed: ['handlerA', () => ({ method: 'PUT', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/result`, multipart: resultUpload() })],
    denied: [
      ['citizenA', () => ({ method: 'PUT', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/result`, multipart: resultUpload() }), 403],
      ['leaderB', () => ({ method: 'PUT', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/result`, multipart: resultUpload() }), 404],
    ],
  },
  'GET /api/v1/dossiers/:code/attachments/:attachmentId': {
    // The result file as it is now (the PUT row above replaces it).
    allowed: ['citizenA', async () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/attachments/${await currentResultId()}` })],
    denied: [
      ['representative', async () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/attachments/${await currentResultId()}` }), 404],
      ['adminB', async () => ({ method: 'GET', url: `/api/v1/dossiers/${state.decisionCode ?? ''}/attachments/${await currentResultId()}` }), 404],
    ],
  },
  'POST /api/v1/drafts': {
    allowed: ['citizenA', () => ({ method: 'POST', url: '/api/v1/drafts', body: dossierSubmission })],
    denied: [['agencySystem', () => ({ method: 'POST', url: '/api/v1/drafts', body: dossierSubmission }), 403], ['', () => ({ method: 'POST', url: '/api/v1/drafts', body: dossierSubmission }), 401]],
  },
  'GET /api/v1/me/drafts': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/drafts' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/drafts' }), 403]] },
  'GET /api/v1/drafts/:id': {
    allowed: ['citizenA', () => ({ method: 'GET', url: `/api/v1/drafts/${state.draftId ?? ''}` })],
    denied: [['citizenB', () => ({ method: 'GET', url: `/api/v1/drafts/${state.draftId ?? ''}` }), 404], ['adminA', () => ({ method: 'GET', url: `/api/v1/drafts/${state.draftId ?? ''}` }), 404]],
  },
  'PUT /api/v1/drafts/:id': {
    allowed: ['citizenA', () => ({ method: 'PUT', url: `/api/v1/drafts/${state.draftId ?? ''}`, body: { formData: { childName: 'Lê' } } })],
    denied: [['citizenB', () => ({ method: 'PUT', url: `/api/v1/drafts/${state.draftId ?? ''}`, body: { formData: {} } }), 404]],
  },
  'DELETE /api/v1/drafts/:id': {
    allowed: ['citizenA', () => ({ method: 'DELETE', url: `/api/v1/drafts/${state.draftToDelete ?? ''}` })],
    denied: [['citizenB', () => ({ method: 'DELETE', url: `/api/v1/drafts/${state.draftToDelete ?? ''}` }), 404]],
  },
  'POST /api/v1/drafts/:id/attachments': {
    allowed: ['citizenA', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments`, multipart: draftFile() })],
    denied: [['citizenB', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments`, multipart: draftFile() }), 404]],
  },
  'DELETE /api/v1/drafts/:id/attachments/:attachmentId': {
    allowed: ['citizenA', () => ({ method: 'DELETE', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments/${state.draftFileId ?? ''}` })],
    denied: [['citizenB', () => ({ method: 'DELETE', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments/${state.draftFileId ?? ''}` }), 404]],
  },
  'POST /api/v1/drafts/:id/check': {
    allowed: ['citizenA', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftId ?? ''}/check` })],
    denied: [['citizenB', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftId ?? ''}/check` }), 404], ['agencySystem', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftId ?? ''}/check` }), 403]],
  },
  'POST /api/v1/drafts/:id/submit': {
    allowed: ['citizenA', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftToFile ?? ''}/submit` })],
    denied: [['citizenB', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftToFile ?? ''}/submit` }), 404], ['agencySystem', () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftToFile ?? ''}/submit` }), 403]],
  },
  'GET /api/v1/agencies/:agencyCode/dossier-counts': {
    allowed: ['receptionistA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossier-counts' })],
    denied: [['leaderB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossier-counts' }), 404], ['citizenA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/dossier-counts' }), 403]],
  },
  'GET /api/v1/agencies/:agencyCode/statistics': {
    allowed: ['leaderA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/statistics?from=2026-01-01&to=2030-12-31' })],
    denied: [['leaderB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/statistics?from=2026-01-01&to=2030-12-31' }), 404], ['citizenA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/statistics?from=2026-01-01&to=2030-12-31' }), 403]],
  },
  'GET /api/v1/me/data-store': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/data-store' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/data-store' }), 403], ['', () => ({ method: 'GET', url: '/api/v1/me/data-store' }), 401]] },
  'POST /api/v1/drafts/:id/attachments/from-store': {
    allowed: ['citizenA', async () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments/from-store`, body: { documentCode: 'to-khai-ky', itemId: await storeItemOfA() } })],
    denied: [['citizenB', async () => ({ method: 'POST', url: `/api/v1/drafts/${state.draftWithFile ?? ''}/attachments/from-store`, body: { documentCode: 'to-khai-ky', itemId: await storeItemOfA() } }), 404]],
  },
  'GET /api/v1/me/dossiers': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/dossiers' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/dossiers' }), 403]] },
  'GET /api/v1/me/data-accesses': { allowed: ['citizenA', () => ({ method: 'GET', url: '/api/v1/me/data-accesses' })], denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/me/data-accesses' }), 403], ['', () => ({ method: 'GET', url: '/api/v1/me/data-accesses' }), 401]] },
  'POST /api/v1/data-accesses/search': {
    allowed: ['auditorA', () => ({ method: 'POST', url: '/api/v1/data-accesses/search', body: { subjectPersonalId: personalIdOf(11) } })],
    denied: [['citizenA', () => ({ method: 'POST', url: '/api/v1/data-accesses/search', body: { subjectPersonalId: personalIdOf(11) } }), 403], ['agencySystem', () => ({ method: 'POST', url: '/api/v1/data-accesses/search', body: { subjectPersonalId: personalIdOf(11) } }), 403]],
  },
  'GET /api/v1/registries/population/persons/:personalId': {
    allowed: ['registryReader', () => ({ method: 'GET', url: `/api/v1/registries/population/persons/${personalIdOf(11)}` })],
    denied: [['agencySystem', () => ({ method: 'GET', url: `/api/v1/registries/population/persons/${personalIdOf(11)}` }), 403], ['citizenA', () => ({ method: 'GET', url: `/api/v1/registries/population/persons/${personalIdOf(11)}` }), 403]],
  },
  'GET /api/v1/registries/population/households/:householdId': {
    allowed: ['registryReader', () => ({ method: 'GET', url: '/api/v1/registries/population/households/HGD000010001' })],
    denied: [['agencySystem', () => ({ method: 'GET', url: '/api/v1/registries/population/households/HGD000010001' }), 403], ['', () => ({ method: 'GET', url: '/api/v1/registries/population/households/HGD000010001' }), 401]],
  },
  'POST /api/v1/registries/population/persons/:personalId/residence-moves': {
    allowed: ['residenceSystem', () => ({ method: 'POST', url: `/api/v1/registries/population/persons/${personalIdOf(201)}/residence-moves`, body: { communeCode: '31135', address: 'Số 1, tổ dân phố 1', movedOn: '2026-12-01' } })],
    denied: [['registryReader', () => ({ method: 'POST', url: `/api/v1/registries/population/persons/${personalIdOf(201)}/residence-moves`, body: { communeCode: '31135', address: 'Số 1, tổ dân phố 1', movedOn: '2026-12-01' } }), 403], ['sysadmin', () => ({ method: 'POST', url: `/api/v1/registries/population/persons/${personalIdOf(201)}/residence-moves`, body: { communeCode: '31135', address: 'Số 1, tổ dân phố 1', movedOn: '2026-12-01' } }), 403]],
  },
  'GET /api/v1/registries/enterprises/:code': {
    allowed: ['registryReader', () => ({ method: 'GET', url: `/api/v1/registries/enterprises/${enterprise.enterpriseCode}` })],
    denied: [['agencySystem', () => ({ method: 'GET', url: `/api/v1/registries/enterprises/${enterprise.enterpriseCode}` }), 403], ['representative', () => ({ method: 'GET', url: `/api/v1/registries/enterprises/${enterprise.enterpriseCode}` }), 403]],
  },
  'GET /api/v1/registries/land/parcels': {
    allowed: ['registryReader', () => ({ method: 'GET', url: `/api/v1/registries/land/parcels?holder=${personalIdOf(11)}` })],
    denied: [['residenceSystem', () => ({ method: 'GET', url: `/api/v1/registries/land/parcels?holder=${personalIdOf(11)}` }), 403], ['', () => ({ method: 'GET', url: `/api/v1/registries/land/parcels?holder=${personalIdOf(11)}` }), 401]],
  },
  'GET /api/v1/exchange/members/:memberCode/access-rights': {
    allowed: ['adminA', () => ({ method: 'GET', url: '/api/v1/exchange/members/H29.15/access-rights' })],
    denied: [['adminB', () => ({ method: 'GET', url: '/api/v1/exchange/members/H29.15/access-rights' }), 404], ['receptionistA', () => ({ method: 'GET', url: '/api/v1/exchange/members/H29.15/access-rights' }), 403], ['agencySystem', () => ({ method: 'GET', url: '/api/v1/exchange/members/H29.15/access-rights' }), 403]],
  },
  'PUT /api/v1/exchange/access-rights': {
    allowed: ['adminA', exchangeCall(grantRight)],
    denied: [['adminB', exchangeCall(grantRight), 404], ['receptionistA', exchangeCall(grantRight), 403]],
  },
  'DELETE /api/v1/exchange/access-rights': {
    allowed: [
      'adminA',
      async () => {
        await exchangeFixture();
        await call('adminA', grantRight);
        return revokeRight;
      },
    ],
    denied: [['adminB', exchangeCall(revokeRight), 404], ['receptionistA', exchangeCall(revokeRight), 403]],
  },
  'PUT /api/v1/exchange/members/:memberCode/subsystems/:subsystemCode': {
    allowed: ['adminA', () => saveSubsystem],
    denied: [['adminB', () => saveSubsystem, 404], ['receptionistA', () => saveSubsystem, 403], ['', () => saveSubsystem, 401]],
  },
  'GET /api/v1/agencies/:agencyCode/login-events': {
    allowed: ['auditorA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/login-events' })],
    denied: [['auditorB', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/login-events' }), 404], ['adminA', () => ({ method: 'GET', url: '/api/v1/agencies/H29.15/login-events' }), 403]],
  },
};

describe('authorization matrix', () => {
  it('has a row for every protected route', () => {
    const protectedRoutes = t.app.declaredRoutes.filter((route) => route.access !== 'public').map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(protectedRoutes.filter((route) => !(route in MATRIX)), [], 'routes missing from the matrix');
    assert.deepEqual(Object.keys(MATRIX).filter((route) => !protectedRoutes.includes(route)), [], 'matrix rows for routes that do not exist');
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    it(`${route}: denied actors are refused, the allowed one succeeds`, async () => {
      for (const [actor, make, status] of row.denied) {
        const answer = await call(actor || undefined, await make());
        assert.equal(answer.status, status, `${route} as ${actor || 'nobody'}: ${answer.body.slice(0, 300)}`);
        assert.match(answer.body, /"messages":\{"vi":/, 'a problem+json body in Vietnamese and English');
      }
      const [actor, make] = row.allowed;
      const answer = await call(actor, await make());
      assert.ok(answer.status >= 200 && answer.status < 300, `${route} as ${actor}: ${answer.status} ${answer.body.slice(0, 300)}`);
    });
  }

  it('answers a hidden object exactly like a missing one (no existence leak)', async () => {
    const hidden = await call('adminB', { method: 'GET', url: `/api/v1/officials/${state.receptionistAId ?? ''}` });
    const missing = await call('adminB', { method: 'GET', url: '/api/v1/officials/0190d3f0-0000-7000-8000-000000000000' });
    const strip = (body: string) => {
      const { instance: _instance, requestId: _requestId, ...rest } = JSON.parse(body) as Record<string, unknown>;
      return rest;
    };
    assert.equal(hidden.status, 404);
    assert.deepEqual(strip(hidden.body), strip(missing.body));
  });
});
