import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import type { createIdentityModule } from './index.ts';
import { signIn } from './testing/browser-login.ts';

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
const REDIRECT = 'http://127.0.0.1:9/callback';
const person = { personalId: '079203001234', fullName: 'Nguyễn Văn An', birthDate: '2003-05-14', sex: 'male' as const, password: 'Rc5-old-password-Tq8w-Jx', email: 'recover@test.congso.vn' };
let t: TestApp & { base: string };

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
async function latestCode(): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: `/dev/mailbox/messages?to=${encodeURIComponent(person.email)}&limit=1` });
  return /\b(\d{6})\b/.exec(response.json<{ items: { body: string }[] }>().items[0]?.body ?? '')?.[1] ?? '';
}

before(async () => {
  t = await createListeningTestApp();
  const identity = moduleService<IdentityService>(t, 'identity');
  await identity.registerClient({ clientId: 'recovery-portal', name: 'Portal', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT] });
  const row = await identity.registerCitizen(person);
  await identity.services.verification.sendContactCode(row.id, 'email');
  await identity.services.verification.confirmContactCode(row.id, 'email', await latestCode());
});
after(async () => t.close());

describe('password recovery', () => {
  it('answers the same for an unknown ID and a known one, and mails a code only to the verified address', async () => {
    const unknown = await post('/api/v1/accounts/password-reset/code', { personalId: '079203009999' });
    const known = await post('/api/v1/accounts/password-reset/code', { personalId: person.personalId });
    assert.equal(unknown.statusCode, 202);
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.body, known.body);
    assert.match(await latestCode(), /^\d{6}$/);
    const again = await post('/api/v1/accounts/password-reset/code', { personalId: person.personalId });
    assert.equal(again.statusCode, 202, 'a repeat within a minute is answered alike');
  });

  it('sets the new password with the code, keeps the code for a weak try, and ends existing sessions', async () => {
    const { config, tokens } = await signIn({ base: t.base, clientId: 'recovery-portal', redirectUri: REDIRECT, personalId: person.personalId, password: person.password });
    assert.ok(tokens.refresh_token);
    const code = await latestCode();
    const wrong = await post('/api/v1/accounts/password-reset', { personalId: person.personalId, code: code === '000000' ? '111111' : '000000', newPassword: 'Rc5-new-password-Wm2z-Pk' });
    assert.equal(wrong.statusCode, 422);
    const weak = await post('/api/v1/accounts/password-reset', { personalId: person.personalId, code, newPassword: 'password123' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json<{ code: string }>().code, 'identity.weak_password');
    const done = await post('/api/v1/accounts/password-reset', { personalId: person.personalId, code, newPassword: 'Rc5-new-password-Wm2z-Pk' });
    assert.equal(done.statusCode, 200, done.body);
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), 'the old session ended');
    const replay = await post('/api/v1/accounts/password-reset', { personalId: person.personalId, code, newPassword: 'Rc5-other-password-Zn4q-Vb' });
    assert.equal(replay.statusCode, 422, 'a code works once');
    const fresh = await signIn({ base: t.base, clientId: 'recovery-portal', redirectUri: REDIRECT, personalId: person.personalId, password: 'Rc5-new-password-Wm2z-Pk' });
    assert.ok(fresh.tokens.access_token);
  });
});
