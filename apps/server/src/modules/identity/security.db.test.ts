import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import type { Clock } from '../../kernel/clock.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import { IP_FAILURE_LIMIT } from './accounts.ts';
import type { createIdentityModule } from './index.ts';
import { sessionTtl, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './oidc/provider.ts';
import { browse, signIn } from './testing/browser-login.ts';
import { totpCode } from './totp.ts';

// Brute force, step-up for sensitive actions, second factor at login, session limits and
// back-channel logout, over real HTTP.

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
const REDIRECT = 'http://127.0.0.1:9/callback';
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let t: TestApp & { base: string };
let identity: IdentityService;
let logoutTokens: string[] = [];
const backchannel = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    logoutTokens.push(new URLSearchParams(body).get('logout_token') ?? '');
    response.writeHead(200).end();
  });
});
const admin = { personalId: '001085012345', fullName: 'Phạm Quốc Bảo', birthDate: '1985-03-03', sex: 'male' as const, password: 'Kx9-admin-pass-Qw4z-Lm2p' };
let adminSecret = '';

before(async () => {
  t = await createListeningTestApp({ clock });
  identity = moduleService<IdentityService>(t, 'identity');
  await seedDemoAgencies(t.db.database.db);
  await new Promise<void>((resolve) => backchannel.listen(0, '127.0.0.1', resolve));
  const address = backchannel.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await identity.registerClient({ clientId: 'security-portal', name: 'Portal', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT], postLogoutRedirectUris: [REDIRECT], backchannelLogoutUri: `http://127.0.0.1:${port}/backchannel` });
  const official = await identity.appointOfficial(admin, { agencyCode: 'H29', unitCode: null, roles: ['system_admin'] });
  adminSecret = (await identity.services.secondFactor.startTotp(official.id)).secret;
  await identity.services.secondFactor.confirmTotp(official.id, totpCode(adminSecret, new Date(Date.now() - 30_000)), null);
});
after(async () => {
  backchannel.close();
  await t.close();
});

describe('brute force', () => {
  it('throttles an address after repeated failures, whatever account it tries, without a 500', async () => {
    const { accounts } = identity.services;
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      await assert.rejects(accounts.authenticate(`0790850${String(10_000 + i)}`, 'wrong password', '203.0.113.9'), { code: 'identity.bad_credentials' });
    }
    await assert.rejects(accounts.authenticate(admin.personalId, admin.password, '203.0.113.9'), { code: 'identity.ip_throttled', kind: 'rate_limited' });
    // Another address is not affected, and the real owner still signs in.
    const found = await accounts.authenticate(admin.personalId, admin.password, '198.51.100.7');
    assert.equal(found.personalId, admin.personalId);
  });

  it('refuses a wrong authenticator code and counts it toward the lockout', async () => {
    const found = await identity.services.accounts.findByPersonalId(admin.personalId);
    await assert.rejects(identity.services.secondFactor.verifyLogin(found?.id ?? '', '000000', '198.51.100.8'), { code: 'identity.wrong_totp' });
    const after = await identity.services.accounts.findById(found?.id ?? '');
    assert.equal(after?.failedLogins, 1);
  });
});

describe('second factor and step-up', () => {
  it('gives an official with TOTP official powers, and asks for a recent login for sensitive actions', async () => {
    offsetMs = 0;
    const { tokens } = await signIn({ base: t.base, clientId: 'security-portal', redirectUri: REDIRECT, personalId: admin.personalId, password: admin.password, totpSecret: adminSecret, at: new Date(Date.now() + 30_000) });
    const claims = decodeJwt(tokens.access_token);
    assert.deepEqual(claims.amr, ['pwd', 'otp', 'mfa']);
    assert.equal(typeof claims.auth_time, 'number');
    const whoami = await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(whoami.json<{ kind: string }>().kind, 'official');

    const register = () => t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { authorization: `Bearer ${tokens.access_token}` }, payload: { clientId: `step-up-${offsetMs}`, name: 'Step-up', agencyCode: 'H29', kind: 'agency_system' } });
    assert.equal((await register()).statusCode, 201);
    offsetMs = 6 * 60_000; // six minutes later: the token is valid, the login is no longer recent
    const stale = await register();
    assert.equal(stale.statusCode, 401);
    assert.match(String(stale.headers['www-authenticate']), /insufficient_user_authentication.*max_age=300/);
    assert.equal(stale.json<{ code: string }>().code, 'auth.recent_login_required');
    offsetMs = 12 * 60_000; // past the 10-minute token life (and its minute of tolerance): refused, cache or not
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(expired.statusCode, 401);
    offsetMs = 0;
  });
});

describe('sessions', () => {
  const cases: [string, number | undefined, number, number][] = [
    ['a new session gets an idle hour', undefined, 1_000, SESSION_IDLE_SECONDS],
    ['a refresh within the day extends by an idle hour', 1_000, 1_000 + 3 * 3600, SESSION_IDLE_SECONDS],
    ['never past the absolute day', 1_000, 1_000 + SESSION_ABSOLUTE_SECONDS - 600, 600],
    ['past the day, nothing left', 1_000, 1_000 + SESSION_ABSOLUTE_SECONDS + 5, 1],
  ];
  for (const [name, iiat, now, expected] of cases) it(name, () => assert.equal(sessionTtl(iiat, now), expected));

  it('tells relying parties with a back-channel logout URI when the session ends', async () => {
    logoutTokens = [];
    offsetMs = 90_000; // a later authenticator step than the previous login's (codes are single use)
    const { config, tokens, jar } = await signIn({ base: t.base, clientId: 'security-portal', redirectUri: REDIRECT, personalId: admin.personalId, password: admin.password, totpSecret: adminSecret, at: clock.now(), scope: 'openid offline_access' });
    assert.ok(tokens.refresh_token, 'a refresh token to be ended by the logout');
    offsetMs = 0;
    const endSession = new URL(`${t.base}/oidc/session/end`);
    endSession.searchParams.set('id_token_hint', tokens.id_token ?? '');
    endSession.searchParams.set('client_id', config.clientMetadata().client_id);
    const page = await (await browse(t.base, endSession.toString(), jar)).text();
    const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.ok(action && xsrf, 'the logout confirmation form');
    const confirmed = await browse(t.base, new URL(action, t.base).toString(), jar, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ xsrf, logout: 'yes' }).toString() });
    assert.ok(confirmed.status < 500, `${confirmed.status} ${action}`);
    assert.equal(logoutTokens.length, 1, 'one logout token delivered');
    const logout = decodeJwt(logoutTokens[0] ?? '');
    assert.ok(Object.keys((logout.events ?? {})).includes('http://schemas.openid.net/event/backchannel-logout'));
    assert.equal(logout.aud, 'security-portal');
    assert.ok(logout.sid, 'the session id, since the client asked for it');
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token ?? ''), 'logging out ends the refresh token too');
  });
});

