import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createEventBus } from '../../../kernel/events/event-bus.ts';
import { createOutbox, type Outbox } from '../../../kernel/events/outbox.ts';
import { createOutboxWorker, type OutboxWorker } from '../../../kernel/events/outbox-worker.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { createTestDatabase, type TestDatabase } from '../../../kernel/testing/test-database.ts';
import { signEnvelope, subjectFor, subjectToken, type EventEnvelope } from './envelope.ts';
import { createExchangeEvents, type ExchangeEvents } from './exchange-events.ts';
import type { InboxConsumer } from './inbox.ts';
import { consumerName, EXCHANGE_STREAM, EXCHANGE_SUBJECT_PREFIX, ensureConsumer, processMessage } from './jetstream.ts';
import { ed25519Signer } from './testing/ed25519-signer.ts';
import { natsServerAvailable, startOwnNatsServer, type OwnNatsServer } from './testing/nats-server.ts';

// Against a private nats-server (its own port and store directory) that the tests kill and restart:
// the shared server on 4222 is never touched.
const skip = natsServerAvailable() ? false : 'nats-server binary not found at /usr/sbin/nats-server';
const logger = pino({ level: 'silent' });
const signer = ed25519Signer('gw-test');
const ONE_STOP = 'VN/GOV/H29/mot-cua';
const TAX = 'VN/GOV/G12/thue';
const target = { stream: EXCHANGE_STREAM, subjectPrefix: EXCHANGE_SUBJECT_PREFIX };
const topics = ['registries.person.moved', 'dossiers.result.issued', 'registries.enterprise.changed'];

let t: TestDatabase;
let nats: OwnNatsServer;
let events: ExchangeEvents;
let outbox: Outbox;
let worker: OutboxWorker;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
const effects = async (consumer: string) =>
  [...(await t.database.db.execute<{ event_id: string; n: number }>(sql`select event_id, count(*)::int as n from public.exchange_test_effect where consumer = ${consumer} group by event_id`))];
const effect = (consumer: string) => async (envelope: EventEnvelope, tx: Parameters<InboxConsumer['handle']>[1]) => {
  await tx.execute(sql`insert into public.exchange_test_effect (consumer, event_id) values (${consumer}, ${envelope.eventId})`);
};
const outboxDone = async () => {
  const rows = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.event_delivery where status <> 'done'`);
  return rows[0]?.n === 0;
};
const publishMany = (topic: string, count: number, from = 0) =>
  t.database.db.transaction((tx) => outbox.appendMany(tx, Array.from({ length: count }, (_, i) => ({ topic, payload: { n: from + i } }))));
async function consumerInfo(durable: string, subscriber = ONE_STOP) {
  const connection = await connect({ servers: nats.url });
  try {
    return await (await jetstreamManager(connection)).consumers.info(EXCHANGE_STREAM, consumerName(subscriber, durable));
  } finally {
    await connection.close();
  }
}

before(async () => {
  if (skip) return;
  t = await createTestDatabase();
  await t.database.db.execute(sql`create table public.exchange_test_effect (consumer text not null, event_id uuid not null)`);
  nats = await startOwnNatsServer();
  events = createExchangeEvents({
    db: t.database.db,
    natsUrl: nats.url,
    signer,
    // Access rights: the one-stop shop receives everything; the tax office nothing but results.
    subscribersOf: async (topic) => [
      { subsystemId: ONE_STOP, serviceId: `VN/GOV/G01/dan-cu/${topic}` },
      ...(topic === 'dossiers.result.issued' ? [{ subsystemId: TAX, serviceId: 'VN/GOV/H29/mot-cua/result-issued' }] : []),
    ],
    topics,
    logger,
    publishTimeoutMs: 1000,
  });
  const bus = createEventBus();
  bus.subscribe(events.subscription);
  outbox = createOutbox(bus);
  worker = createOutboxWorker({ db: t.database.db, bus, logger, pollMs: 20 });
  worker.start();
});
after(async () => {
  if (skip) return;
  await worker.stop();
  await events.close();
  await nats.dispose();
  await t.drop();
});

describe('exchange events through NATS JetStream', { skip }, () => {
  it('delivers 200 events exactly once in effect across a NATS server crash and restart', async () => {
    assert.equal(events.mode, 'jetstream');
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-moves',
      topics: ['registries.person.moved'],
      ackWaitMs: 2000,
      handle: effect('one-stop-moves'),
    });
    const first = await publishMany('registries.person.moved', 100);
    await until('some events handled', async () => (await effects('one-stop-moves')).length >= 20);
    // kill -9 in the middle of the flow, then more events while it is down (the outbox keeps them).
    await nats.stop('SIGKILL');
    const second = await publishMany('registries.person.moved', 100, 100);
    await sleep(1000);
    await nats.start();
    await until('all 200 handled', async () => (await effects('one-stop-moves')).length >= 200, 60_000);
    await until('outbox drained', outboxDone);
    // Anything still unacknowledged comes back after the ack wait: give it that time, then count.
    await sleep(2500);
    const rows = await effects('one-stop-moves');
    const expected = new Set([...first, ...second].map((e) => e.id));
    assert.equal(rows.length, 200);
    assert.ok(rows.every((r) => expected.has(r.event_id) && r.n === 1), 'each event had its effect exactly once');
    const retried = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from kernel.event_delivery where consumer = 'exchange.events' and attempts > 1`);
    assert.ok((retried[0]?.n ?? 0) > 0, 'publishes failed while NATS was down and the outbox retried them');
    await subscriber.close();

    // The tax office has no right to person.moved: its subject space holds nothing of it.
    const connection = await connect({ servers: nats.url });
    try {
      const name = await ensureConsumer(connection, target, TAX, 'tax-moves', ['registries.person.moved']);
      const info = await (await jetstreamManager(connection)).consumers.info(EXCHANGE_STREAM, name);
      assert.equal(info.num_pending, 0);
    } finally {
      await connection.close();
    }
  });

  it('redelivers after a consumer crash between commit and ack, and the inbox keeps the effect single', async () => {
    const durable = 'one-stop-results';
    const consumer: InboxConsumer = { db: t.database.db, subscriber: ONE_STOP, consumer: durable, topics: ['dossiers.result.issued'], verifier: signer, handle: effect(durable) };
    const published = await publishMany('dossiers.result.issued', 3);
    await until('outbox drained', outboxDone);

    // The "crashing" process: handles the messages (its transaction commits) but its acks never
    // leave, then its connection drops.
    const crashing = await connect({ servers: nats.url });
    const name = await ensureConsumer(crashing, target, ONE_STOP, durable, consumer.topics, { ackWaitMs: 1000 });
    const pull = await jetstream(crashing).consumers.get(EXCHANGE_STREAM, name);
    const batch = await pull.fetch({ max_messages: 3, expires: 2000 });
    for await (const message of batch) {
      await processMessage(consumer, { subject: message.subject, data: message.data, info: message.info, ack: () => undefined, nak: (d) => message.nak(d), term: () => message.term() }, logger);
    }
    await crashing.close();
    assert.equal((await effects(durable)).length, 3);

    // The restarted process: same durable; JetStream redelivers after the ack wait.
    let handlerCalls = 0;
    const restarted = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable,
      topics: consumer.topics,
      handle: async (envelope, tx) => {
        handlerCalls++;
        await effect(durable)(envelope, tx);
      },
    });
    await until('redeliveries acknowledged', async () => {
      const info = await consumerInfo(durable);
      return info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.consumer_seq >= 6;
    });
    await restarted.close();
    assert.equal(handlerCalls, 0, 'every redelivery was a duplicate');
    const rows = await effects(durable);
    assert.deepEqual(rows.map((r) => r.event_id).sort(), published.map((e) => e.id).sort());
    assert.ok(rows.every((r) => r.n === 1));
  });

  it('starts a subscriber while NATS is down (clean shutdown) and delivers once it is back', async () => {
    await nats.stop('SIGTERM');
    // An agency system that boots during the outage: its own instance, its first connection fails.
    const agency = createExchangeEvents({ db: t.database.db, natsUrl: nats.url, signer, subscribersOf: async () => [], topics, logger });
    const durable = 'tax-results';
    const subscriber = await agency.subscribeEvents({ subscriber: TAX, durable, topics: ['dossiers.result.issued'], handle: effect(durable) });
    const published = await publishMany('dossiers.result.issued', 5, 1000);
    await sleep(1500);
    assert.equal((await effects(durable)).length, 0);
    await nats.start();
    await until('the outage events handled', async () => {
      const ids = new Set((await effects(durable)).map((r) => r.event_id));
      return published.every((e) => ids.has(e.id));
    });
    await until('outbox drained', outboxDone);
    await subscriber.close();
    await agency.close();
    // The 3 results of the crash test came first (the durable starts at the stream's beginning).
    const rows = await effects(durable);
    assert.equal(rows.length, 8);
    assert.ok(rows.every((r) => r.n === 1));
  });

  it('terminates tampered, unsigned and misaddressed envelopes without handling them', async () => {
    const durable = 'one-stop-enterprises';
    const handled: string[] = [];
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable,
      topics: ['registries.enterprise.changed'],
      ackWaitMs: 1000,
      handle: async (envelope) => {
        handled.push(envelope.eventId);
      },
    });
    const subject = subjectFor(EXCHANGE_SUBJECT_PREFIX, ONE_STOP, 'registries.enterprise.changed');
    const base = { topic: 'registries.enterprise.changed', service: 'VN/GOV/G05/doanh-nghiep/changed', subscriber: ONE_STOP, occurredAt: new Date().toISOString(), payload: { code: '0100109106' } };
    const signed = await signEnvelope({ ...base, eventId: uuidv7() }, signer);
    const forged = [
      { ...signed, payload: { code: '0100109107' } },
      { ...base, eventId: uuidv7(), kid: 'gw-test', signature: '' },
      await signEnvelope({ ...base, eventId: uuidv7() }, ed25519Signer('gw-test')),
      await signEnvelope({ ...base, eventId: uuidv7(), subscriber: TAX }, signer),
    ];
    const connection = await connect({ servers: nats.url });
    try {
      const js = jetstream(connection);
      for (const body of forged) await js.publish(subject, JSON.stringify(body));
      await js.publish(subject, 'not json');
    } finally {
      await connection.close();
    }
    const genuine = await t.database.db.transaction((tx) => outbox.append(tx, { topic: 'registries.enterprise.changed', payload: { code: '0100109106' } }));
    await until('genuine handled', async () => handled.includes(genuine.id));
    await sleep(1500);
    const info = await consumerInfo(durable);
    await subscriber.close();
    assert.deepEqual(handled, [genuine.id]);
    assert.equal(info.num_ack_pending, 0, 'the refused messages were terminated, not left for redelivery');
    assert.equal(info.num_redelivered, 0);
  });

  it('gives two subscribers with the same durable name their own consumers, and follows a change of topics', async () => {
    const connection = await connect({ servers: nats.url });
    try {
      const one = await ensureConsumer(connection, target, ONE_STOP, 'shared-name', ['dossiers.result.issued']);
      const other = await ensureConsumer(connection, target, TAX, 'shared-name', ['dossiers.result.issued']);
      assert.notEqual(one, other);
      assert.equal((await consumerInfo('shared-name', TAX)).config.filter_subject, `${EXCHANGE_SUBJECT_PREFIX}.${subjectToken(TAX)}.dossiers.result.issued`);
      assert.equal(await ensureConsumer(connection, target, ONE_STOP, 'shared-name', ['registries.person.moved']), one);
      assert.equal((await consumerInfo('shared-name')).config.filter_subject, `${EXCHANGE_SUBJECT_PREFIX}.${subjectToken(ONE_STOP)}.registries.person.moved`);
    } finally {
      await connection.close();
    }
  });
});
