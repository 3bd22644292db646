import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import type { createIdentityModule } from './index.ts';
import { browse, signIn } from './testing/browser-login.ts';
import { createSoftAuthenticator, type SoftAuthenticator } from './testing/soft-authenticator.ts';

// An official enrols a passkey through the API, then signs in with it alone on the provider's login
// page (phishing-resistant: the signature is bound to our origin), and gets official powers.

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
const REDIRECT = 'http://127.0.0.1:9/callback';
const official = { personalId: '001190054321', fullName: 'Đỗ Minh Châu', birthDate: '1990-07-07', sex: 'female' as const, password: 'Rt5-official-Xp7q-Nw3k-Lz' };
let t: TestApp & { base: string };
let authenticator: SoftAuthenticator;

before(async () => {
  t = await createListeningTestApp();
  const identity = moduleService<IdentityService>(t, 'identity');
  await seedDemoAgencies(t.db.database.db);
  await identity.registerClient({ clientId: 'passkey-portal', name: 'Portal', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT] });
  await identity.appointOfficial(official, { agencyCode: 'H29.15', unitCode: null, roles: ['leader'] });

  // Enrolment: the official, signed in with the password (no official power yet), registers a passkey.
  const { tokens } = await signIn({ base: t.base, clientId: 'passkey-portal', redirectUri: REDIRECT, personalId: official.personalId, password: official.password });
  const auth = { authorization: `Bearer ${tokens.access_token}` };
  const who = await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: auth });
  assert.equal(who.json<{ officialPowers: boolean }>().officialPowers, false, 'a password alone gives no official power');
  const started = (await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/options', headers: auth })).json<{ challengeId: string; options: Parameters<SoftAuthenticator['register']>[0] }>();
  authenticator = createSoftAuthenticator();
  const registered = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys', headers: auth, payload: { challengeId: started.challengeId, name: 'Khóa cơ quan', response: authenticator.register(started.options, t.base) } });
  assert.equal(registered.statusCode, 201, registered.body);
});
after(async () => t.close());

async function loginPage() {
  const config = await client.discovery(new URL(`${t.base}/oidc`), 'passkey-portal', undefined, client.None(), { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid api', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state });
  const jar = new Map<string, string>();
  const html = await (await browse(t.base, url.toString(), jar)).text();
  const base = /data-base="([^"]+)"/.exec(html)?.[1] ?? '';
  const post = (path: string, body: unknown) =>
    fetch(`${t.base}${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }, body: JSON.stringify(body) });
  return { config, verifier, state, jar, post };
}

describe('passkey login', () => {
  it('signs an official in with a passkey alone, with amr hwk and official powers', async () => {
    const { config, verifier, state, jar, post } = await loginPage();
    const options = (await (await post('/passkey/options', {})).json()) as { challengeId: string; options: Parameters<SoftAuthenticator['authenticate']>[0] };
    const answer = await post('/passkey', { challengeId: options.challengeId, response: authenticator.authenticate(options.options, t.base) });
    assert.equal(answer.status, 200, await answer.clone().text());
    const { redirectTo } = (await answer.json()) as { redirectTo: string };
    const callback = await browse(t.base, redirectTo, jar);
    const location = callback.headers.get('location') ?? '';
    assert.ok(location.startsWith(REDIRECT), `${callback.status} ${location}`);
    const tokens = await client.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state });
    assert.deepEqual(tokens.claims()?.amr, ['hwk', 'user', 'mfa']);
    const who = await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(who.json<{ kind: string }>().kind, 'official');
  });

  it('refuses an assertion made for another site, and a replayed challenge, with problem+json (no 500)', async () => {
    const { post } = await loginPage();
    const options = (await (await post('/passkey/options', {})).json()) as { challengeId: string; options: Parameters<SoftAuthenticator['authenticate']>[0] };
    const phished = await post('/passkey', { challengeId: options.challengeId, response: authenticator.authenticate(options.options, t.base, { origin: 'https://congso-gov.example' }) });
    assert.equal(phished.status, 401);
    assert.equal(((await phished.json()) as { code: string }).code, 'identity.passkey_invalid');
    const replay = await post('/passkey', { challengeId: options.challengeId, response: authenticator.authenticate(options.options, t.base) });
    assert.equal(replay.status, 400, 'the challenge was spent by the failed attempt');
    const garbage = await post('/passkey', { challengeId: 'not-a-uuid', response: { id: 'x', type: 'public-key' } });
    assert.equal(garbage.status, 400);
  });

  const csrf: [string, Record<string, string>, number][] = [
    ['another site\'s Origin', { origin: 'https://evil.example' }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a sibling subdomain', { origin: 'null', 'sec-fetch-site': 'same-site' }, 403],
  ];
  for (const [name, headers, status] of csrf) {
    it(`refuses a POST to the login form from ${name} (CSRF)`, async () => {
      const response = await fetch(`${t.base}/auth/interaction/x/login`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'personalId=1&password=2' });
      assert.equal(response.status, status);
      assert.equal(((await response.json()) as { code: string }).code, 'auth.cross_site_request');
    });
  }

  it('accepts a same-origin form post whose Origin the browser hid (null), and lets its redirect reach the client', async () => {
    const { config, verifier, state } = await loginPage();
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state });
    const jar = new Map<string, string>();
    const page = await browse(t.base, url.toString(), jar);
    assert.match(page.headers.get('content-security-policy') ?? '', /form-action 'self' http:\/\/127\.0\.0\.1:9/, 'the redirect to the client is an allowed form target');
    assert.equal(page.headers.get('referrer-policy'), 'same-origin');
    const action = /action="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const response = await browse(t.base, new URL(action, t.base).toString(), jar, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ personalId: official.personalId, password: official.password }).toString(),
    });
    assert.ok(response.headers.get('location')?.startsWith(REDIRECT), `${response.status}`);
  });
});
