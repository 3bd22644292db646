import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createListeningTestApp, moduleService, type TestApp } from '../../../kernel/testing/test-app.ts';

// An independent relying party (openid-client) against the running server, over real HTTP.

let t: TestApp;
let base: string;
type IdentityService = { issuer: string; registerClient(c: object): Promise<{ clientId: string; clientSecret?: string }>; rotateSigningKey(): Promise<string> };
let identity: IdentityService;

before(async () => {
  const listening = await createListeningTestApp();
  t = listening;
  base = listening.base;
  identity = moduleService<IdentityService>(t, 'identity');
});
after(async () => t.close());

async function discover(clientId: string, secret?: string) {
  return client.discovery(new URL(`${base}/oidc`), clientId, secret, secret ? client.ClientSecretBasic(secret) : client.None(), {
    execute: [client.allowInsecureRequests],
  });
}

describe('OpenID Provider under /oidc', () => {
  it('publishes discovery with every endpoint under /oidc and a JWKS of RS256 keys', async () => {
    const response = await fetch(`${base}/oidc/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const metadata = (await response.json()) as Record<string, string | string[]>;
    assert.equal(metadata.issuer, `${base}/oidc`);
    for (const endpoint of ['token_endpoint', 'jwks_uri', 'authorization_endpoint', 'introspection_endpoint']) {
      assert.match(String(metadata[endpoint]), new RegExp(`^${base}/oidc/`), endpoint);
    }
    assert.ok(!(metadata.registration_endpoint), 'no self-registration');
    const jwks = (await (await fetch(String(metadata.jwks_uri))).json()) as { keys: { alg: string; d?: string }[] };
    assert.ok(jwks.keys.length >= 1);
    assert.ok(jwks.keys.every((key) => key.alg === 'RS256' && key.d === undefined), 'only public keys are published');
  });

  it('issues a client-credentials token to a registered agency system, and introspects it', async () => {
    const { clientId, clientSecret } = await identity.registerClient({ clientId: 'ho-tich-h29', name: 'Phần mềm hộ tịch', agencyCode: 'H29.15', kind: 'agency_system' });
    assert.ok(clientSecret);
    const config = await discover(clientId, clientSecret);
    const tokens = await client.clientCredentialsGrant(config);
    assert.ok(tokens.access_token);
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    const introspection = await client.tokenIntrospection(config, tokens.access_token);
    assert.equal(introspection.active, true);
    assert.equal(introspection.client_id, clientId);
  });

  it("does not let one agency system introspect another's token", async () => {
    const a = await identity.registerClient({ clientId: 'he-thong-a', name: 'A', agencyCode: 'H29', kind: 'agency_system' });
    const b = await identity.registerClient({ clientId: 'he-thong-b', name: 'B', agencyCode: 'H29.15', kind: 'agency_system' });
    const tokenOfA = (await client.clientCredentialsGrant(await discover(a.clientId, a.clientSecret))).access_token;
    const seenByB = await client.tokenIntrospection(await discover(b.clientId, b.clientSecret), tokenOfA);
    assert.equal(seenByB.active, false);
  });

  it('refuses a wrong client secret and an unknown client', async () => {
    await identity.registerClient({ clientId: 'thue-h29', name: 'Thuế', agencyCode: 'H29', kind: 'agency_system' });
    await assert.rejects(client.clientCredentialsGrant(await discover('thue-h29', 'not-the-secret')));
    await assert.rejects(client.clientCredentialsGrant(await discover('nobody', 'x')));
  });

  it('keeps a retired key in the JWKS after rotation, and signs with the new one at once', async () => {
    const before = (await (await fetch(`${base}/oidc/jwks`)).json()) as { keys: { kid: string }[] };
    const newKid = await identity.rotateSigningKey();
    const afterRotation = (await (await fetch(`${base}/oidc/jwks`)).json()) as { keys: { kid: string }[] };
    assert.equal(afterRotation.keys[0]?.kid, newKid, 'the new key signs');
    for (const key of before.keys) assert.ok(afterRotation.keys.some((k) => k.kid === key.kid), 'old keys still verify');
  });

  it('answers unknown provider paths without a 500', async () => {
    const response = await fetch(`${base}/oidc/no-such-endpoint`);
    assert.ok(response.status >= 400 && response.status < 500, String(response.status));
  });
});
