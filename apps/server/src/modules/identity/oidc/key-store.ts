import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../kernel/db/database.ts';
import { platformSecret, signingKey } from '../identity.schema.ts';

export type PrivateJwk = { kty: string; kid: string; alg: string; use: string } & Record<string, unknown>;

/** The public half of an RSA JWK, as published in the JWKS. */
export function publicPart(jwk: PrivateJwk): { kty: string; kid: string; alg: string; use: string; n: string; e: string } {
  return { kty: jwk.kty, kid: jwk.kid, alg: jwk.alg, use: jwk.use, n: String(jwk.n), e: String(jwk.e) };
}

function newRsaJwk(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kty: 'RSA', kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Token-signing keys in the database, shared by every instance. The first start creates one;
 * `rotateSigningKey` adds a new signing key and retires the others, which stay in the JWKS for
 * verification until `retentionSeconds` (longer than any token lifetime) has passed.
 */
export function createKeyStore(db: Db, options: { retentionSeconds: number }) {
  return {
    /** Active key first (it signs), then retired keys still published for verification. */
    async loadJwks(): Promise<PrivateJwk[]> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
        await tx.delete(signingKey).where(and(isNotNull(signingKey.retiredAt), lt(signingKey.retiredAt, sql`now() - make_interval(secs => ${options.retentionSeconds})`)));
        let rows = await tx.select().from(signingKey).orderBy(desc(signingKey.createdAt));
        if (!rows.some((row) => row.retiredAt === null)) {
          const jwk = newRsaJwk();
          await tx.insert(signingKey).values({ kid: jwk.kid, privateJwk: jwk });
          rows = await tx.select().from(signingKey).orderBy(desc(signingKey.createdAt));
        }
        const active = rows.filter((row) => row.retiredAt === null);
        const retired = rows.filter((row) => row.retiredAt !== null);
        return [...active, ...retired].map((row) => row.privateJwk as PrivateJwk);
      });
    },

    async rotateSigningKey(): Promise<string> {
      const jwk = newRsaJwk();
      await db.transaction(async (tx) => {
        await tx.update(signingKey).set({ retiredAt: sql`now()` }).where(isNull(signingKey.retiredAt));
        await tx.insert(signingKey).values({ kid: jwk.kid, privateJwk: jwk });
      });
      return jwk.kid;
    },

    /** Cookie-signing keys: generated once, then reused by every instance. */
    async cookieKeys(): Promise<string[]> {
      const value = randomBytes(32).toString('base64url');
      await db.insert(platformSecret).values({ name: 'oidc.cookie-key', value }).onConflictDoNothing();
      const rows = await db.select().from(platformSecret).where(sql`${platformSecret.name} = 'oidc.cookie-key'`);
      return rows.map((row) => row.value);
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
