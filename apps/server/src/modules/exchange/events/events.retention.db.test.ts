import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../kernel/testing/test-database.ts';
import type { ExchangeEvents } from './exchange-events.ts';
import { pruneEventTables } from './retention.ts';
import { ed25519Signer } from './testing/ed25519-signer.ts';
import { inProcessEvents } from './testing/in-process-events.ts';

// Retention of the in-process envelopes and of the inbox: what is older than the cutoff goes, what is
// newer stays, and nothing deleted is ever handled a second time.
const logger = pino({ level: 'silent' });
const ONE_STOP = 'VN/GOV/H29/mot-cua';
const TAX = 'VN/GOV/G12/thue';
const rights: Record<string, { subsystemId: string; serviceId: string }[]> = {
  'registries.person.moved': [{ subsystemId: ONE_STOP, serviceId: 'VN/GOV/G01/dan-cu/person-moved' }],
  'dossiers.result.issued': [
    { subsystemId: ONE_STOP, serviceId: 'VN/GOV/H29/mot-cua/result-issued' },
    { subsystemId: TAX, serviceId: 'VN/GOV/H29/mot-cua/result-issued' },
  ],
};
const DAY = 86_400_000;

let t: TestDatabase;
let events: ExchangeEvents;
let publish: ReturnType<typeof inProcessEvents>['publish'];
let drainOutbox: () => Promise<number>;

before(async () => {
  t = await createTestDatabase();
  ({ events, publish, drainOutbox } = inProcessEvents({ db: t.database.db, signer: ed25519Signer('gw-test'), subscribersOf: async (topic) => rights[topic] ?? [], topics: ['registries.person.moved', 'dossiers.result.issued'], logger }));
});
after(async () => {
  await events.close();
  await t.drop();
});

/** Moves an event's envelopes and inbox rows back in time, as if it had happened `days` ago. */
async function age(eventId: string, days: number) {
  const at = new Date(Date.now() - days * DAY).toISOString();
  await t.database.db.execute(sql`update exchange.event_envelope set created_at = ${at}::timestamptz where event_id = ${eventId}`);
  await t.database.db.execute(sql`update exchange.event_inbox set handled_at = ${at}::timestamptz + interval '1 second' where event_id = ${eventId}`);
}
const eventIds = async (table: 'event_envelope' | 'event_inbox') =>
  ((await t.database.db.execute(sql`select event_id::text from exchange.${sql.raw(table)} order by event_id`)) as unknown as { event_id: string }[]).map((row) => row.event_id);

describe('exchange events, retention', () => {
  it('deletes envelopes and inbox rows past the cutoff, counts the ones nobody took, and never redelivers', async () => {
    const handled: string[] = [];
    const subscriber = await events.subscribeEvents({
      subscriber: ONE_STOP,
      durable: 'one-stop-moves',
      topics: ['registries.person.*'],
      pollMs: 60_000,
      handle: async (envelope) => {
        handled.push(envelope.eventId);
      },
    });
    const old = await publish('registries.person.moved', { n: 1 });
    const oldUntaken = await publish('dossiers.result.issued', { n: 2 }); // to ONE_STOP (no consumer of that topic) and TAX
    const recent = await publish('registries.person.moved', { n: 3 });
    assert.equal(await drainOutbox(), 3);
    assert.equal(await subscriber.drain?.(), 2);
    await age(old.id, 40);
    await age(oldUntaken.id, 40);
    await age(recent.id, 2);
    // Inbox rows of another consumer, more than one deletion batch of them.
    await t.database.db.execute(sql`
      insert into exchange.event_inbox (subscriber, consumer, event_id, topic, handled_at)
      select ${TAX}, 'tax-archive', gen_random_uuid(), 'dossiers.result.issued', now() - interval '45 days' from generate_series(1, 12001)`);

    const pruned = await pruneEventTables(t.database.db, new Date(Date.now() - 30 * DAY));
    assert.deepEqual(pruned, { envelopes: 3, unhandledEnvelopes: 2, inboxRows: 1 + 12_001 });
    assert.deepEqual(await eventIds('event_envelope'), [recent.id]);
    assert.deepEqual(await eventIds('event_inbox'), [recent.id]);

    // Nothing comes back: neither the old envelope (gone with its inbox row) nor the recent one.
    assert.equal(await subscriber.drain?.(), 0);
    assert.deepEqual(handled.sort(), [old.id, recent.id].sort());
    assert.deepEqual(await pruneEventTables(t.database.db, new Date(Date.now() - 30 * DAY)), { envelopes: 0, unhandledEnvelopes: 0, inboxRows: 0 });
    await subscriber.close();
  });
});
