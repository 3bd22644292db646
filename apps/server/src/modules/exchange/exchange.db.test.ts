import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { findFreePort } from '../../kernel/db/embedded.ts';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import type { createIdentityModule } from '../identity/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import { publicKeyOf, verifyDetached } from './jws.ts';
import { exportLog } from './log-export.ts';
import { verifyLog } from './log-verifier.ts';
import type { createExchangeModule, LocalProvider } from './index.ts';
import { responseHash, xroadHeaders } from './testing/xroad-client.ts';

// The gateway end to end: an agency system with a client-credentials token calls a local provider
// through /r1/… ; refusals (no right, tampered, replayed, over quota, bad identifiers) are answered
// with X-Road-Error and logged; the log verifies offline; administrators change rights and subsystems.

type ExchangeService = ReturnType<typeof createExchangeModule>['service'];
type IdentityService = ReturnType<typeof createIdentityModule>['service'];

const PROVIDER = 'VN/GOV/H29/test-registry';
const ECHO = `${PROVIDER}/echo`;
const PERSON = `${PROVIDER}/person`;
const CLIENT = 'VN/GOV/H29.15/ho-tich';
const PORTAL = 'VN/GOV/H29/portal';
const subject = syntheticResident(5);

const providers: LocalProvider[] = [
  {
    memberClass: 'GOV',
    memberCode: 'H29',
    memberName: 'UBND TP Hồ Chí Minh (thử nghiệm)',
    subsystem: 'test-registry',
    subsystemName: 'Cơ sở dữ liệu thử nghiệm',
    services: [
      {
        code: 'echo',
        title: { vi: 'Trả lại yêu cầu', en: 'Echo' },
        openapi: { openapi: '3.1.0', info: { title: 'Echo', version: '1' }, paths: {} },
        personalData: false,
        handle: async (request) => ({ status: 200, body: { path: request.path, query: request.query, body: request.body, messageId: request.messageId } }),
      },
      {
        code: 'person',
        title: { vi: 'Tra cứu công dân', en: 'Person lookup' },
        openapi: { openapi: '3.1.0', info: { title: 'Person', version: '1' }, paths: {} },
        personalData: true,
        handle: async (request) => {
          const id = request.path.slice(1);
          return id === subject.personalId ? { status: 200, body: { personalId: id, fullName: subject.fullName }, dataSubjects: [{ personalId: id, data: 'họ tên' }] } : { status: 404, body: { error: 'not found' } };
        },
      },
    ],
    events: [
      {
        code: 'person-moved',
        topic: 'registries.person.moved',
        title: { vi: 'Công dân chuyển nơi cư trú', en: 'A person moved' },
        dataSubjects: (payload) => [{ personalId: (payload as { personalId: string }).personalId, data: 'nơi thường trú mới' }],
      },
    ],
  },
  // The platform's own client subsystem (in-process calls): a provider without services.
  { memberClass: 'GOV', memberCode: 'H29', memberName: 'UBND TP Hồ Chí Minh (thử nghiệm)', subsystem: 'portal', subsystemName: 'Cổng dịch vụ công', services: [], events: [] },
];

let t: TestApp & { base: string };
let exchange: ExchangeService;
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signingKey = { privateKey: keys.privateKey, kid: 'ho-tich-1' };
const tokens: Record<string, string> = {};
let calls = 0;

async function clientToken(clientId: string, agencyCode: string, permissions: ('exchange:call' | 'dossiers:read')[]) {
  const identity = moduleService<IdentityService>(t, 'identity');
  const { clientSecret } = await identity.registerClient({ clientId, name: clientId, agencyCode, kind: 'agency_system', permissions });
  const response = await fetch(`${t.base}/oidc/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret ?? ''}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const adult = (n: number) => {
  for (let i = n; ; i++) {
    const r = syntheticResident(i);
    if (r.birthDate < '2000-01-01') return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Zq7-kW-hx9p-vt3m-trao-doi-du-lieu-${String.fromCharCode(97 + (i % 26))}` };
  }
};

/** A message to /r1/… (signed with the client's key unless told otherwise). */
async function send(options: { service?: string; path?: string; method?: string; body?: unknown; token?: string; client?: string; sign?: boolean; headers?: Record<string, string>; tamper?: (headers: Record<string, string>) => void; target?: string; purpose?: string; userId?: string; messageId?: string; date?: string; discloseAfter?: string }) {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const target = options.target ?? `/r1/${options.service ?? ECHO}${options.path ?? ''}`;
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(options.body));
  const built = xroadHeaders({
    method,
    target,
    client: options.client ?? CLIENT,
    body,
    ...(options.sign === false ? {} : { key: signingKey }),
    ...(options.purpose !== undefined ? { purpose: options.purpose } : {}),
    ...(options.userId !== undefined ? { userId: options.userId } : {}),
    ...(options.messageId !== undefined ? { messageId: options.messageId } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.discloseAfter !== undefined ? { discloseAfter: options.discloseAfter } : {}),
  });
  const headers: Record<string, string> = { ...built.headers, authorization: `Bearer ${options.token ?? tokens.hoTich ?? ''}`, ...(body.length > 0 ? { 'content-type': 'application/json' } : {}), ...options.headers };
  options.tamper?.(headers);
  calls += 1;
  const response = await t.app.inject({ method: method as 'GET', url: target, headers, ...(body.length > 0 ? { payload: body } : {}) });
  return { response, requestHash: built.requestHash, messageId: built.messageId, body: response.rawPayload };
}

async function logRows() {
  return (await t.db.database.db.execute(sql`select seq, message_id, client, service, status, error_code from exchange.message_log order by seq`)) as unknown as { seq: string; message_id: string | null; client: string | null; service: string | null; status: number; error_code: string | null }[];
}
const lastRow = async () => (await logRows()).at(-1);

before(async () => {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await createTestApp({ env: { PORT: String(port), PUBLIC_URL: base } });
  await app.app.listen({ port, host: '127.0.0.1' });
  t = { ...app, base };
  exchange = moduleService<ExchangeService>(t, 'exchange');
  await exchange.addProviders(providers);
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  tokens.hoTich = await clientToken('exchange-test-hotich', 'H29.15', ['exchange:call']);
  tokens.quota = await clientToken('exchange-test-quota', 'H29.15', ['exchange:call']);
  tokens.noPermission = await clientToken('exchange-test-reader', 'H29.15', ['dossiers:read']);
  tokens.cityPortal = await clientToken('exchange-test-city', 'H29', ['exchange:call']);
  tokens.providerAdmin = (await signedInActor(t, adult(201), { post: { agencyCode: 'H29', unitCode: null, roles: ['agency_admin'] } })).token;
  tokens.clientAdmin = (await signedInActor(t, adult(211), { post: { agencyCode: 'H29.15', unitCode: null, roles: ['agency_admin'] } })).token;
  tokens.receptionist = (await signedInActor(t, adult(221), { post: { agencyCode: 'H29', unitCode: null, roles: ['receptionist'] } })).token;
});
after(async () => {
  await t.close();
});

const admin = (who: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who] ?? ''}` }, ...(payload ? { payload } : {}) });

describe('exchange administration', () => {
  it("registers a client subsystem by its member's administrator only", async () => {
    const body = { memberName: 'Sở Tư pháp', name: 'Hộ tịch điện tử', clientId: 'exchange-test-hotich', signingKey: { ...(keys.publicKey.export({ format: 'jwk' }) as { kty: 'EC'; crv: 'P-256'; x: string; y: string }), kid: 'ho-tich-1' } };
    assert.equal((await admin('providerAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/ho-tich', body)).statusCode, 404, "another agency's administrator");
    assert.equal((await admin('receptionist', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/ho-tich', body)).statusCode, 403, 'a role without exchange:manage');
    const saved = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/ho-tich', body);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ id: string }>().id, CLIENT);
    const quota = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/quota-test', { memberName: 'Sở Tư pháp', name: 'Quota', clientId: 'exchange-test-quota', quotaPerMinute: 2 });
    assert.equal(quota.statusCode, 200, quota.body);
    const taken = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/other', { memberName: 'Sở Tư pháp', name: 'Other', clientId: 'exchange-test-hotich' });
    assert.equal(taken.statusCode, 409, 'one subsystem per OAuth client');
    const badKey = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/other', { memberName: 'Sở Tư pháp', name: 'Other', clientId: 'exchange-test-reader', signingKey: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) } });
    assert.equal(badKey.statusCode, 400);
    assert.equal(badKey.json<{ code: string }>().code, 'exchange.invalid_signing_key');
    const foreign = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/other', { memberName: 'Sở Tư pháp', name: 'Other', clientId: 'exchange-test-city' });
    assert.equal(foreign.statusCode, 400, "another agency's OAuth client is not bound");
    assert.equal(foreign.json<{ code: string }>().code, 'exchange.client_not_of_member');
    const unknown = await admin('clientAdmin', 'PUT', '/api/v1/exchange/members/H29.15/subsystems/other', { memberName: 'Sở Tư pháp', name: 'Other', clientId: 'no-such-client' });
    assert.equal(unknown.json<{ code: string }>().code, 'exchange.client_not_of_member');
    const own = await admin('providerAdmin', 'PUT', '/api/v1/exchange/members/H29/subsystems/portal', { memberName: 'UBND', name: 'Cổng', clientId: 'exchange-test-city' });
    assert.equal(own.statusCode, 409, "the platform's own subsystem is not administered");
    assert.equal(own.json<{ code: string }>().code, 'exchange.local_subsystem');
    const [audit] = (await t.db.database.db.execute(sql`select count(*)::int as n from exchange.admin_audit where event = 'subsystem.saved'`)) as unknown as { n: number }[];
    assert.equal(audit?.n, 2);
  });

  it('publishes the catalogue and OpenAPI documents, and the gateway keys', async () => {
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/v1/exchange/services' })).json<{ members: { subsystems: { id: string; services: { id: string; personalData: boolean }[] }[] }[] }>();
    const services = catalogue.members.flatMap((m) => m.subsystems.flatMap((s) => s.services));
    assert.deepEqual(services.find((s) => s.id === PERSON)?.personalData, true);
    assert.ok(!catalogue.members.some((m) => m.subsystems.some((s) => s.id === CLIENT)), 'client-only subsystems are not listed');
    const openapi = await t.app.inject({ method: 'GET', url: `/api/v1/exchange/services/${ECHO}/openapi` });
    assert.equal(openapi.statusCode, 200);
    assert.equal(openapi.json<{ info: { title: string } }>().info.title, 'Echo');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/exchange/services/${PROVIDER}/nothing/openapi` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/exchange/keys' })).json<{ keys: unknown[] }>().keys.length, 1);
  });
});

describe('exchange messages', () => {
  it('refuses a call without an access right, and logs it', async () => {
    const { response } = await send({ service: ECHO });
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.headers['x-road-error'], 'Server.ServerProxy.AccessDenied');
    assert.match(String(response.headers['content-type']), /problem\+json/);
    assert.match(response.body, /"messages":\{"vi":/);
    const row = await lastRow();
    assert.equal(row?.error_code, 'Server.ServerProxy.AccessDenied');
    assert.equal(row?.client, CLIENT);
    assert.equal(row?.status, 403);
  });

  it("grants rights by the provider's administrator only (deny by default)", async () => {
    for (const service of [ECHO, PERSON]) {
      assert.equal((await admin('clientAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: CLIENT, serviceId: service })).statusCode, 404);
      const granted = await admin('providerAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: CLIENT, serviceId: service });
      assert.equal(granted.statusCode, 200, granted.body);
    }
    assert.equal((await admin('providerAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: 'VN/GOV/H29.15/quota-test', serviceId: ECHO })).statusCode, 200);
    assert.equal((await admin('providerAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: PORTAL, serviceId: PERSON })).statusCode, 200);
    assert.equal((await admin('providerAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: 'VN/GOV/H29.15/none', serviceId: ECHO })).statusCode, 404);
    const listed = await admin('providerAdmin', 'GET', '/api/v1/exchange/members/H29/access-rights');
    assert.equal(listed.json<unknown[]>().length, 4);
    assert.equal((await admin('clientAdmin', 'GET', '/api/v1/exchange/members/H29/access-rights')).statusCode, 404);
  });

  it('answers with the request hash and a gateway signature that verify', async () => {
    const { response, requestHash, messageId } = await send({ service: ECHO, path: '/a/b', target: `/r1/${ECHO}/a/b?x=1&y=%C3%A2`, body: { hello: 'xin chào' }, method: 'POST' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { path: '/a/b', query: { x: '1', y: 'â' }, body: { hello: 'xin chào' }, messageId });
    assert.equal(response.headers['x-road-request-hash'], requestHash);
    assert.equal(response.headers['x-road-id'], messageId);
    assert.equal(response.headers['x-road-client'], CLIENT);
    assert.equal(response.headers['x-road-service'], ECHO);
    const jwks = (await t.app.inject({ method: 'GET', url: '/api/v1/exchange/keys' })).json<{ keys: Record<string, unknown>[] }>();
    const key = publicKeyOf(jwks.keys[0] ?? {});
    assert.ok(key);
    const hash = responseHash(requestHash, messageId, ECHO, 200, response.rawPayload);
    assert.equal(verifyDetached(key, String(response.headers['x-road-signature']), hash), true);
    assert.equal(verifyDetached(key, String(response.headers['x-road-signature']), responseHash(requestHash, messageId, ECHO, 200, Buffer.from('{}'))), false);
  });

  it('refuses a message changed after signing (body or header), and logs it', async () => {
    const signedFor = xroadHeaders({ method: 'POST', target: `/r1/${ECHO}`, client: CLIENT, body: Buffer.from('{"amount":1}'), key: signingKey });
    const changedBody = await t.app.inject({ method: 'POST', url: `/r1/${ECHO}`, headers: { ...signedFor.headers, authorization: `Bearer ${tokens.hoTich ?? ''}`, 'content-type': 'application/json' }, payload: '{"amount":9}' });
    assert.equal(changedBody.statusCode, 403);
    assert.equal(changedBody.headers['x-road-error'], 'Server.ClientProxy.InvalidSignature');
    assert.equal((await lastRow())?.error_code, 'Server.ClientProxy.InvalidSignature');
    const changedHeader = await send({ service: ECHO, userId: 'canbo01', tamper: (headers) => (headers['x-road-userid'] = 'canbo02') });
    assert.equal(changedHeader.response.statusCode, 403);
    const unsigned = await send({ service: ECHO, sign: false });
    assert.equal(unsigned.response.statusCode, 403, 'a subsystem with a registered key must sign');
    const changedDate = await send({ service: ECHO, tamper: (headers) => (headers['x-road-date'] = new Date(Date.now() - 1000).toISOString()) });
    assert.equal(changedDate.response.statusCode, 403);
    calls += 1; // the injected message with the changed body
  });

  it('refuses a replayed message id and a message outside the time window', async () => {
    const first = await send({ service: ECHO });
    assert.equal(first.response.statusCode, 200);
    const again = await send({ service: ECHO, messageId: first.messageId });
    assert.equal(again.response.statusCode, 409);
    assert.equal(again.response.headers['x-road-error'], 'Server.ClientProxy.DuplicateMessage');
    assert.equal((await lastRow())?.error_code, 'Server.ClientProxy.DuplicateMessage');
    const old = await send({ service: ECHO, date: new Date(Date.now() - 10 * 60_000).toISOString() });
    assert.equal(old.response.statusCode, 400);
    assert.equal(old.response.headers['x-road-error'], 'Server.ClientProxy.MessageExpired');
  });

  it('refuses the replay attacks of the reliability plan (§2.4), each one logged', async () => {
    // Signed with a purpose and a user, so that only the service differs when it is sent to the person service.
    const signed = xroadHeaders({ method: 'POST', target: `/r1/${ECHO}`, client: CLIENT, body: Buffer.from('{"n":1}'), key: signingKey, purpose: 'kiểm thử', userId: 'canbo01' });
    const inject = (url: string, payload: string) => {
      calls += 1;
      return t.app.inject({ method: 'POST', url, headers: { ...signed.headers, authorization: `Bearer ${tokens.hoTich ?? ''}`, 'content-type': 'application/json' }, payload });
    };
    assert.equal((await inject(`/r1/${ECHO}`, '{"n":1}')).statusCode, 200);
    // The identical signed message, byte for byte.
    const identical = await inject(`/r1/${ECHO}`, '{"n":1}');
    assert.equal(identical.statusCode, 409);
    assert.equal(identical.headers['x-road-error'], 'Server.ClientProxy.DuplicateMessage');
    // The same id with a new body, correctly signed by the client.
    const newBody = await send({ service: ECHO, messageId: signed.messageId, body: { n: 2 } });
    assert.equal(newBody.response.statusCode, 409);
    // A valid message sent to another service than the one it was signed for.
    const elsewhere = await t.app.inject({ method: 'POST', url: `/r1/${PERSON}/${subject.personalId}`, headers: { ...signed.headers, authorization: `Bearer ${tokens.hoTich ?? ''}`, 'content-type': 'application/json' }, payload: '{"n":1}' });
    calls += 1;
    assert.equal(elsewhere.statusCode, 403);
    assert.equal(elsewhere.headers['x-road-error'], 'Server.ClientProxy.InvalidSignature');
    const rows = (await logRows()).slice(-3);
    assert.deepEqual(rows.map((row) => [row.status, row.error_code]), [
      [409, 'Server.ClientProxy.DuplicateMessage'],
      [409, 'Server.ClientProxy.DuplicateMessage'],
      [403, 'Server.ClientProxy.InvalidSignature'],
    ]);
  });

  it('requires a purpose and the acting person for personal data, and records the read for the tracker', async () => {
    const without = await send({ service: PERSON, path: `/${subject.personalId}`, userId: 'canbo01' });
    assert.equal(without.response.statusCode, 400);
    assert.equal(without.response.headers['x-road-error'], 'Server.ClientProxy.PurposeRequired');
    const ok = await send({ service: PERSON, path: `/${subject.personalId}`, userId: 'canbo01', purpose: 'Đăng ký khai sinh hồ sơ H29.15-261204-0001' });
    assert.equal(ok.response.statusCode, 200, ok.response.body);
    const deferred = await send({ service: PERSON, path: `/${subject.personalId}`, userId: 'canbo01', purpose: 'điều tra', discloseAfter: '2027-01-01' });
    assert.equal(deferred.response.statusCode, 403);
    assert.equal(deferred.response.headers['x-road-error'], 'Server.ClientProxy.DeferralNotAllowed');
    // A personal ID in the purpose would be copied into the log and shown to the subject: a 400, not a read.
    const leaking = await send({ service: PERSON, path: `/${subject.personalId}`, userId: 'canbo01', purpose: `kiểm tra ${subject.personalId}` });
    assert.equal(leaking.response.statusCode, 400);
    assert.equal(leaking.response.headers['x-road-error'], 'Server.ClientProxy.PersonalIdInHeader');
    const reads = (await t.db.database.db.execute(sql`select accessor_id, purpose, service, user_id from tracker.data_access where subject_personal_id = ${subject.personalId}`)) as unknown as Record<string, string>[];
    assert.deepEqual([...reads], [{ accessor_id: CLIENT, purpose: 'Đăng ký khai sinh hồ sơ H29.15-261204-0001', service: PERSON, user_id: 'canbo01' }]);
  });

  it('refuses unknown or unbound clients, agency systems without exchange:call, and bad identifiers', async () => {
    const unknown = await send({ service: ECHO, client: 'VN/GOV/H29.15/unknown', sign: false });
    assert.equal(unknown.response.statusCode, 403);
    assert.equal(unknown.response.headers['x-road-error'], 'Server.ClientProxy.UnknownClient');
    const mismatch = await send({ service: ECHO, client: CLIENT, token: tokens.quota });
    assert.equal(mismatch.response.headers['x-road-error'], 'Server.ClientProxy.ClientMismatch');
    const noPermission = await send({ service: ECHO, token: tokens.noPermission });
    assert.equal(noPermission.response.statusCode, 403);
    assert.equal(noPermission.response.headers['x-road-error'], 'Server.ClientProxy.NotAnAgencySystem');
    calls -= 1; // refused by the access layer (no exchange:call) before the gateway: not a message
    const anonymous = await t.app.inject({ method: 'GET', url: `/r1/${ECHO}` });
    assert.equal(anonymous.statusCode, 401);
    for (const target of [`/r1/VN/GOV/H29%2E15/test-registry/echo`, `/r1/VN/GOV/h29/test-registry/echo`, `/r1/VN/GOV/H29/test-registry/echo/a%2Fb`, `/r1/VN/GOV/H29/test-registry/echo?a=1&a=2`]) {
      const bad = await send({ target });
      assert.equal(bad.response.statusCode, 400, target);
      assert.equal(bad.response.headers['x-road-error'], 'Server.ClientProxy.InvalidIdentifier', target);
    }
    const badClient = await send({ service: ECHO, client: 'VN/GOV/H29.15/Ho-Tich', sign: false });
    assert.equal(badClient.response.statusCode, 400);
  });

  it('applies quotas per client subsystem with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send({ service: ECHO, client: 'VN/GOV/H29.15/quota-test', token: tokens.quota, sign: false })).response);
    assert.deepEqual(statuses.map((r) => r.statusCode), [200, 200, 429]);
    assert.equal(statuses[2]?.headers['x-road-error'], 'Server.ClientProxy.QuotaExceeded');
    assert.ok(Number(statuses[2]?.headers['retry-after']) >= 1);
  });

  it('serves the platform’s own subsystems in process, through the same pipeline', async () => {
    const answer = await exchange.call({ client: PORTAL, service: PERSON, method: 'GET', path: `/${subject.personalId}`, userId: 'citizen:me', purpose: 'Điền sẵn hồ sơ 1.001193', issue: 'draft-1' });
    calls += 1;
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { personalId: subject.personalId, fullName: subject.fullName });
    assert.match(answer.requestHash, /^[A-Za-z0-9+/]{86}==$/);
    const refused = await exchange.call({ client: PORTAL, service: ECHO, method: 'GET', path: '', userId: null, purpose: null });
    calls += 1;
    assert.equal(refused.status, 403);
    const external = await exchange.call({ client: CLIENT, service: ECHO, method: 'GET', path: '', userId: null, purpose: null });
    calls += 1;
    assert.equal(external.status, 403, 'only local subsystems call in process');
  });

  it('lists subscribers of an event topic from access rights', async () => {
    assert.deepEqual(await exchange.subscribersOf('registries.person.moved'), []);
    assert.equal((await admin('providerAdmin', 'PUT', '/api/v1/exchange/access-rights', { clientSubsystemId: CLIENT, serviceId: `${PROVIDER}/person-moved` })).statusCode, 200);
    assert.deepEqual(await exchange.subscribersOf('registries.person.moved'), [{ subsystemId: CLIENT, serviceId: `${PROVIDER}/person-moved`, subsystemName: 'Hộ tịch điện tử' }]);
  });

  it("records an event about a person in that person's data tracker, once per subscriber it reached", async () => {
    const mover = syntheticResident(6);
    const registries = moduleService<{ records: { moveResidence(id: string, move: { communeCode: string; address: string; movedOn: string }, requestId: string | null): Promise<unknown> } }>(t, 'registries');
    await registries.records.moveResidence(mover.personalId, { communeCode: '31135', address: 'Số 9, tổ dân phố 2', movedOn: '2026-11-30' }, null);
    await t.worker.drain();
    const reads = (await t.db.database.db.execute(sql`select channel, accessor_id, service, purpose, data from tracker.data_access where subject_personal_id = ${mover.personalId}`)) as unknown as Record<string, string>[];
    assert.deepEqual([...reads], [{ channel: 'exchange', accessor_id: CLIENT, service: `${PROVIDER}/person-moved`, purpose: 'Nhận thông báo sự kiện: Công dân chuyển nơi cư trú', data: 'nơi thường trú mới' }]);
    const [envelopes] = (await t.db.database.db.execute(sql`select count(*)::int as n from exchange.event_envelope where subscriber = ${CLIENT}`)) as unknown as { n: number }[];
    assert.equal(envelopes?.n, 1, 'the envelope it was recorded for');
  });

  it('revokes a right: the next call is refused', async () => {
    assert.equal((await admin('providerAdmin', 'DELETE', `/api/v1/exchange/access-rights?client=${encodeURIComponent(CLIENT)}&service=${encodeURIComponent(ECHO)}`)).statusCode, 204);
    assert.equal((await send({ service: ECHO })).response.statusCode, 403);
    const events = (await t.db.database.db.execute(sql`select event from exchange.admin_audit where event like 'access_right.%' order by at`)) as unknown as { event: string }[];
    assert.ok(events.some((e) => e.event === 'access_right.revoked'));
  });

  it('logged every message once, in one chain that verifies offline and is time-stamped', async () => {
    const rows = await logRows();
    assert.equal(rows.length, calls);
    assert.deepEqual(rows.map((r) => Number(r.seq)), rows.map((_r, i) => i + 1));
    assert.equal(await exchange.stampNow(), 'stamped');
    const exported = await exportLog(t.db.database.db, {});
    const result = verifyLog(exported);
    assert.deepEqual(result.breaks, []);
    assert.equal(result.stampedThrough, rows.length);
    await assert.rejects(t.db.database.db.execute(sql`update exchange.message_log set status = 200 where seq = 1`), (error: Error) => /append-only/.test(String(error.cause)));
  });
});
