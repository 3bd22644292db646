import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeAttestationObject, parseAuthenticatorData, isoBase64URL } from '@simplewebauthn/server/helpers';
import { createSoftAuthenticator } from './soft-authenticator.ts';

// The software authenticator must produce what a browser and a real passkey produce: checked here
// against the WebAuthn library alone, without the database.

const rpID = 'dichvucong.example.vn';
const origin = `https://${rpID}`;

async function registered() {
  const device = createSoftAuthenticator();
  const options = await generateRegistrationOptions({ rpName: 'Test', rpID, userName: '001203000001', userID: new Uint8Array(16), supportedAlgorithmIDs: [-7] });
  const response = device.register(options, origin);
  const result = await verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, supportedAlgorithmIDs: [-7] });
  assert.ok(result.verified);
  return { device, response, credential: result.registrationInfo.credential };
}

describe('soft authenticator', () => {
  it('registers with attestation "none", flags UP|UV|AT and a zero AAGUID', async () => {
    const { device, response, credential } = await registered();
    assert.equal(credential.id, device.credentialId);
    const attestation = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject));
    assert.equal(attestation.get('fmt'), 'none');
    const authData = parseAuthenticatorData(attestation.get('authData'));
    assert.deepEqual([authData.flags.up, authData.flags.uv, authData.flags.at], [true, true, true]);
    assert.deepEqual(authData.aaguid, new Uint8Array(16));
  });

  it('signs assertions the library verifies, with an increasing counter', async () => {
    const { device, credential } = await registered();
    for (const expected of [1, 2]) {
      const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: device.credentialId }] });
      const response = device.authenticate(options, origin);
      const result = await verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential: { ...credential, counter: expected - 1 } });
      assert.ok(result.verified);
      assert.equal(result.authenticationInfo.newCounter, expected);
    }
  });

  it('produces a signature that no longer verifies when asked to tamper with it', async () => {
    const { device, credential } = await registered();
    const options = await generateAuthenticationOptions({ rpID });
    const response = device.authenticate(options, origin, { tamperSignature: true });
    const result = await verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential });
    assert.equal(result.verified, false);
  });

  it('refuses like a browser: excluded on registration, not allowed or other site on login', async () => {
    const { device } = await registered();
    const again = await generateRegistrationOptions({ rpName: 'Test', rpID, userName: 'x', supportedAlgorithmIDs: [-7], excludeCredentials: [{ id: device.credentialId }] });
    assert.throws(() => device.register(again, origin), { name: 'InvalidStateError' });
    assert.throws(() => device.authenticate({ challenge: 'abc', rpId: rpID, allowCredentials: [{ id: 'b3RoZXI', type: 'public-key' }] }, origin), { name: 'NotAllowedError' });
    assert.throws(() => device.authenticate({ challenge: 'abc', rpId: 'other.example' }, 'https://other.example'), { name: 'NotAllowedError' });
  });
});
