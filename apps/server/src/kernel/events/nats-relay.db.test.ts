import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createEventBus } from './event-bus.ts';
import { createNatsRelay, type NatsRelay } from './nats-relay.ts';
import { createOutbox } from './outbox.ts';
import { createOutboxWorker } from './outbox-worker.ts';

// Against the machine's real NATS JetStream (NATS_URL, default nats://127.0.0.1:4222): the outside
// world the relay talks to. Each run uses its own stream and subject prefix and deletes them after.
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const suffix = randomBytes(4).toString('hex');
const stream = `CONGSO_TEST_${suffix}`;
const prefix = `congsotest${suffix}`;

let t: TestDatabase;
let relay: NatsRelay;
let nc: NatsConnection;
before(async () => {
  t = await createTestDatabase();
  relay = await createNatsRelay(NATS_URL, pino({ level: 'silent' }), { stream, subjectPrefix: prefix });
  nc = await connect({ servers: NATS_URL });
});
after(async () => {
  const manager = await jetstreamManager(nc);
  await manager.streams.delete(stream).catch(() => undefined);
  await nc.close();
  await relay.close();
  await t.drop();
});

describe('NATS JetStream relay', () => {
  it('publishes a committed event once, even when the delivery is retried', async () => {
    const bus = createEventBus();
    bus.subscribe(relay.subscription);
    const outbox = createOutbox(bus);
    const event = await t.database.db.transaction((tx) =>
      outbox.append(tx, { topic: 'catalog.procedure.changed', aggregateId: '1.000178', payload: { code: '1.000178' } }),
    );
    const worker = createOutboxWorker({ db: t.database.db, bus, logger: pino({ level: 'silent' }), pollMs: 10 });
    assert.equal(await worker.drain(), 1);
    // A retry after a crash between publish and commit publishes the same event id again.
    await relay.subscription.handle(event, undefined as never);

    const manager = await jetstreamManager(nc);
    const info = await manager.streams.info(stream);
    assert.equal(info.state.messages, 1, 'JetStream dropped the duplicate by message id');
    const message = await manager.streams.getMessage(stream, { last_by_subj: `${prefix}.catalog.procedure.changed` });
    assert.ok(message);
    const body = message.json<{ id: string; topic: string; payload: { code: string } }>();
    assert.equal(body.id, event.id);
    assert.equal(body.payload.code, '1.000178');
  });
});
