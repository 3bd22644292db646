import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '../../apps/server/src/kernel/paths.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../../apps/server/src/modules/agencies/index.ts';
import type { createIdentityModule } from '../../apps/server/src/modules/identity/index.ts';
import { signIn } from '../../apps/server/src/modules/identity/testing/browser-login.ts';
import { buildWebIfStale } from '../web-build.ts';

// A passkey journey in real Chromium with its virtual authenticator (DevTools WebAuthn domain): the
// official registers a passkey from the portal's origin, then signs in with it alone through the
// provider's login page and its script. Skipped, visibly, without a Chromium on the machine.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
type IdentityService = ReturnType<typeof createIdentityModule>['service'];
const official = { personalId: '001190054321', fullName: 'Đỗ Minh Châu', birthDate: '1990-07-07', sex: 'female' as const, password: 'Pk8-browser-official-Vw3n-Qs' };
let t: TestApp & { base: string };

/**
 * Runs in the page (plain JavaScript, as a browser app would): asks the API for creation options,
 * lets the authenticator create the credential, and registers it. Returns the HTTP status.
 */
const ENROL_IN_PAGE = `async (token) => {
  const fromB64 = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  const toB64 = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const auth = { authorization: 'Bearer ' + token, 'content-type': 'application/json' };
  const started = await (await fetch('/api/v1/me/passkeys/options', { method: 'POST', headers: auth, body: '{}' })).json();
  const o = started.options;
  const credential = await navigator.credentials.create({
    publicKey: { ...o, challenge: fromB64(o.challenge), user: { ...o.user, id: fromB64(o.user.id) }, excludeCredentials: (o.excludeCredentials || []).map((c) => ({ ...c, id: fromB64(c.id) })) },
  });
  const r = credential.response;
  const response = { id: credential.id, rawId: toB64(credential.rawId), type: credential.type, clientExtensionResults: credential.getClientExtensionResults(),
    response: { clientDataJSON: toB64(r.clientDataJSON), attestationObject: toB64(r.attestationObject), transports: r.getTransports() } };
  const saved = await fetch('/api/v1/me/passkeys', { method: 'POST', headers: auth, body: JSON.stringify({ challengeId: started.challengeId, name: 'Khóa trên máy', response }) });
  return saved.status;
}`;
let browser: Browser;

describe('browser journey: an official signs in with a passkey', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
  before(async () => {
    const dist = join(REPO_ROOT, 'apps/web/dist');
    await buildWebIfStale(dist);
    t = await createListeningTestApp({ webDistDir: dist, hostname: 'localhost' });
    const identity = moduleService<IdentityService>(t, 'identity');
    await seedDemoAgencies(t.db.database.db);
    await identity.registerClient({ clientId: 'browser-enrolment', name: 'Enrolment', agencyCode: 'H29', kind: 'web_app', redirectUris: ['http://127.0.0.1:9/callback'] });
    await identity.appointOfficial(official, { agencyCode: 'H29.15', unitCode: null, roles: ['leader'] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('registers a passkey, then signs in with it from the login page', async () => {
    const page = await browser.newPage();
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    await devtools.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
    await page.goto(`${t.base}/`);

    // Enrolment through the API from the portal's origin (the token from a password login).
    const { tokens } = await signIn({ base: t.base, clientId: 'browser-enrolment', redirectUri: 'http://127.0.0.1:9/callback', personalId: official.personalId, password: official.password, scope: 'openid api' });
    const status = await page.evaluate(`(${ENROL_IN_PAGE})(${JSON.stringify(tokens.access_token)})`);
    assert.equal(status, 201);

    // Sign in with the passkey alone.
    await page.getByRole('button', { name: 'Đăng nhập' }).first().click();
    await page.waitForURL(/\/auth\/interaction\//);
    await page.getByRole('button', { name: 'Đăng nhập bằng khóa truy cập' }).click();
    await page.getByText(official.fullName).waitFor({ timeout: 15_000 });
    await page.close();
  });
});
