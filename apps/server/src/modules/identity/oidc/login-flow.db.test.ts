import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createListeningTestApp, moduleService, type TestApp } from '../../../kernel/testing/test-app.ts';
import { browse as browseAs } from '../testing/browser-login.ts';

// A browser app (public client, code + PKCE) driven by openid-client, with a small cookie-keeping
// user agent that fills in the login form: the whole flow over real HTTP.

type IdentityService = {
  registerClient(c: object): Promise<{ clientId: string }>;
  registerCitizen(c: object): Promise<{ id: string }>;
};
let t: TestApp;
let base: string;
let identity: IdentityService;
const REDIRECT = 'http://127.0.0.1:9/callback';
const PASSWORD = 'ngựa ô phi qua cầu tre xanh';
let accountId = '';

before(async () => {
  const listening = await createListeningTestApp();
  t = listening;
  base = listening.base;
  identity = moduleService<IdentityService>(t, 'identity');
  await identity.registerClient({ clientId: 'cong-dich-vu-cong', name: 'Cổng dịch vụ công', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT], postLogoutRedirectUris: [REDIRECT] });
  accountId = (await identity.registerCitizen({ personalId: '079203001234', fullName: 'Nguyễn Văn An', birthDate: '2003-05-14', sex: 'male', password: PASSWORD })).id;
});
after(async () => t.close());

const browse = (url: string, jar: Map<string, string>, init: RequestInit = {}) => browseAs(base, url, jar, init);

async function startLogin() {
  const config = await client.discovery(new URL(`${base}/oidc`), 'cong-dich-vu-cong', undefined, client.None(), { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile offline_access congso_identity',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    prompt: 'consent',
  });
  const jar = new Map<string, string>();
  const page = await browse(url.toString(), jar);
  return { config, verifier, state, jar, page };
}

async function submitLogin(jar: Map<string, string>, page: Response, personalId: string, password: string) {
  const html = await page.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  assert.ok(action, 'the login form has an action');
  return browse(new URL(action.replaceAll('&amp;', '&'), base).toString(), jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ personalId, password }).toString(),
  });
}

describe('code + PKCE login', () => {
  it('logs a citizen in, returns tokens with the assurance level, refreshes them and logs out', async () => {
    const { config, verifier, state, jar, page } = await startLogin();
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const callback = await submitLogin(jar, page, '079203001234', PASSWORD);
    const location = callback.headers.get('location') ?? '';
    assert.ok(location.startsWith(REDIRECT), `redirected to the client: ${callback.status} ${location} ${(await callback.text()).slice(0, 400)}`);

    const tokens = await client.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state });
    const claims = tokens.claims();
    assert.equal(claims?.sub, accountId);
    assert.equal(claims?.acr, 'urn:congso:loa:1');
    assert.deepEqual(claims?.amr, ['pwd']);
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, accountId);
    assert.equal(userinfo.name, 'Nguyễn Văn An');
    assert.equal(userinfo.personal_id, '079203001234');

    assert.ok(tokens.refresh_token);
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.access_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), 'the old refresh token is spent');

    const logout = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: REDIRECT });
    const logoutPage = await browse(logout.toString(), jar);
    assert.ok(logoutPage.status < 500);
  });

  it('refuses a replayed authorization code', async () => {
    const { config, verifier, state, jar, page } = await startLogin();
    const callback = await submitLogin(jar, page, '079203001234', PASSWORD);
    const location = new URL(callback.headers.get('location') ?? '');
    await client.authorizationCodeGrant(config, location, { pkceCodeVerifier: verifier, expectedState: state });
    await assert.rejects(client.authorizationCodeGrant(config, location, { pkceCodeVerifier: verifier, expectedState: state }));
  });

  it('answers a wrong password with the login page again, without saying whether the account exists', async () => {
    const first = await startLogin();
    const wrong = await submitLogin(first.jar, first.page, '079203001234', 'not the password at all');
    assert.equal(wrong.status, 401);
    const second = await startLogin();
    const unknown = await submitLogin(second.jar, second.page, '001185012345', 'not the password at all');
    assert.equal(unknown.status, 401);
    const text = (html: string) => html.replace(/value="[^"]*"/g, '').replace(/action="[^"]*"/g, '').replace(/data-base="[^"]*"/g, '');
    assert.equal(text(await wrong.text()), text(await unknown.text()));
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await identity.registerCitizen({ personalId: '001185012345', fullName: 'Trần Thị Bình', birthDate: '1985-02-01', sex: 'female', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      const attempt = await startLogin();
      assert.equal((await submitLogin(attempt.jar, attempt.page, '001185012345', `wrong password number ${i}`)).status, 401);
    }
    const locked = await startLogin();
    const response = await submitLogin(locked.jar, locked.page, '001185012345', PASSWORD);
    assert.equal(response.status, 429);
  });

  it('rejects a login form posted without the browser’s interaction cookie', async () => {
    const { page } = await startLogin();
    const response = await submitLogin(new Map(), page, '079203001234', PASSWORD);
    assert.ok(response.status >= 400 && response.status < 500, String(response.status));
  });
});
