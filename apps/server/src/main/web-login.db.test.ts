import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountView } from '@congso/contracts';
import { CALLBACK_PATH, createOidcSession, OidcSessionError, type KeyValueStore } from '../../../web/src/lib/oidc-session.ts';
import type { Clock } from '../kernel/clock.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { browse, submitForm } from '../modules/identity/testing/browser-login.ts';

// The web app's own OIDC module (apps/web/src/lib/oidc-session.ts) against the real server over
// HTTP: the `congso-web` client registered at boot, code + PKCE, the ID token, the API with the
// access token, refresh-token rotation, step-up (RFC 9470) and logout. The user agent is the
// cookie-keeping helper that fills in the provider's login form.

type IdentityService = { registerCitizen(c: object): Promise<{ id: string }> };

const PERSONAL_ID = '048195006789';
const PASSWORD = 'mây trắng bay qua đỉnh núi cao';
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let t: TestApp & { base: string };
let accountId = '';

function memoryStorage(): KeyValueStore & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  };
}

/** Logs in on the provider's form and returns the URL the browser lands on (the SPA's callback). */
async function loginAt(authorizationUrl: string, jar: Map<string, string>): Promise<URL> {
  const page = await browse(t.base, authorizationUrl, jar);
  assert.equal(page.status, 200);
  const landed = await submitForm(t.base, jar, await page.text(), { personalId: PERSONAL_ID, password: PASSWORD });
  // The redirect to /login/callback stays on the platform's origin, so the helper follows it; the
  // test server serves no SPA, and the last request made is the callback itself.
  const url = new URL(landed.url);
  assert.equal(url.origin + url.pathname, `${t.base}${CALLBACK_PATH}`, `landed on ${landed.url} (${landed.status})`);
  return url;
}

before(async () => {
  t = await createListeningTestApp({ clock });
  const identity = moduleService<IdentityService>(t, 'identity');
  accountId = (await identity.registerCitizen({ personalId: PERSONAL_ID, fullName: 'Lê Thị Hoa', birthDate: '1995-03-08', sex: 'female', email: 'hoa.le@example.vn', password: PASSWORD })).id;
});
after(async () => t.close());

describe('the web app as a relying party of the platform provider', () => {
  it('logs in with code + PKCE, calls the API, rotates the refresh token, steps up and logs out', async () => {
    offsetMs = 0;
    const storage = memoryStorage();
    const navigations: string[] = [];
    const session = createOidcSession({ baseUrl: t.base, storage, navigate: (url) => navigations.push(url), currentPath: () => '/ho-so?tab=bao-mat' });

    // The authorization request.
    const authorizationUrl = new URL(await session.startLogin({ returnTo: '/thu-tuc' }));
    assert.equal(authorizationUrl.origin + authorizationUrl.pathname, `${t.base}/oidc/auth`);
    const params = authorizationUrl.searchParams;
    assert.equal(params.get('client_id'), 'congso-web');
    assert.equal(params.get('redirect_uri'), `${t.base}${CALLBACK_PATH}`);
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok(params.get('state') && params.get('nonce'));
    assert.deepEqual(params.get('scope')?.split(' ').sort(), ['api', 'congso_identity', 'email', 'offline_access', 'openid', 'profile']);
    assert.deepEqual(storage.keys(), ['congso.oidc.pending']);

    // The provider's login form, then back to the SPA with a code.
    const jar = new Map<string, string>();
    const callback = await loginAt(authorizationUrl.toString(), jar);
    assert.equal(callback.searchParams.get('state'), params.get('state'));
    assert.equal(callback.searchParams.get('iss'), `${t.base}/oidc`);

    const signedIn = await session.completeLogin(callback);
    assert.equal(signedIn.returnTo, '/thu-tuc');
    assert.equal(signedIn.claims.iss, `${t.base}/oidc`);
    assert.equal(signedIn.claims.aud, 'congso-web');
    assert.equal(signedIn.claims.sub, accountId);
    assert.equal(signedIn.claims.nonce, params.get('nonce'));
    assert.equal(signedIn.claims.acr, 'urn:congso:loa:1');
    assert.deepEqual(signedIn.claims.amr, ['pwd']);
    assert.equal(typeof signedIn.claims.auth_time, 'number');
    assert.equal(signedIn.accessToken.split('.').length, 3, 'the access token is a JWT for the API');
    assert.ok(signedIn.refreshToken, 'offline_access gives a refresh token');
    assert.ok(signedIn.expiresAt > Date.now() && signedIn.expiresAt <= Date.now() + 600_000);
    assert.equal(session.current(), session.current());
    assert.deepEqual(storage.keys(), ['congso.oidc.refresh_token'], 'the login in progress is forgotten; only the refresh token is stored');
    await assert.rejects(session.completeLogin(callback), (error: unknown) => error instanceof OidcSessionError && error.code === 'no_pending_login', 'a callback works once');

    // The API with the access token.
    const me = await session.authorizedFetch('/api/v1/me');
    assert.equal(me.status, 200);
    const account = AccountView.parse(await me.json());
    assert.equal(account.id, accountId);
    assert.equal(account.fullName, 'Lê Thị Hoa');
    assert.equal(account.assuranceLevel, 1);
    await assert.rejects(session.authorizedFetch('https://example.org/api/v1/me'), /only/, 'the token never leaves the origin');

    // Refresh: a new access token and a new refresh token; the old one is spent.
    const first = signedIn.refreshToken;
    const refreshed = await session.refresh();
    assert.ok(refreshed.refreshToken);
    assert.notEqual(refreshed.refreshToken, first, 'refresh tokens rotate');
    assert.notEqual(refreshed.accessToken, signedIn.accessToken);
    assert.equal(refreshed.claims.sub, accountId);
    assert.equal(storage.getItem('congso.oidc.refresh_token'), refreshed.refreshToken);
    assert.equal((await session.authorizedFetch('/api/v1/auth/whoami')).status, 200);

    // A page reload: memory is gone, the tab's refresh token signs back in.
    const reloaded = createOidcSession({ baseUrl: t.base, storage, navigate: (url) => navigations.push(url), currentPath: () => '/ho-so?tab=bao-mat' });
    const restored = await reloaded.restore();
    assert.equal(restored?.claims.sub, accountId);
    assert.notEqual(restored?.refreshToken, refreshed.refreshToken);
    assert.equal((await reloaded.authorizedFetch('/api/v1/me')).status, 200);

    // Step-up: six minutes later a sensitive action asks for a recent login (RFC 9470).
    offsetMs = 6 * 60_000;
    await assert.rejects(reloaded.authorizedFetch('/api/v1/me/totp', { method: 'DELETE' }), (error: unknown) => error instanceof OidcSessionError && error.code === 'step_up_required');
    assert.equal(navigations.length, 1, 'the browser is sent to the provider');
    const stepUpUrl = new URL(navigations[0] ?? '');
    assert.equal(stepUpUrl.searchParams.get('prompt'), 'login consent');
    assert.equal(stepUpUrl.searchParams.get('max_age'), '300');
    offsetMs = 0;
    const again = await reloaded.completeLogin(await loginAt(stepUpUrl.toString(), jar));
    assert.equal(again.returnTo, '/ho-so?tab=bao-mat');
    assert.ok((again.claims.auth_time ?? 0) >= (signedIn.claims.auth_time ?? 0));
    assert.equal((await reloaded.authorizedFetch('/api/v1/me/totp', { method: 'DELETE' })).status, 200, 'the fresh login passes');

    // Logout: the provider's end_session with the ID token as hint; the refresh token is revoked.
    const logoutUrl = new URL(await reloaded.logoutUrl());
    assert.equal(logoutUrl.origin + logoutUrl.pathname, `${t.base}/oidc/session/end`);
    assert.equal(logoutUrl.searchParams.get('id_token_hint'), again.idToken);
    assert.equal(logoutUrl.searchParams.get('post_logout_redirect_uri'), `${t.base}/`);
    const lastRefreshToken = storage.getItem('congso.oidc.refresh_token');
    assert.equal(await reloaded.logout(), logoutUrl.toString());
    assert.equal(reloaded.current(), null);
    assert.deepEqual(storage.keys(), []);
    const confirmation = await browse(t.base, logoutUrl.toString(), jar);
    assert.equal(confirmation.status, 200);
    assert.match(await confirmation.text(), /Đăng xuất/);
    const stale = memoryStorage();
    stale.setItem('congso.oidc.refresh_token', lastRefreshToken ?? '');
    await assert.rejects(createOidcSession({ baseUrl: t.base, storage: stale }).refresh(), (error: unknown) => error instanceof OidcSessionError && error.code === 'session_expired', 'the revoked refresh token is refused');
  });

  it('refuses a callback whose state does not match the login in progress', async () => {
    const session = createOidcSession({ baseUrl: t.base, storage: memoryStorage() });
    const url = new URL(await session.startLogin());
    const callback = await loginAt(url.toString(), new Map());
    callback.searchParams.set('state', 'forged');
    await assert.rejects(session.completeLogin(callback), (error: unknown) => error instanceof OidcSessionError && error.code === 'invalid_callback');
    assert.equal(session.current(), null);
  });
});
