import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { account, passkey, webauthnChallenge } from './identity.schema.ts';
import { createPasskeys, PASSKEY_CHALLENGE_TTL_MS, type Passkeys } from './passkeys.ts';
import { createSoftAuthenticator, type SoftAuthenticator, type Tampering } from './testing/soft-authenticator.ts';

// Passkey registration and login against a real PostgreSQL, with a software authenticator in place
// of the browser. Every refusal must be a DomainError (a 4xx), never a plain Error (a 500).

const RP_ID = 'dichvucong.example.vn';
const ORIGIN = `https://${RP_ID}`;

let t: TestDatabase;
let passkeys: Passkeys;
let personalSeq = 0;

before(async () => {
  t = await createTestDatabase();
  passkeys = service(() => new Date());
});
after(async () => t.drop());

function service(now: () => Date): Passkeys {
  return createPasskeys({ db: t.database.db, now, rpId: RP_ID, rpName: 'Cổng dịch vụ công', origin: ORIGIN });
}

type TestAccount = { id: string; personalId: string; fullName: string };

async function newOfficial(fullName = 'Nguyễn Văn An'): Promise<TestAccount> {
  personalSeq += 1;
  const row = { id: uuidv7(), kind: 'official' as const, personalId: `0012030${String(personalSeq).padStart(5, '0')}`, fullName, birthDate: '2003-01-01', sex: 'male' as const, passwordHash: 'x' };
  await t.database.db.insert(account).values(row);
  return row;
}

async function register(who: TestAccount, device = createSoftAuthenticator(), name = 'Máy tính cơ quan'): Promise<SoftAuthenticator> {
  const { challengeId, options } = await passkeys.registrationOptions(who);
  await passkeys.verifyRegistration(who.id, challengeId, device.register(options, ORIGIN), name);
  return device;
}

async function login(device: SoftAuthenticator, accountId?: string, tampering?: Tampering) {
  const { challengeId, options } = await passkeys.authenticationOptions(accountId);
  return passkeys.verifyAuthentication(challengeId, device.authenticate(options, ORIGIN, tampering));
}

/** Refused with this code, as a DomainError; `why` checks the hidden cause, so the right check fired. */
async function refused(promise: Promise<unknown>, code: string, why?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.ok(error.text.vi.length > 0 && error.text.en.length > 0);
    if (why) assert.match(String((error.cause as Error | undefined)?.message), why);
    return true;
  });
}

describe('passkey registration', () => {
  it('offers ES256 and RS256, requires user verification, names the user by personal ID', async () => {
    const who = await newOfficial('Trần Thị Bình');
    const { challengeId, options } = await passkeys.registrationOptions(who);
    assert.deepEqual(options.pubKeyCredParams.map((p) => p.alg), [-7, -257]);
    assert.equal(options.authenticatorSelection?.userVerification, 'required');
    assert.equal(options.authenticatorSelection?.residentKey, 'preferred');
    assert.equal(options.attestation, 'none');
    assert.deepEqual(options.rp, { name: 'Cổng dịch vụ công', id: RP_ID });
    assert.equal(options.user.name, who.personalId);
    assert.equal(options.user.displayName, 'Trần Thị Bình');
    assert.equal(options.user.id, Buffer.from(who.id.replaceAll('-', ''), 'hex').toString('base64url'));
    const [row] = await t.database.db.select().from(webauthnChallenge).where(eq(webauthnChallenge.id, challengeId));
    assert.equal(row?.purpose, 'registration');
    assert.equal(row?.accountId, who.id);
    assert.equal(row?.challenge, options.challenge);
  });

  it('stores the credential, lists it, and excludes it from the next registration', async () => {
    const who = await newOfficial();
    assert.equal(await passkeys.hasPasskey(who.id), false);
    const device = await register(who, undefined, `  ${'Điện thoại công vụ '.repeat(6)}  `);
    assert.equal(await passkeys.hasPasskey(who.id), true);
    const [listed] = await passkeys.listPasskeys(who.id);
    assert.equal(listed?.credentialId, device.credentialId);
    assert.equal(Array.from(listed?.name ?? '').length, 60);
    assert.ok(!listed?.name.endsWith(' '));
    assert.deepEqual(listed?.transports, ['internal', 'hybrid']);
    assert.equal(listed?.lastUsedAt, null);
    const [stored] = await t.database.db.select().from(passkey).where(eq(passkey.credentialId, device.credentialId));
    assert.equal(stored?.counter, 0);
    assert.ok((stored?.publicKey.length ?? 0) > 64, 'COSE public key bytes');

    const { options } = await passkeys.registrationOptions(who);
    assert.deepEqual(options.excludeCredentials?.map((c) => c.id), [device.credentialId]);
    // The same device refuses, as a browser would (InvalidStateError); a second device is fine.
    assert.throws(() => device.register(options, ORIGIN), { name: 'InvalidStateError' });
    await register(who);
    assert.equal((await passkeys.listPasskeys(who.id)).length, 2);
  });

  it('refuses a credential already registered, on any account', async () => {
    const device = await register(await newOfficial());
    const other = await newOfficial();
    const { challengeId, options } = await passkeys.registrationOptions(other);
    await refused(passkeys.verifyRegistration(other.id, challengeId, device.register(options, ORIGIN), 'x'), 'identity.passkey_exists');
  });

  const badRegistrations: [string, Tampering, RegExp][] = [
    ['a wrong origin', { origin: 'https://dichvucong-example.vn' }, /origin/],
    ['a wrong RP ID', { rpId: 'evil.example' }, /RP ID/],
    ['no user verification', { userVerified: false }, /verification/],
    ['another challenge', { challenge: Buffer.from('not ours').toString('base64url') }, /challenge/],
  ];
  for (const [what, tampering, why] of badRegistrations) {
    it(`refuses a registration with ${what}`, async () => {
      const who = await newOfficial();
      const { challengeId, options } = await passkeys.registrationOptions(who);
      await refused(passkeys.verifyRegistration(who.id, challengeId, createSoftAuthenticator().register(options, ORIGIN, tampering), 'x'), 'identity.passkey_registration_invalid', why);
      assert.equal(await passkeys.hasPasskey(who.id), false);
    });
  }

  it('uses a challenge once, only for its own account, and not after it expired', async () => {
    const who = await newOfficial();
    const device = createSoftAuthenticator();
    const first = await passkeys.registrationOptions(who);
    const response = device.register(first.options, ORIGIN);
    const intruder = await newOfficial();
    await refused(passkeys.verifyRegistration(intruder.id, first.challengeId, response, 'x'), 'identity.passkey_challenge_expired');
    await passkeys.verifyRegistration(who.id, first.challengeId, response, 'x');
    await refused(passkeys.verifyRegistration(who.id, first.challengeId, response, 'x'), 'identity.passkey_challenge_expired');

    const second = await passkeys.registrationOptions(who);
    const later = service(() => new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS + 1000));
    await refused(later.verifyRegistration(who.id, second.challengeId, createSoftAuthenticator().register(second.options, ORIGIN), 'x'), 'identity.passkey_challenge_expired');
  });

  it('answers malformed input with a DomainError', async () => {
    const who = await newOfficial();
    await refused(passkeys.verifyRegistration(who.id, 'not-a-uuid', {} as never, 'x'), 'identity.passkey_challenge_expired');
    const { challengeId } = await passkeys.registrationOptions(who);
    await refused(passkeys.verifyRegistration(who.id, challengeId, { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: '!!', attestationObject: '' }, clientExtensionResults: {} }, 'x'), 'identity.passkey_registration_invalid');
  });
});

describe('passkey login', () => {
  it('logs in username-first and with a discoverable passkey, moving the counter', async () => {
    const who = await newOfficial();
    const device = await register(who);
    const { options } = await passkeys.authenticationOptions(who.id);
    assert.deepEqual(options.allowCredentials?.map((c) => c.id), [device.credentialId]);
    assert.equal(options.userVerification, 'required');
    assert.equal(options.rpId, RP_ID);

    assert.deepEqual(await login(device, who.id), { accountId: who.id, credentialId: device.credentialId, userVerified: true });
    const discoverable = await passkeys.authenticationOptions();
    assert.deepEqual(discoverable.options.allowCredentials, []);
    assert.deepEqual(await login(device), { accountId: who.id, credentialId: device.credentialId, userVerified: true });

    const [stored] = await t.database.db.select().from(passkey).where(eq(passkey.credentialId, device.credentialId));
    assert.equal(stored?.counter, 2);
    assert.ok(stored?.lastUsedAt instanceof Date);
  });

  it('uses a challenge once and not after it expired', async () => {
    const device = await register(await newOfficial());
    const { challengeId, options } = await passkeys.authenticationOptions();
    const response = device.authenticate(options, ORIGIN);
    await passkeys.verifyAuthentication(challengeId, response);
    await refused(passkeys.verifyAuthentication(challengeId, response), 'identity.passkey_challenge_expired');

    const second = await passkeys.authenticationOptions();
    const later = service(() => new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS + 1000));
    await refused(later.verifyAuthentication(second.challengeId, device.authenticate(second.options, ORIGIN)), 'identity.passkey_challenge_expired');
    // A registration challenge is no login challenge.
    const registration = await passkeys.registrationOptions(await newOfficial());
    await refused(passkeys.verifyAuthentication(registration.challengeId, device.authenticate({ ...second.options, challenge: registration.options.challenge }, ORIGIN)), 'identity.passkey_challenge_expired');
  });

  const badAssertions: [string, Tampering, RegExp][] = [
    ['a wrong origin (phishing site)', { origin: 'https://dichvucong.example.vn.evil.example' }, /origin/],
    ['a wrong RP ID', { rpId: 'evil.example' }, /RP ID/],
    ['no user verification', { userVerified: false }, /verification/],
    ['a tampered signature', { tamperSignature: true }, /Signature not verified/],
    ['another challenge', { challenge: Buffer.from('not ours').toString('base64url') }, /challenge/],
  ];
  for (const [what, tampering, why] of badAssertions) {
    it(`refuses an assertion with ${what}`, async () => {
      const who = await newOfficial();
      const device = await register(who);
      await refused(login(device, who.id, tampering), 'identity.passkey_invalid', why);
      // The honest device still works: nothing was updated by the refused attempt.
      assert.equal((await login(device, who.id)).accountId, who.id);
    });
  }

  it('refuses a counter that does not increase (cloned authenticator)', async () => {
    const who = await newOfficial();
    const device = await register(who);
    await login(device, who.id);
    await login(device, who.id);
    await refused(login(device, who.id, { counter: 2 }), 'identity.passkey_invalid', /counter/);
    await refused(login(device, who.id, { counter: 1 }), 'identity.passkey_invalid', /counter/);
    const [stored] = await t.database.db.select().from(passkey).where(eq(passkey.credentialId, device.credentialId));
    assert.equal(stored?.counter, 2);
  });

  it('accepts authenticators that always report 0, and refuses 0 once a counter was seen', async () => {
    const who = await newOfficial();
    const device = await register(who);
    await login(device, who.id, { counter: 0 });
    await login(device, who.id, { counter: 0 });
    await login(device, who.id, { counter: 5 });
    await refused(login(device, who.id, { counter: 0 }), 'identity.passkey_invalid', /counter/);
  });

  it("refuses another account's passkey on a challenge bound to an account", async () => {
    const victim = await newOfficial();
    await register(victim);
    const attacker = await newOfficial();
    const attackerDevice = await register(attacker);
    const { challengeId, options } = await passkeys.authenticationOptions(victim.id);
    const response = attackerDevice.authenticate({ ...options, allowCredentials: [] }, ORIGIN);
    await refused(passkeys.verifyAuthentication(challengeId, response), 'identity.passkey_invalid', /another account/);
  });

  it('refuses an unknown or removed passkey, and malformed input, with a DomainError', async () => {
    const stranger = createSoftAuthenticator();
    stranger.register((await passkeys.registrationOptions(await newOfficial())).options, ORIGIN);
    await refused(login(stranger), 'identity.passkey_invalid', /Unknown credential/);
    const { challengeId } = await passkeys.authenticationOptions();
    await refused(passkeys.verifyAuthentication(challengeId, {} as never), 'identity.passkey_invalid');
    const again = await passkeys.authenticationOptions();
    await refused(passkeys.verifyAuthentication(again.challengeId, null as never), 'identity.passkey_invalid');
    await refused(passkeys.verifyAuthentication('00000000-0000-7000-8000-000000000000', {} as never), 'identity.passkey_challenge_expired');
  });
});

describe('passkey management', () => {
  it('removes only the account’s own passkeys', async () => {
    const owner = await newOfficial();
    const device = await register(owner);
    const other = await newOfficial();
    await refused(passkeys.removePasskey(other.id, device.credentialId), 'identity.passkey_not_found');
    assert.equal(await passkeys.hasPasskey(owner.id), true);
    await passkeys.removePasskey(owner.id, device.credentialId);
    assert.equal(await passkeys.hasPasskey(owner.id), false);
    assert.deepEqual(await passkeys.listPasskeys(owner.id), []);
    await refused(login(device), 'identity.passkey_invalid', /Unknown credential/);
  });
});
