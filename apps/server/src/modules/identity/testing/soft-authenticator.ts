import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

// A software WebAuthn authenticator plus the browser's part of the ceremony (clientDataJSON), so
// passkey login can be tested without a browser or a security key. It holds one ES256 credential
// and answers like a platform passkey: attestation "none", user present and verified.
// Every field can be spoiled on purpose to check that the server refuses it.

/** Deliberate defects, for negative tests. Unset fields behave like an honest authenticator. */
export type Tampering = {
  /** The origin the "browser" reports in clientDataJSON (a phishing site). */
  origin?: string;
  /** The RP ID whose hash goes into authenticatorData. */
  rpId?: string;
  /** The challenge echoed in clientDataJSON. */
  challenge?: string;
  /** Clear the UV flag (the user was present but not verified by PIN or biometrics). */
  userVerified?: boolean;
  /** Use exactly this signature counter instead of the next one (replay, cloned authenticator). */
  counter?: number;
  /** Corrupt the signature after signing (authentication only). */
  tamperSignature?: boolean;
};

export type SoftAuthenticator = {
  /** Base64url credential id, as the server stores it. */
  readonly credentialId: string;
  /** The signature counter last reported. */
  readonly counter: number;
  register(options: PublicKeyCredentialCreationOptionsJSON, origin: string, tampering?: Tampering): RegistrationResponseJSON;
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, origin: string, tampering?: Tampering): AuthenticationResponseJSON;
};

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const ES256 = -7;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** Mimics the browser's DOMException names so a test can tell a refusal by the authenticator. */
function domError(name: 'InvalidStateError' | 'NotAllowedError' | 'NotSupportedError', message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** COSE_Key (RFC 9053) of an EC2 P-256 public key: the only key format a WebAuthn server accepts. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x ?? '', 'base64url');
  const y = Buffer.from(jwk.y ?? '', 'base64url');
  // Integer keys: 1 kty (2 = EC2), 3 alg (-7 = ES256), -1 crv (1 = P-256), -2 x, -3 y.
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, ES256],
      [-1, 1],
      [-2, new Uint8Array(x)],
      [-3, new Uint8Array(y)],
    ]),
  );
}

export function createSoftAuthenticator(): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialIdBytes = randomBytes(32);
  const credentialId = b64url(credentialIdBytes);
  const aaguid = Buffer.alloc(16); // zeros: attestation "none" does not tell the model
  let counter = 0;
  let registeredRpId: string | undefined;
  let userHandle: string | undefined;

  function nextCounter(tampering: Tampering): number {
    if (tampering.counter !== undefined) return tampering.counter;
    counter += 1;
    return counter;
  }

  // rpIdHash (32) | flags (1) | signCount (4, big-endian) | attested credential data (registration only)
  function authenticatorData(rpId: string, flags: number, signCount: number, attested?: Uint8Array): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(signCount);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  return {
    credentialId,
    get counter() {
      return counter;
    },

    register(options, origin, tampering = {}) {
      if (options.excludeCredentials?.some((c) => c.id === credentialId)) {
        throw domError('InvalidStateError', 'The authenticator already holds a credential for this account.');
      }
      if (!options.pubKeyCredParams.some((p) => p.alg === ES256)) {
        throw domError('NotSupportedError', 'The authenticator supports ES256 only.');
      }
      const rpId = tampering.rpId ?? options.rp.id ?? new URL(origin).hostname;
      registeredRpId = options.rp.id ?? new URL(origin).hostname;
      userHandle = options.user.id;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialIdBytes.length);
      const attested = Buffer.concat([aaguid, idLength, credentialIdBytes, coseKey(publicKey)]);
      const flags = FLAG_UP | FLAG_AT | (tampering.userVerified === false ? 0 : FLAG_UV);
      // Passkeys commonly start at 0; a later assertion must then report more than that.
      const authData = authenticatorData(rpId, flags, tampering.counter ?? counter, attested);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Map<string, string> | Uint8Array>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', new Uint8Array(authData)],
        ]),
      );
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', tampering.challenge ?? options.challenge, tampering.origin ?? origin)),
          attestationObject: b64url(attestationObject),
          authenticatorData: b64url(authData),
          transports: ['internal', 'hybrid'],
          publicKeyAlgorithm: ES256,
          publicKey: b64url(publicKey.export({ format: 'der', type: 'spki' })),
        },
      };
    },

    authenticate(options, origin, tampering = {}) {
      const allowed = options.allowCredentials ?? [];
      if (allowed.length > 0 && !allowed.some((c) => c.id === credentialId)) {
        throw domError('NotAllowedError', 'The authenticator holds none of the allowed credentials.');
      }
      const expectedRpId = options.rpId ?? new URL(origin).hostname;
      if (registeredRpId !== expectedRpId && tampering.rpId === undefined) {
        // A real authenticator scopes credentials to their RP ID: it would not even offer this one.
        throw domError('NotAllowedError', `The authenticator has no credential for ${expectedRpId}.`);
      }
      const flags = FLAG_UP | (tampering.userVerified === false ? 0 : FLAG_UV);
      const authData = authenticatorData(tampering.rpId ?? expectedRpId, flags, nextCounter(tampering));
      const clientDataJSON = clientData('webauthn.get', tampering.challenge ?? options.challenge, tampering.origin ?? origin);
      // ECDSA over authenticatorData || SHA-256(clientDataJSON), DER-encoded (node's default for EC).
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), privateKey);
      if (tampering.tamperSignature) {
        // The last byte belongs to the integer s: the DER structure stays valid, the value does not.
        signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01;
      }
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(userHandle ? { userHandle } : {}),
        },
      };
    },
  };
}
