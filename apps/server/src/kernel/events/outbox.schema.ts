import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const kernelSchema = pgSchema('kernel');

/** Every domain event, written in the same transaction as the change it describes. Append-only. */
export const outboxEvent = kernelSchema.table(
  'outbox_event',
  {
    id: uuid('id').primaryKey(),
    topic: text('topic').notNull(),
    version: integer('version').notNull().default(1),
    aggregateId: text('aggregate_id'),
    payload: jsonb('payload').notNull(),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('outbox_event_topic_idx').on(t.topic, t.occurredAt)],
);

/**
 * One row per (event, consumer): the work queue. Workers claim due rows with FOR UPDATE SKIP LOCKED,
 * and the handler's own writes commit in the same transaction as the row's `done` mark, so a
 * consumer's database effects happen exactly once even if the worker crashes and retries.
 */
export const eventDelivery = kernelSchema.table(
  'event_delivery',
  {
    eventId: uuid('event_id').notNull().references(() => outboxEvent.id),
    consumer: text('consumer').notNull(),
    status: text('status', { enum: ['pending', 'done', 'dead'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().default(sql`now()`),
    lastError: text('last_error'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.consumer] }),
    index('event_delivery_due_idx').on(t.availableAt).where(sql`status = 'pending'`),
  ],
);
