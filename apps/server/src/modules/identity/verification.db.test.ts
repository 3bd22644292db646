import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { syntheticResident } from '../registries/index.ts';
import type { createIdentityModule } from './index.ts';
import { CODE_MAX_ATTEMPTS } from './one-time-codes.ts';

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
let offsetMs = 0;
let t: TestApp;
let services: IdentityService['services'];

before(async () => {
  t = await createTestApp({ clock: { now: () => new Date(Date.now() + offsetMs) } });
  services = moduleService<IdentityService>(t, 'identity').services;
});
after(async () => t.close());

const password = 'Vm3-registry-pass-Qz8w-Kt';
const resident = (n: number) => syntheticResident(n);

async function latestCodeTo(recipient: string): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: `/dev/mailbox/messages?to=${encodeURIComponent(recipient)}&limit=1` });
  const body = response.json<{ items: { body: string }[] }>();
  return /\b(\d{6})\b/.exec(body.items[0]?.body ?? '')?.[1] ?? '';
}

describe('verification against the population registry', () => {
  it('raises a matching resident to level 2', async () => {
    const r = resident(7);
    const row = await services.accounts.registerCitizen({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password });
    assert.deepEqual(await services.verification.verifyIdentity(row.id, null), { assuranceLevel: 2 });
    assert.equal((await services.accounts.findById(row.id))?.assuranceLevel, 2);
  });

  it('refuses a name that differs from the registry, saying which field but never the registry value', async () => {
    const r = resident(8);
    const row = await services.accounts.registerCitizen({ personalId: r.personalId, fullName: `${r.fullName} Giả`, birthDate: r.birthDate, sex: r.sex, password });
    await assert.rejects(services.verification.verifyIdentity(row.id, null), (error: { code: string; details: { mismatched: string[] } }) => {
      assert.equal(error.code, 'identity.registry_mismatch');
      assert.deepEqual(error.details.mismatched, ['fullName']);
      assert.ok(!JSON.stringify(error).includes(r.fullName.split(' ')[0] ?? '?'), 'the registry name is not echoed');
      return true;
    });
    assert.equal((await services.accounts.findById(row.id))?.assuranceLevel, 1);
  });

  it('refuses a person the registry does not know', async () => {
    const row = await services.accounts.registerCitizen({ personalId: '079203009999', fullName: 'Người Không Có', birthDate: '2003-05-14', sex: 'male', password });
    await assert.rejects(services.verification.verifyIdentity(row.id, null), (error: { details: { outcome: string } }) => error.details.outcome === 'not_found');
  });
});

describe('one-time codes', () => {
  it('verifies an e-mail with the code from the mailbox, once', async () => {
    const r = resident(9);
    const row = await services.accounts.registerCitizen({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password, email: 'otp.one@test.congso.vn' });
    const sent = await services.verification.sendContactCode(row.id, 'email');
    assert.equal(sent.sentTo, 'ot***@test.congso.vn');
    const code = await latestCodeTo('otp.one@test.congso.vn');
    await services.verification.confirmContactCode(row.id, 'email', code);
    assert.ok((await services.accounts.findById(row.id))?.emailVerifiedAt);
    await assert.rejects(services.verification.confirmContactCode(row.id, 'email', code), { code: 'identity.wrong_code' });
  });

  it('limits resends, attempts and lifetime', async () => {
    const r = resident(10);
    const row = await services.accounts.registerCitizen({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password, phone: '0901234567' });
    offsetMs = 0;
    await services.verification.sendContactCode(row.id, 'sms');
    await assert.rejects(services.verification.sendContactCode(row.id, 'sms'), { code: 'identity.code_resend_too_soon' });
    const code = await latestCodeTo('0901234567');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++) await assert.rejects(services.verification.confirmContactCode(row.id, 'sms', wrong), { code: 'identity.wrong_code' });
    await assert.rejects(services.verification.confirmContactCode(row.id, 'sms', code), { code: 'identity.wrong_code' }, 'after too many attempts even the right code fails');

    offsetMs = 61_000;
    await services.verification.sendContactCode(row.id, 'sms');
    const fresh = await latestCodeTo('0901234567');
    offsetMs = 61_000 + 11 * 60_000; // past the 10-minute lifetime
    await assert.rejects(services.verification.confirmContactCode(row.id, 'sms', fresh), { code: 'identity.wrong_code' });
    offsetMs = 0;
  });

  it('says clearly when the account has no such contact', async () => {
    const r = resident(12);
    const row = await services.accounts.registerCitizen({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password });
    await assert.rejects(services.verification.sendContactCode(row.id, 'email'), { code: 'identity.no_contact' });
  });
});
