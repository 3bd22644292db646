import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

// Detached compact JWS (RFC 7515 Appendix F), ES256 only (Circular 39/2017: ECDSA and SHA-2
// recommended): `base64url(header)..base64url(signature)`; the payload travels separately.
// The header must say {"alg":"ES256"}: any other algorithm, `none` included, is refused.

const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

export function signDetached(privateKey: KeyObject, kid: string, payload: Uint8Array | string): string {
  const header = b64url(JSON.stringify({ alg: 'ES256', kid }));
  const input = `${header}.${b64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${header}..${b64url(signature)}`;
}

/** The kid named in a detached JWS header, or undefined when it is not one of ours (ES256). */
export function headerOf(jws: string): { kid: string | undefined } | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !/^[A-Za-z0-9_-]+$/.test(parts[0] ?? '') || !/^[A-Za-z0-9_-]+$/.test(parts[2] ?? '')) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (header.alg !== 'ES256' || (header.crit !== undefined) || (header.b64 !== undefined)) return undefined;
    return { kid: typeof header.kid === 'string' ? header.kid : undefined };
  } catch {
    return undefined;
  }
}

export function verifyDetached(publicKey: KeyObject, jws: string, payload: Uint8Array | string): boolean {
  if (!headerOf(jws)) return false;
  const [header, , signature] = jws.split('.');
  const raw = Buffer.from(signature ?? '', 'base64url');
  if (raw.length !== 64) return false;
  try {
    return verify('sha256', Buffer.from(`${header ?? ''}.${b64url(payload)}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw);
  } catch {
    return false;
  }
}

/** A P-256 public key from a JWK, or undefined when it is not one. */
export function publicKeyOf(jwk: Record<string, unknown>): KeyObject | undefined {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || 'd' in jwk) return undefined;
  try {
    return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export const privateKeyOf = (jwk: Record<string, unknown>) => createPrivateKey({ key: jwk, format: 'jwk' });
