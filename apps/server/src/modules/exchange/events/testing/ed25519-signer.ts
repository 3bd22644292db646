import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { EnvelopeSigner } from '../envelope.ts';

/** A signer with a fresh Ed25519 key (tests and benchmarks; the gateway provides the real key). */
export function ed25519Signer(kid = 'test-key'): EnvelopeSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keys = new Map<string, KeyObject>([[kid, publicKey]]);
  return {
    kid,
    sign: async (data) => sign(null, data, privateKey).toString('base64url'),
    verify: async (keyId, data, signature) => {
      const key = keys.get(keyId);
      return key ? verify(null, data, key, Buffer.from(signature, 'base64url')) : false;
    },
  };
}
