import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../kernel/testing/test-database.ts';
import { loadGatewaySigner } from '../signer.ts';
import { envelopeSignerFrom, signEnvelope, verifyEnvelope } from './envelope.ts';

// The envelope port fed by the gateway's real key (ES256 detached JWS from exchange.gateway_key).
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

describe('event envelopes signed with the gateway key', () => {
  it('verify, and fail when any field is changed', async () => {
    const gateway = await loadGatewaySigner(t.database.db, () => new Date());
    const signer = envelopeSignerFrom(() => gateway);
    assert.equal(signer.kid, gateway.kid);
    const envelope = await signEnvelope(
      {
        eventId: '01938a6e-7c2f-7000-8000-000000000001',
        topic: 'dossiers.result.issued',
        service: 'VN/GOV/H29/mot-cua/result-issued',
        subscriber: 'VN/GOV/G12/thue',
        occurredAt: '2026-12-04T10:00:00.000Z',
        payload: { dossierCode: 'H29.15-261204-0001' },
      },
      signer,
    );
    assert.equal(envelope.kid, gateway.kid);
    assert.equal((await verifyEnvelope(JSON.parse(JSON.stringify(envelope)), signer)).ok, true);
    assert.equal((await verifyEnvelope({ ...envelope, subscriber: 'VN/GOV/H29/mot-cua' }, signer)).ok, false);
    assert.equal((await verifyEnvelope({ ...envelope, payload: { dossierCode: 'H29.15-261204-0002' } }, signer)).ok, false);
  });
});
