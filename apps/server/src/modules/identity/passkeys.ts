import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { COSEALG } from '@simplewebauthn/server/helpers';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { UUID_PATTERN, uuidv7 } from '../../kernel/ids.ts';
import { passkey, webauthnChallenge } from './identity.schema.ts';

// Passkeys (WebAuthn level 3): phishing-resistant login for officials. The browser binds every
// signature to our origin and the authenticator to our RP ID, so a look-alike site gets nothing it
// can replay. This service keeps the challenges and credentials; routes only shuttle the JSON.

/** A challenge lives as long as the browser prompt (WebAuthn recommends 5–10 min when UV is required). */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;
const NAME_MAX = 60;
// Only ES256 and RS256: every platform authenticator and security key supports one of them.
const ALGORITHMS = [COSEALG.ES256, COSEALG.RS256];
const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

export type PasskeySummary = {
  credentialId: string;
  name: string;
  backedUp: boolean;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
};

// Failures say only what the user can act on: start again, or use another passkey. The precise
// reason stays on the error as `cause` (for logs and tests), never in the problem sent to the client.
const challengeExpired = () =>
  new DomainError('invalid', 'identity.passkey_challenge_expired', {
    vi: 'Yêu cầu xác thực bằng khóa truy cập đã hết hạn hoặc đã được sử dụng. Vui lòng thử lại.',
    en: 'The passkey request has expired or was already used. Please try again.',
  });

const passkeyInvalid = (cause: unknown) =>
  withCause(new DomainError('unauthenticated', 'identity.passkey_invalid', {
    vi: 'Không xác thực được khóa truy cập. Vui lòng thử lại hoặc dùng khóa truy cập khác.',
    en: 'The passkey could not be verified. Try again or use another passkey.',
  }), cause);

const registrationInvalid = (cause: unknown) =>
  withCause(new DomainError('invalid', 'identity.passkey_registration_invalid', {
    vi: 'Không đăng ký được khóa truy cập. Thiết bị cần xác minh người dùng (mã PIN, vân tay hoặc khuôn mặt). Vui lòng thử lại.',
    en: 'The passkey could not be registered. The device must verify the user (PIN, fingerprint or face). Please try again.',
  }), cause);

function withCause(error: DomainError, cause: unknown): DomainError {
  error.cause = cause instanceof Error ? cause : new Error(String(cause));
  return error;
}

/** WebAuthn user handle: the account id's 16 bytes. Stable per account, no personal data in it. */
function userHandle(accountId: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(accountId.replaceAll('-', ''), 'hex'));
}

function cleanTransports(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((t): t is string => typeof t === 'string' && TRANSPORTS.has(t)))] : [];
}

/** A label the user chose ("Điện thoại công vụ"); cosmetic, so it is cleaned and cut, not refused. */
function cleanName(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = typeof value === 'string' ? value.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ').trim() : '';
  const cut = Array.from(text).slice(0, NAME_MAX).join('').trim();
  return cut === '' ? 'Khóa truy cập' : cut;
}

export function createPasskeys(deps: { db: Executor; now: () => Date; rpId: string; rpName: string; origin: string }) {
  const { db } = deps;

  async function credentialsOf(accountId: string) {
    return db.select({ id: passkey.credentialId, transports: passkey.transports }).from(passkey).where(eq(passkey.accountId, accountId));
  }

  async function storeChallenge(purpose: 'registration' | 'authentication', accountId: string | null, challenge: string): Promise<string> {
    const now = deps.now();
    // Purging here keeps the table at a few minutes' worth of rows, even under a flood of anonymous
    // requests for login options; no separate job needed.
    await db.delete(webauthnChallenge).where(lt(webauthnChallenge.expiresAt, now));
    const id = uuidv7(now.getTime());
    await db.insert(webauthnChallenge).values({ id, accountId, purpose, challenge, expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS) });
    return id;
  }

  /**
   * Takes the challenge out in one statement (DELETE … RETURNING), so two requests racing with the
   * same challenge cannot both get it. An expired row is deleted too: it is of no use to anyone.
   */
  async function consumeChallenge(challengeId: unknown, purpose: 'registration' | 'authentication', accountId?: string) {
    if (typeof challengeId !== 'string' || !UUID_PATTERN.test(challengeId)) throw challengeExpired();
    const conditions = [eq(webauthnChallenge.id, challengeId), eq(webauthnChallenge.purpose, purpose)];
    if (accountId !== undefined) conditions.push(eq(webauthnChallenge.accountId, accountId));
    const [row] = await db.delete(webauthnChallenge).where(and(...conditions)).returning();
    if (!row || row.expiresAt <= deps.now()) throw challengeExpired();
    return row;
  }

  return {
    /** Options for navigator.credentials.create(), for an account that is already logged in. */
    async registrationOptions(account: { id: string; personalId: string; fullName: string }): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
      const existing = await credentialsOf(account.id);
      const options = await generateRegistrationOptions({
        rpName: deps.rpName,
        rpID: deps.rpId,
        userID: userHandle(account.id),
        // The personal ID is what the official types at login, so it is the name the passkey shows;
        // the full name tells apart several people on one shared device.
        userName: account.personalId,
        userDisplayName: account.fullName,
        timeout: PASSKEY_CHALLENGE_TTL_MS,
        attestationType: 'none',
        // An authenticator that already holds one of these refuses to make a second credential.
        excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
        supportedAlgorithmIDs: ALGORITHMS,
      });
      const challengeId = await storeChallenge('registration', account.id, options.challenge);
      return { challengeId, options };
    },

    async verifyRegistration(accountId: string, challengeId: string, response: RegistrationResponseJSON, name: string): Promise<{ credentialId: string }> {
      const challenge = await consumeChallenge(challengeId, 'registration', accountId);
      let info;
      try {
        const result = await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge.challenge,
          expectedOrigin: deps.origin,
          expectedRPID: deps.rpId,
          requireUserPresence: true,
          requireUserVerification: true,
          supportedAlgorithmIDs: ALGORITHMS,
        });
        if (!result.verified) throw new Error('Attestation statement not verified');
        info = result.registrationInfo;
      } catch (error) {
        throw registrationInvalid(error);
      }
      // WebAuthn §7.1 step 22: credential ids longer than 1023 bytes are refused.
      if (Buffer.from(info.credential.id, 'base64url').length > 1023) throw registrationInvalid('Credential id longer than 1023 bytes');
      const inserted = await db
        .insert(passkey)
        .values({
          credentialId: info.credential.id,
          accountId,
          publicKey: info.credential.publicKey,
          counter: info.credential.counter,
          transports: cleanTransports(response.response.transports),
          backedUp: info.credentialBackedUp,
          name: cleanName(name),
        })
        .onConflictDoNothing()
        .returning({ credentialId: passkey.credentialId });
      if (!inserted[0]) {
        // Whose it is stays unsaid: the same device cannot be registered twice, on any account.
        throw new DomainError('conflict', 'identity.passkey_exists', {
          vi: 'Khóa truy cập này đã được đăng ký.',
          en: 'This passkey is already registered.',
        });
      }
      return { credentialId: inserted[0].credentialId };
    },

    /**
     * Options for navigator.credentials.get(). With an account (the personal ID typed first) only its
     * passkeys are allowed and the challenge is bound to it; without, the browser offers any
     * discoverable passkey for this site and the credential tells who it is.
     */
    async authenticationOptions(accountId?: string): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
      const allowed = accountId === undefined ? [] : await credentialsOf(accountId);
      const options = await generateAuthenticationOptions({
        rpID: deps.rpId,
        allowCredentials: allowed.map((c) => ({ id: c.id, transports: c.transports })),
        userVerification: 'required',
        timeout: PASSKEY_CHALLENGE_TTL_MS,
      });
      const challengeId = await storeChallenge('authentication', accountId ?? null, options.challenge);
      return { challengeId, options };
    },

    async verifyAuthentication(challengeId: string, response: AuthenticationResponseJSON): Promise<{ accountId: string; credentialId: string; userVerified: boolean }> {
      const challenge = await consumeChallenge(challengeId, 'authentication');
      const credentialId: unknown = (response as Partial<AuthenticationResponseJSON> | undefined)?.id;
      if (typeof credentialId !== 'string' || credentialId === '') throw passkeyInvalid('No credential id');
      const [stored] = await db.select().from(passkey).where(eq(passkey.credentialId, credentialId)).limit(1);
      if (!stored) throw passkeyInvalid('Unknown credential');
      if (challenge.accountId !== null && stored.accountId !== challenge.accountId) throw passkeyInvalid('Credential of another account');
      // A discoverable passkey names its user; it must be the account the credential was made for.
      const handle = response.response?.userHandle;
      if (handle && handle !== Buffer.from(userHandle(stored.accountId)).toString('base64url')) throw passkeyInvalid('User handle does not match');
      let info;
      try {
        const result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge.challenge,
          expectedOrigin: deps.origin,
          expectedRPID: deps.rpId,
          requireUserVerification: true,
          // The library also refuses a counter that does not increase (when either is non-zero).
          credential: { id: stored.credentialId, publicKey: new Uint8Array(stored.publicKey), counter: stored.counter, transports: stored.transports },
        });
        if (!result.verified) throw new Error('Signature not verified');
        info = result.authenticationInfo;
      } catch (error) {
        throw passkeyInvalid(error);
      }
      // Compare-and-set: of two assertions racing with the same counter (a cloned authenticator),
      // only one can move it. Authenticators that always report 0 (many synced passkeys) keep 0.
      const counterCheck = info.newCounter === 0 ? eq(passkey.counter, 0) : lt(passkey.counter, info.newCounter);
      const updated = await db
        .update(passkey)
        .set({ counter: info.newCounter, backedUp: info.credentialBackedUp, lastUsedAt: deps.now() })
        .where(and(eq(passkey.credentialId, stored.credentialId), counterCheck))
        .returning({ credentialId: passkey.credentialId });
      if (!updated[0]) throw passkeyInvalid('Counter did not increase (concurrent use)');
      return { accountId: stored.accountId, credentialId: stored.credentialId, userVerified: info.userVerified };
    },

    async listPasskeys(accountId: string): Promise<PasskeySummary[]> {
      return db
        .select({ credentialId: passkey.credentialId, name: passkey.name, backedUp: passkey.backedUp, transports: passkey.transports, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt })
        .from(passkey)
        .where(eq(passkey.accountId, accountId))
        .orderBy(asc(passkey.createdAt), asc(passkey.credentialId));
    },

    /** Removes one of the account's own passkeys; another account's is "not found", not "forbidden". */
    async removePasskey(accountId: string, credentialId: string): Promise<void> {
      const deleted = await db
        .delete(passkey)
        .where(and(eq(passkey.accountId, accountId), eq(passkey.credentialId, credentialId)))
        .returning({ credentialId: passkey.credentialId });
      if (!deleted[0]) {
        throw notFound('identity.passkey_not_found', { vi: 'Không tìm thấy khóa truy cập.', en: 'Passkey not found.' });
      }
    },

    async hasPasskey(accountId: string): Promise<boolean> {
      const rows = await db.select({ id: passkey.credentialId }).from(passkey).where(eq(passkey.accountId, accountId)).limit(1);
      return rows.length > 0;
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
