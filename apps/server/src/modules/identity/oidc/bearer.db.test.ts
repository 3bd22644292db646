import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { desc } from 'drizzle-orm';
import { importJWK, SignJWT, type JWK } from 'jose';
import * as client from 'openid-client';
import { createListeningTestApp, moduleService, type TestApp } from '../../../kernel/testing/test-app.ts';
import { signingKey } from '../identity.schema.ts';

// The API as a resource server: a token from our provider is accepted; forged, expired, mis-addressed
// or tampered tokens are refused with 401 problem+json, never a 500.

type IdentityService = { registerClient(c: object): Promise<{ clientId: string; clientSecret?: string }> };
let t: TestApp;
let base: string;
let goodToken = '';
let privateJwk: JWK & { kid: string };

before(async () => {
  const listening = await createListeningTestApp();
  t = listening;
  base = listening.base;
  const identity = moduleService<IdentityService>(t, 'identity');
  const { clientId, clientSecret } = await identity.registerClient({ clientId: 'lgsp-h29', name: 'LGSP TP.HCM', agencyCode: 'H29', kind: 'agency_system', permissions: ['dossiers:read'] });
  const config = await client.discovery(new URL(`${base}/oidc`), clientId, clientSecret, client.ClientSecretBasic(clientSecret ?? ''), { execute: [client.allowInsecureRequests] });
  goodToken = (await client.clientCredentialsGrant(config, { scope: 'api' })).access_token;
  const rows = await t.db.database.db.select().from(signingKey).orderBy(desc(signingKey.createdAt)).limit(1);
  privateJwk = rows[0]?.privateJwk as JWK & { kid: string };
});
after(async () => t.close());

const whoami = (token?: string) => fetch(`${base}/api/v1/auth/whoami`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

async function forge(claims: Record<string, unknown>, options: { exp?: number; aud?: string; iss?: string } = {}) {
  const key = await importJWK(privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: 'lgsp-h29', 'urn:congso:agency': 'H29', 'urn:congso:permissions': ['dossiers:read'], ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: privateJwk.kid })
    .setIssuer(options.iss ?? `${base}/oidc`)
    .setAudience(options.aud ?? `${base}/api`)
    .setSubject('lgsp-h29')
    .setIssuedAt(now - 10)
    .setExpirationTime(options.exp ?? now + 300)
    .sign(key);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('bearer tokens on the API', () => {
  it('accepts a client-credentials JWT from our provider and reports the agency and permissions', async () => {
    assert.equal(goodToken.split('.').length, 3, 'a JWT');
    const response = await whoami(goodToken);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { kind: 'client', subject: 'lgsp-h29', agencyCode: 'H29', permissions: ['dossiers:read'] });
  });

  it('accepts a token signed with our key for the right issuer and audience (the forge works)', async () => {
    assert.equal((await whoami(await forge({}))).status, 200);
  });

  const refusals: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['garbage', async () => 'not-a-token'],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'at+jwt' })}.${goodToken.split('.')[1]}.`],
    [
      'HS256 signed with the public key',
      async () => {
        const publicPem = createPublicKey({ key: privateJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
        return new SignJWT({ client_id: 'lgsp-h29', 'urn:congso:agency': 'H29' })
          .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
          .setIssuer(`${base}/oidc`)
          .setAudience(`${base}/api`)
          .setSubject('lgsp-h29')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(Buffer.from(publicPem));
      },
    ],
    ['wrong audience', () => forge({}, { aud: 'https://other.example/api' })],
    ['wrong issuer', () => forge({}, { iss: 'https://evil.example/oidc' })],
    ['expired', () => forge({}, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    [
      'tampered payload (more permissions)',
      async () => {
        const [header, payload, signature] = goodToken.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
        return `${header}.${b64({ ...claims, 'urn:congso:permissions': ['dossiers:approve'] })}.${signature}`;
      },
    ],
  ];
  for (const [name, token] of refusals) {
    it(`refuses ${name} with 401 problem+json`, async () => {
      const response = await whoami(await token());
      assert.equal(response.status, 401);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(((await response.json()) as { code: string }).code, 'auth.unauthenticated');
    });
  }
});
