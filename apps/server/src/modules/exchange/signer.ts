import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { gatewayKey } from './exchange.schema.ts';
import { headerOf, privateKeyOf, publicKeyOf, signDetached, verifyDetached } from './jws.ts';

/** A public JWK as published at /api/v1/exchange/keys. */
export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' };

/**
 * The gateway's signer: detached compact JWS, ES256, `kid` in the header (`header..signature`). `sign`
 * covers the bytes given; `verify` accepts a signature by any published gateway key.
 */
export type GatewaySigner = {
  kid: string;
  sign(data: Uint8Array | string): Promise<string>;
  verify(data: Uint8Array | string, jws: string): Promise<boolean>;
  /** Synchronous signing for the message pipeline. */
  signNow(data: Uint8Array | string): string;
  publicJwks(): { keys: PublicJwk[] };
};

function newKey(now: Date) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `gw-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const pub = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  return { kid, privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, unknown>, publicJwk: { kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y, kid, alg: 'ES256', use: 'sig' } satisfies PublicJwk };
}

/** Loads the gateway keys (creating the first one, under a lock so that instances agree). */
export async function loadGatewaySigner(db: Db, now: () => Date): Promise<GatewaySigner> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('exchange.gateway_key'))`);
    let found = await tx.select().from(gatewayKey).orderBy(desc(gatewayKey.createdAt));
    if (!found.some((row) => row.retiredAt === null)) {
      const key = newKey(now());
      await tx.insert(gatewayKey).values({ kid: key.kid, privateJwk: key.privateJwk, publicJwk: key.publicJwk, createdAt: now() });
      found = await tx.select().from(gatewayKey).orderBy(desc(gatewayKey.createdAt));
    }
    return found;
  });
  const active = rows.find((row) => row.retiredAt === null);
  if (!active) throw new Error('no active gateway key');
  const privateKey: KeyObject = privateKeyOf(active.privateJwk);
  const publicKeys = new Map<string, KeyObject>();
  for (const row of rows) {
    const key = publicKeyOf(row.publicJwk);
    if (key) publicKeys.set(row.kid, key);
  }
  const jwks = { keys: rows.map((row) => row.publicJwk as PublicJwk) };
  const signNow = (data: Uint8Array | string) => signDetached(privateKey, active.kid, data);
  return {
    kid: active.kid,
    signNow,
    sign: async (data) => signNow(data),
    async verify(data, jws) {
      const kid = headerOf(jws)?.kid;
      const key = kid ? publicKeys.get(kid) : undefined;
      return key !== undefined && verifyDetached(key, jws, data);
    },
    publicJwks: () => jwks,
  };
}
