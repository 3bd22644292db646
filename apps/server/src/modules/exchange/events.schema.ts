import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The `exchange` schema is shared with the gateway's own tables (exchange.schema.ts); this file holds
// only the asynchronous events' tables. See events/README.md.
export const exchangeEventsSchema = pgSchema('exchange');

/**
 * In-process delivery (no NATS_URL): one signed envelope per (event, subscriber subsystem), written by
 * the `exchange.events` outbox consumer inside its delivery transaction and read by local subscribers.
 * With NATS the envelopes go to JetStream instead and this table stays empty. Append-only; rows past
 * EXCHANGE_EVENT_RETENTION_DAYS are deleted (events/retention.ts), as JetStream ages its messages out.
 */
export const eventEnvelope = exchangeEventsSchema.table(
  'event_envelope',
  {
    // Read order only: values can commit out of order, so readers never use it as a cursor.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    eventId: uuid('event_id').notNull(),
    subscriber: text('subscriber').notNull(),
    topic: text('topic').notNull(),
    envelope: jsonb('envelope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] }), index('event_envelope_subscriber_idx').on(t.subscriber, t.seq), index('event_envelope_created_idx').on(t.createdAt)],
);

/**
 * The subscriber's inbox: which envelopes a consumer has already handled. The row is inserted in the
 * same transaction as the handler's effects, so a redelivered envelope (JetStream is at least once)
 * finds it and is skipped: the effect happens once. Keyed by the consumer (durable name) too, so two
 * independent consumers of one subsystem each handle the event once.
 */
export const eventInbox = exchangeEventsSchema.table(
  'event_inbox',
  {
    subscriber: text('subscriber').notNull(),
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    topic: text('topic').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.subscriber, t.consumer, t.eventId] }), index('event_inbox_handled_idx').on(t.handledAt)],
);
