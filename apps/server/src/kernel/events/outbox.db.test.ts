import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createEventBus, topicMatches } from './event-bus.ts';
import { createOutbox } from './outbox.ts';
import { createOutboxWorker, retryDelayMs } from './outbox-worker.ts';
import type { DomainEvent } from './outbox.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());
beforeEach(async () => {
  await t.database.db.execute(sql`truncate kernel.event_delivery, kernel.outbox_event`);
});

const logger = pino({ level: 'silent' });

describe('topicMatches', () => {
  const cases: [string, string, boolean][] = [
    ['catalog.catalogue.changed', 'catalog.catalogue.changed', true],
    ['catalog.*.changed', 'catalog.catalogue.changed', true],
    ['catalog.>', 'catalog.catalogue.changed', true],
    ['>', 'a', true],
    ['catalog.>', 'catalog', false],
    ['catalog.*', 'catalog.catalogue.changed', false],
    ['geo.>', 'catalog.catalogue.changed', false],
  ];
  for (const [pattern, topic, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${topic}`, () => assert.equal(topicMatches(pattern, topic), expected));
  }
});

describe('retryDelayMs', () => {
  it('grows exponentially and is capped at one hour', () => {
    const fixed = () => 0.5;
    assert.equal(retryDelayMs(1, fixed), 1000);
    assert.equal(retryDelayMs(2, fixed), 2000);
    assert.equal(retryDelayMs(5, fixed), 16000);
    assert.equal(retryDelayMs(40, fixed), 3_600_000);
  });
});

describe('transactional outbox', () => {
  it('delivers a committed event once to each subscribed consumer, with the consumer writes in the same transaction', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe({
      consumer: 'test.recorder',
      topics: ['test.thing.>'],
      async handle(event, tx) {
        seen.push(event.topic);
        await tx.execute(sql`insert into kernel.seed_run (name, checksum, summary) values (${'evt:' + event.id}, 'x', 'handled')`);
      },
    });
    bus.subscribe({ consumer: 'test.other', topics: ['unrelated.>'], handle: async () => assert.fail('must not be called') });
    const outbox = createOutbox(bus);
    const event = await t.database.db.transaction((tx) => outbox.append(tx, { topic: 'test.thing.created', aggregateId: 'a1', payload: { n: 1 } }));
    const worker = createOutboxWorker({ db: t.database.db, bus, logger, pollMs: 10 });
    assert.equal(await worker.drain(), 1);
    assert.equal(await worker.drain(), 0);
    assert.deepEqual(seen, ['test.thing.created']);
    const marks = await t.database.db.execute(sql`select 1 from kernel.seed_run where name = ${'evt:' + event.id}`);
    assert.equal(marks.length, 1);
  });

  it('writes nothing when the producing transaction rolls back', async () => {
    const bus = createEventBus();
    bus.subscribe({ consumer: 'test.recorder', topics: ['>'], handle: async () => undefined });
    const outbox = createOutbox(bus);
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await outbox.append(tx, { topic: 'test.thing.created', payload: {} });
        throw new Error('business rule failed');
      }),
    );
    const rows = await t.database.db.execute(sql`select count(*)::int as n from kernel.outbox_event`);
    assert.equal(rows[0]?.n, 0);
  });

  it('retries a failing consumer with back-off, keeps its partial writes out, and marks it dead after the last attempt', async () => {
    const bus = createEventBus();
    let calls = 0;
    bus.subscribe({
      consumer: 'test.flaky',
      topics: ['>'],
      async handle(event: DomainEvent, tx) {
        calls++;
        await tx.execute(sql`insert into kernel.seed_run (name, checksum, summary) values (${'partial:' + event.id + ':' + calls}, 'x', 'x')`);
        throw new Error('downstream unavailable');
      },
    });
    const outbox = createOutbox(bus);
    await t.database.db.transaction((tx) => outbox.append(tx, { topic: 'test.thing.created', payload: {} }));
    const worker = createOutboxWorker({ db: t.database.db, bus, logger, pollMs: 10, maxAttempts: 2 });
    await worker.drain();
    let rows = await t.database.db.execute<{ status: string; attempts: number; last_error: string }>(sql`select status, attempts, last_error from kernel.event_delivery`);
    assert.deepEqual([rows[0]?.status, rows[0]?.attempts, rows[0]?.last_error], ['pending', 1, 'downstream unavailable']);
    assert.equal(await worker.drain(), 0, 'not due again before its back-off');
    await t.database.db.execute(sql`update kernel.event_delivery set available_at = now()`);
    await worker.drain();
    rows = await t.database.db.execute(sql`select status, attempts, last_error from kernel.event_delivery`);
    assert.deepEqual([rows[0]?.status, rows[0]?.attempts], ['dead', 2]);
    const partial = await t.database.db.execute(sql`select count(*)::int as n from kernel.seed_run where name like 'partial:%'`);
    assert.equal(partial[0]?.n, 0, 'a failed handler leaves no writes behind');
  });

  it('lets two workers share the queue without handling an event twice', async () => {
    const bus = createEventBus();
    const handled: string[] = [];
    bus.subscribe({
      consumer: 'test.counter',
      topics: ['>'],
      async handle(event) {
        handled.push(event.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    });
    const outbox = createOutbox(bus);
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await outbox.append(tx, { topic: 'test.thing.created', payload: { i } });
    });
    const a = createOutboxWorker({ db: t.database.db, bus, logger, pollMs: 10, batchSize: 5 });
    const b = createOutboxWorker({ db: t.database.db, bus, logger, pollMs: 10, batchSize: 5 });
    await Promise.all([a.drain(), b.drain()]);
    assert.equal(handled.length, 40);
    assert.equal(new Set(handled).size, 40);
  });
});
