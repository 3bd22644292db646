import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode, TOTP_STEP_SECONDS } from './totp.ts';

// RFC 6238 Appendix B (SHA-1 rows; the secret is ASCII "12345678901234567890"), last 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    it(`gives ${expected} at T=${seconds}`, () => {
      assert.equal(totpCode(RFC_SECRET, new Date(seconds * 1000)), expected);
    });
  }

  it('HOTP matches RFC 4226 Appendix D', () => {
    const secret = Buffer.from('12345678901234567890');
    assert.deepEqual([0, 1, 2, 9].map((c) => hotp(secret, c)), ['755224', '287082', '359152', '520489']);
  });

  it('base32 round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    }));
  });

  it('accepts the current code and one step of drift, refuses two steps and replays', () => {
    const at = new Date(1_800_000_000_000);
    const step = Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
    const codeAt = (offsetSteps: number) => totpCode(RFC_SECRET, new Date(at.getTime() + offsetSteps * TOTP_STEP_SECONDS * 1000));
    assert.equal(matchTotp(RFC_SECRET, codeAt(0), at, null), step);
    assert.equal(matchTotp(RFC_SECRET, codeAt(-1), at, null), step - 1);
    assert.equal(matchTotp(RFC_SECRET, codeAt(1), at, null), step + 1);
    assert.equal(matchTotp(RFC_SECRET, codeAt(-2), at, null), undefined);
    assert.equal(matchTotp(RFC_SECRET, codeAt(0), at, step), undefined, 'a used step is not accepted again');
    assert.equal(matchTotp(RFC_SECRET, 'abcdef', at, null), undefined);
    assert.equal(matchTotp(RFC_SECRET, '1234567', at, null), undefined);
  });

  it('builds the otpauth URI authenticator apps read', () => {
    assert.equal(otpauthUri('JBSWY3DPEHPK3PXP', 'Congso', '079203001234'), 'otpauth://totp/Congso%3A079203001234?secret=JBSWY3DPEHPK3PXP&issuer=Congso&algorithm=SHA1&digits=6&period=30');
  });
});
