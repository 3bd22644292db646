import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, messageIdOf, signEnvelope, subjectFor, subjectToken, verifyEnvelope, type EventEnvelope } from './envelope.ts';
import { topicRegex } from './in-process.ts';
import { topicMatches } from '../../../kernel/events/event-bus.ts';
import { ed25519Signer } from './testing/ed25519-signer.ts';

const signer = ed25519Signer('gw-2026');
const unsigned = {
  eventId: '01938a6e-7c2f-7000-8000-000000000001',
  topic: 'registries.person.moved',
  service: 'VN/GOV/G01/dan-cu/person-moved',
  subscriber: 'VN/GOV/H29/mot-cua',
  occurredAt: '2026-12-04T10:00:00.000Z',
  payload: { personalId: '001099000001', to: { commune: '00004' }, tags: ['a', 1, null] },
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [true, 'x'], c: null } }), '{"a":{"c":null,"d":[true,"x"]},"b":1}');
  });
  it('is the same for any key order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const again = JSON.parse(JSON.stringify(value)) as unknown;
        assert.equal(canonicalJson(again), canonicalJson(value));
        assert.deepEqual(JSON.parse(canonicalJson(value)), again);
      }),
    );
  });
  it('refuses values JSON cannot carry', () => {
    assert.throws(() => canonicalJson({ n: Number.NaN }));
    assert.throws(() => canonicalJson({ f: () => 1 }));
  });
});

describe('envelope signature', () => {
  it('verifies an envelope as signed and after a JSON round trip with shuffled keys', async () => {
    const envelope = await signEnvelope(unsigned, signer);
    assert.equal(envelope.kid, 'gw-2026');
    assert.equal((await verifyEnvelope(envelope, signer)).ok, true);
    const shuffled = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>).reverse());
    assert.equal((await verifyEnvelope(shuffled, signer)).ok, true);
  });

  const tampered: [string, (e: EventEnvelope) => unknown][] = [
    ['eventId', (e) => ({ ...e, eventId: '01938a6e-7c2f-7000-8000-000000000002' })],
    ['topic', (e) => ({ ...e, topic: 'registries.person.died' })],
    ['service', (e) => ({ ...e, service: 'VN/GOV/G01/dan-cu/other' })],
    ['subscriber', (e) => ({ ...e, subscriber: 'VN/GOV/H01/mot-cua' })],
    ['occurredAt', (e) => ({ ...e, occurredAt: '2026-12-04T10:00:01.000Z' })],
    ['payload value', (e) => ({ ...e, payload: { ...(e.payload as object), personalId: '001099000002' } })],
    ['payload extra member', (e) => ({ ...e, payload: { ...(e.payload as object), x: 1 } })],
    ['kid', (e) => ({ ...e, kid: 'other-key' })],
    ['signature', (e) => ({ ...e, signature: e.signature.slice(0, -2) + (e.signature.endsWith('AA') ? 'BB' : 'AA') })],
    ['unsigned extra field', (e) => ({ ...e, replyTo: 'x' })],
    ['missing signature', (e) => ({ ...e, signature: undefined })],
    ['missing payload', ({ payload: _payload, ...rest }) => rest],
    ['eventId not a UUID', (e) => ({ ...e, eventId: 'not-a-uuid' })],
  ];
  for (const [field, tamper] of tampered) {
    it(`refuses a tampered ${field}`, async () => {
      const envelope = await signEnvelope(unsigned, signer);
      const check = await verifyEnvelope(tamper(envelope), signer);
      assert.equal(check.ok, false);
    });
  }
  it('refuses an envelope signed by another key under the same kid', async () => {
    const forged = await signEnvelope(unsigned, ed25519Signer('gw-2026'));
    assert.equal((await verifyEnvelope(forged, signer)).ok, false);
  });
  it('refuses non-objects', async () => {
    for (const value of [null, 'x', 42, []]) assert.equal((await verifyEnvelope(value, signer)).ok, false);
  });
  it('any change to the payload breaks the signature', async () => {
    const envelope = await signEnvelope(unsigned, signer);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (payload) => {
        fc.pre(canonicalJson(payload) !== canonicalJson(unsigned.payload));
        assert.equal((await verifyEnvelope({ ...envelope, payload }, signer)).ok, false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('subjects', () => {
  it('turns a subsystem id into one subject token', () => {
    assert.equal(subjectToken('VN/GOV/H29/mot-cua'), 'VN_2FGOV_2FH29_2Fmot-cua');
    assert.equal(subjectToken('VN/GOV/000.00.00.G01/a_b c'), 'VN_2FGOV_2F000_2E00_2E00_2EG01_2Fa_5Fb_20c');
    assert.equal(subjectFor('xroad.events', 'VN/GOV/H29/mot-cua', 'registries.person.moved'), 'xroad.events.VN_2FGOV_2FH29_2Fmot-cua.registries.person.moved');
    assert.equal(messageIdOf({ eventId: 'e', subscriber: 's' }), 'e:s');
  });
  it('is injective and yields only safe characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        assert.match(subjectToken(a), /^[A-Za-z0-9_-]+$/);
        if (a !== b) assert.notEqual(subjectToken(a), subjectToken(b));
      }),
    );
  });
});

describe('topic patterns in SQL', () => {
  const token = fc.constantFrom('registries', 'person', 'moved', 'dossiers', 'result', 'a-b', 'x_y');
  it('matches the same topics as the event bus', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.constant('*')), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(token, { minLength: 1, maxLength: 5 }),
        (parts, tail, topicParts) => {
          const pattern = [...parts, ...(tail ? ['>'] : [])].join('.');
          const topic = topicParts.join('.');
          assert.equal(new RegExp(topicRegex(pattern)).test(topic), topicMatches(pattern, topic), `${pattern} vs ${topic}`);
        },
      ),
    );
  });
});
