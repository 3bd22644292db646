import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePurpose, encodePurpose } from './gateway.ts';
import { createQuotas, createReplayGuard } from './guards.ts';
import { parseMessagePath, parseServiceId, parseSubsystemId } from './identifiers.ts';
import { signDetached, verifyDetached } from './jws.ts';
import { readTimeStampResponse, timeStampRequest } from './tsa/rfc3161.ts';

describe('X-Road identifiers (one spelling only, TM-04)', () => {
  const cases: [string, boolean][] = [
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record', true],
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record/079123456789?at=2026-01-01', true],
    ['/r1/VN/GOV/H29%2E15/ho-tich/birth-record', false],
    ['/r1/VN/GOV/H29.15/ho%2Dtich/birth-record', false],
    ['/r1/vn/GOV/H29.15/ho-tich/birth-record', false],
    ['/r1/VN/gov/H29.15/ho-tich/birth-record', false],
    ['/r1/VN/GOV/h29.15/ho-tich/birth-record', false],
    ['/r1/VN/GOV/H29..15/ho-tich/birth-record', false],
    ['/r1/VN/GOV/H29.15/Ho-Tich/birth-record', false],
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record/', false],
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record/../x', false],
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record//x', false],
    ['/r1/VN/GOV/H29.15/ho-tich/birth-record/a%2Fb', false],
    ['/r1/VN/GOV/H29.15/ho-tich', false],
    ['/r1//GOV/H29.15/ho-tich/x', false],
  ];
  for (const [url, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${url}`, () => assert.equal(parseMessagePath(url) !== undefined, valid));
  }
  it('splits the provider path and the query', () => {
    assert.deepEqual(parseMessagePath('/r1/VN/GOV/H29/dan-cu/person/079123456789?x=1'), { service: { instance: 'VN', memberClass: 'GOV', memberCode: 'H29', subsystem: 'dan-cu', service: 'person' }, rest: '/079123456789', query: 'x=1' });
  });
  it('reads subsystem and service ids exactly', () => {
    assert.ok(parseSubsystemId('VN/GOV/H29.15/ho-tich'));
    assert.equal(parseSubsystemId('VN/GOV/H29.15/ho-tich/'), undefined);
    assert.equal(parseSubsystemId(' VN/GOV/H29.15/ho-tich'), undefined);
    assert.ok(parseServiceId('VN/GOV/H29.15/ho-tich/birth-record'));
    assert.equal(parseServiceId('VN/GOV/H29.15/ho-tich'), undefined);
  });
});

describe('X-Road-Purpose (RFC 8187-style UTF-8)', () => {
  it('decodes plain, percent-encoded and UTF-8\'\' values', () => {
    assert.equal(decodePurpose('dossier 1'), 'dossier 1');
    assert.equal(decodePurpose('h%E1%BB%93%20s%C6%A1%20H29'), 'hồ sơ H29');
    assert.equal(decodePurpose("UTF-8''h%E1%BB%93%20s%C6%A1"), 'hồ sơ');
  });
  it('refuses empty, control characters, bad encodings and raw non-ASCII', () => {
    for (const bad of ['', '   ', '%00x', '%E1%BB', 'hồ sơ', 'a%0Ab']) assert.equal(decodePurpose(bad), undefined, bad);
  });
  it('round-trips any text through the in-process encoding (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }).filter((s) => s.trim() === s && s.length > 0 && !/\p{Cc}/u.test(s)), (text) => decodePurpose(encodePurpose(text)) === text.normalize('NFC')));
  });
});

describe('detached JWS (ES256)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  it('verifies the payload it signed and nothing else', () => {
    const jws = signDetached(privateKey, 'k1', 'payload');
    assert.match(jws, /^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
    assert.equal(verifyDetached(publicKey, jws, 'payload'), true);
    assert.equal(verifyDetached(publicKey, jws, 'payloaD'), false);
  });
  it('refuses alg none or HS256 headers', () => {
    const [, , signature] = signDetached(privateKey, 'k1', 'p').split('.');
    for (const alg of ['none', 'HS256', 'ES384']) {
      const header = Buffer.from(JSON.stringify({ alg, kid: 'k1' })).toString('base64url');
      assert.equal(verifyDetached(publicKey, `${header}..${signature ?? ''}`, 'p'), false);
    }
  });
});

describe('replay guard and quotas', () => {
  it('lets a message id through once per client within the window', () => {
    const guard = createReplayGuard(300_000);
    assert.equal(guard.claim('A', 'id-1', 1_000), true);
    assert.equal(guard.claim('A', 'id-1', 2_000), false);
    assert.equal(guard.claim('B', 'id-1', 2_000), true);
  });
  it('counts per minute and per day, with the wait until the window ends', () => {
    const quotas = createQuotas();
    const at = new Date('2026-12-04T09:00:30Z');
    assert.deepEqual(quotas.take('S', { perMinute: 2, perDay: 10 }, at), { ok: true });
    assert.deepEqual(quotas.take('S', { perMinute: 2, perDay: 10 }, at), { ok: true });
    assert.deepEqual(quotas.take('S', { perMinute: 2, perDay: 10 }, at), { ok: false, retryAfter: 30 });
    assert.deepEqual(quotas.take('S', { perMinute: 2, perDay: 10 }, new Date('2026-12-04T09:01:00Z')), { ok: true });
    const daily = createQuotas();
    daily.take('S', { perMinute: 5, perDay: 1 }, at);
    // 09:00:30 UTC is 16:00:30 in Vietnam: 7 h 59 min 30 s to midnight.
    assert.deepEqual(daily.take('S', { perMinute: 5, perDay: 1 }, at), { ok: false, retryAfter: 7 * 3600 + 59 * 60 + 30 });
  });
});

describe('RFC 3161 request', () => {
  it('encodes a DER TimeStampReq that OpenSSL can read back', () => {
    const request = timeStampRequest(Buffer.alloc(32, 7), Buffer.from('8000000000000001', 'hex'));
    const dir = mkdtempSync(join(tmpdir(), 'congso-tsq-'));
    try {
      writeFileSync(join(dir, 'q.tsq'), request);
      const text = execFileSync('openssl', ['ts', '-query', '-in', join(dir, 'q.tsq'), '-text'], { encoding: 'utf8' });
      assert.match(text, /Hash Algorithm: sha256/);
      assert.match(text, /07 07 07 07/);
      assert.match(text, /Nonce: 0x8000000000000001/i);
      assert.match(text, /Certificate required: yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.throws(() => readTimeStampResponse(Buffer.from('3003020101', 'hex')));
  });
});
