import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../kernel/testing/test-database.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { signEnvelope, type EventEnvelope } from './envelope.ts';
import { createExchangeEvents, type ExchangeEvents } from './exchange-events.ts';
import { receiveEnvelope, type InboxConsumer } from './inbox.ts';
import { ed25519Signer } from './testing/ed25519-signer.ts';
import { inProcessEvents } from './testing/in-process-events.ts';

// In-process mode (no NATS_URL): provider → outbox → exchange.events consumer → exchange.event_envelope
// → subscriber → inbox + handler, all on the real database.
const logger = pino({ level: 'silent' });
const signer = ed25519Signer('gw-test');
const POPULATION = 'VN/GOV/G01/dan-cu';
const ONE_STOP = 'VN/GOV/H29/mot-cua';
const TAX = 'VN/GOV/G12/thue';
// Access rights, as the gateway answers them: only the one-stop shop may receive person.moved.
const rights: Record<string, { subsystemId: string; serviceId: string }[]> = {
  'registries.person.moved': [{ subsystemId: ONE_STOP, serviceId: `${POPULATION}/person-moved` }],
  'dossiers.result.issued': [
    { subsystemId: ONE_STOP, serviceId: 'VN/GOV/H29/mot-cua/result-issued' },
    { subsystemId: TAX, serviceId: 'VN/GOV/H29/mot-cua/result-issued' },
  ],
};

let t: TestDatabase;
let events: ExchangeEvents;
let publish: ReturnType<typeof inProcessEvents>['publish'];
let drainOutbox: () => Promise<number>;

const effects = async (consumer: string) =>
  t.database.db.execute<{ event_id: string; n: number }>(sql`select event_id, count(*)::int as n from public.exchange_test_effect where consumer = ${consumer} group by event_id`);
const effect = (consumer: string) => async (envelope: EventEnvelope, tx: Parameters<InboxConsumer['handle']>[1]) => {
  await tx.execute(sql`insert into public.exchange_test_effect (consumer, event_id) values (${consumer}, ${envelope.eventId})`);
};

before(async () => {
  t = await createTestDatabase();
  await t.database.db.execute(sql`create table public.exchange_test_effect (consumer text not null, event_id uuid not null)`);
  ({ events, publish, drainOutbox } = inProcessEvents({ db: t.database.db, signer, subscribersOf: async (topic) => rights[topic] ?? [], topics: ['registries.person.moved', 'dossiers.result.issued'], logger }));
});
after(async () => {
  await events.close();
  await t.drop();
});
beforeEach(async () => {
  await t.database.db.execute(sql`truncate public.exchange_test_effect`);
});

describe('exchange events, in-process', () => {
  it('delivers a signed envelope to the subscriber with the right, once', async () => {
    assert.equal(events.mode, 'in-process');
    const event = await publish('registries.person.moved', { personalId: '001099000001' });
    assert.equal(await drainOutbox(), 1);
    const seen: EventEnvelope[] = [];
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-moves',
      topics: ['registries.person.*'],
      pollMs: 60_000,
      handle: async (envelope, tx) => {
        seen.push(envelope);
        await effect('one-stop-moves')(envelope, tx);
      },
    });
    assert.equal(await subscriber.drain?.(), 1);
    assert.equal(await subscriber.drain?.(), 0, 'nothing left: the inbox holds it');
    await subscriber.close();
    assert.equal(seen.length, 1);
    assert.deepEqual(
      { eventId: seen[0]?.eventId, topic: seen[0]?.topic, service: seen[0]?.service, subscriber: seen[0]?.subscriber, payload: seen[0]?.payload, kid: seen[0]?.kid },
      { eventId: event.id, topic: 'registries.person.moved', service: `${POPULATION}/person-moved`, subscriber: ONE_STOP, payload: { personalId: '001099000001' }, kid: 'gw-test' },
    );
    assert.deepEqual([...(await effects('one-stop-moves'))], [{ event_id: event.id, n: 1 }]);
  });

  it('gives a subsystem without an access right nothing, and acknowledges an event nobody may receive', async () => {
    const moved = await publish('registries.person.moved', { personalId: '001099000002' });
    const result = await publish('dossiers.result.issued', { dossierCode: 'H29.15-261204-0001' });
    assert.equal(await drainOutbox(), 2);
    const stored = await t.database.db.execute<{ event_id: string; subscriber: string }>(
      sql`select event_id, subscriber from exchange.event_envelope where event_id in (${moved.id}, ${result.id}) order by subscriber`,
    );
    assert.deepEqual([...stored].map((r) => [r.event_id, r.subscriber]).sort(), [[moved.id, ONE_STOP], [result.id, ONE_STOP], [result.id, TAX]].sort());
    const tax = await events.subscribeEvents({ subscriber: TAX, durable: 'tax-all', topics: ['>'], pollMs: 60_000, handle: effect('tax-all') });
    assert.equal(await tax.drain?.(), 1);
    await tax.close();
    assert.deepEqual([...(await effects('tax-all'))].map((r) => r.event_id), [result.id], 'the tax office got the result, not the move');

    // No subscriber for the topic: the outbox delivery is simply done.
    const lonely = createExchangeEvents({ db: t.database.db, signer, subscribersOf: async () => [], topics: ['registries.person.moved'], logger });
    await t.database.db.transaction(async (tx) => {
      await lonely.subscription.handle({ id: uuidv7(), topic: 'registries.person.moved', version: 1, aggregateId: null, payload: {}, requestId: null, occurredAt: new Date() }, tx);
    });
    const pending = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.event_delivery where status <> 'done'`);
    assert.equal(pending[0]?.n, 0);
  });

  it('never handles a tampered or unsigned envelope, and still handles the genuine ones', async () => {
    const good = await publish('registries.person.moved', { personalId: '001099000003' });
    const bad = await publish('registries.person.moved', { personalId: '001099000004' });
    const unsigned = await publish('registries.person.moved', { personalId: '001099000005' });
    assert.equal(await drainOutbox(), 3);
    await t.database.db.execute(sql`
      update exchange.event_envelope set envelope = jsonb_set(envelope, '{payload,personalId}', '"001099999999"')
       where event_id = ${bad.id}`);
    await t.database.db.execute(sql`update exchange.event_envelope set envelope = envelope - 'signature' where event_id = ${unsigned.id}`);
    const handled: string[] = [];
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-tamper',
      topics: ['registries.person.moved'],
      pollMs: 60_000,
      handle: async (envelope) => {
        handled.push(envelope.eventId);
      },
    });
    await subscriber.drain?.();
    await subscriber.drain?.();
    await subscriber.close();
    assert.ok(handled.includes(good.id));
    assert.ok(!handled.includes(bad.id) && !handled.includes(unsigned.id));
  });

  it('retries a failed handler later and applies its effect once', async () => {
    const event = await publish('registries.person.moved', { personalId: '001099000006' });
    await drainOutbox();
    let calls = 0;
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-flaky',
      topics: ['registries.person.moved'],
      pollMs: 20,
      handle: async (envelope, tx) => {
        await effect('one-stop-flaky')(envelope, tx);
        if (envelope.eventId !== event.id) return;
        calls++;
        if (calls === 1) throw new Error('the subscriber system is down');
      },
    });
    const deadline = Date.now() + 10_000;
    while (![...(await effects('one-stop-flaky'))].some((r) => r.event_id === event.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await subscriber.close();
    assert.equal(calls, 2, 'failed once, then retried after the back-off');
    const rows = [...(await effects('one-stop-flaky'))].filter((r) => r.event_id === event.id);
    assert.deepEqual(rows, [{ event_id: event.id, n: 1 }], 'the failed attempt rolled back its effect');
  });

  it('closes while envelopes are still waiting: the pass stops instead of fetching the same batch again', { timeout: 20_000 }, async () => {
    for (let i = 0; i < 3; i++) await publish('registries.person.moved', { personalId: `00109900002${i}` });
    await drainOutbox();
    let handled = 0;
    let closing: Promise<void> | undefined;
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-closing',
      topics: ['registries.person.moved'],
      pollMs: 60_000,
      batch: 1,
      handle: async () => {
        handled++;
        closing ??= subscriber.close();
      },
    });
    assert.equal(await subscriber.drain?.(), 1, 'the envelope in hand is finished, the next ones wait');
    await closing;
    assert.equal(handled, 1);
  });

  it('any sequence of duplicate, redelivered and concurrent envelopes has one effect per distinct event', async () => {
    const pool = await Promise.all(
      Array.from({ length: 6 }, async (_, i) =>
        signEnvelope({ eventId: uuidv7(), topic: 'registries.person.moved', service: `${POPULATION}/person-moved`, subscriber: ONE_STOP, occurredAt: new Date().toISOString(), payload: { i } }, signer),
      ),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (waves) => {
        run++;
        const consumer: InboxConsumer = {
          db: t.database.db,
          subscriber: ONE_STOP,
          consumer: `prop-${run}`,
          topics: ['registries.>'],
          verifier: signer,
          handle: effect(`prop-${run}`),
        };
        // Each wave delivers its envelopes concurrently (as a redelivery racing the first copy would).
        for (const wave of waves) {
          await Promise.all(wave.map((index) => receiveEnvelope(consumer, JSON.parse(JSON.stringify(pool[index])))));
        }
        const rows = [...(await effects(`prop-${run}`))];
        const distinct = new Set(waves.flat().map((index) => pool[index]?.eventId));
        assert.equal(rows.length, distinct.size);
        assert.ok(rows.every((r) => r.n === 1));
      }),
      { numRuns: 30 },
    );
  });
});
