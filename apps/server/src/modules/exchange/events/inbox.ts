import { sql } from 'drizzle-orm';
import type { Db, Transaction } from '../../../kernel/db/database.ts';
import { topicMatches } from '../../../kernel/events/event-bus.ts';
import { verifyEnvelope, type EnvelopeVerifier, type EventEnvelope } from './envelope.ts';

/** A subscriber's handler: its database writes commit in the transaction that records the event as handled. */
export type EnvelopeHandler = (envelope: EventEnvelope, tx: Transaction) => Promise<void>;

export type InboxConsumer = Readonly<{
  db: Db;
  /** The subscriber subsystem this consumer acts for; envelopes addressed to another are refused. */
  subscriber: string;
  /** The durable name: the inbox key, so each consumer of a subsystem handles an event once. */
  consumer: string;
  topics: readonly string[];
  verifier: EnvelopeVerifier;
  handle: EnvelopeHandler;
}>;

export type DeliveryOutcome =
  | { outcome: 'handled' | 'duplicate' | 'ignored'; envelope: EventEnvelope }
  | { outcome: 'rejected'; reason: string };

/**
 * Receives one envelope, at most once in effect: checks the signature and the addressee, then in ONE
 * transaction records (subscriber, consumer, event id) in the inbox and runs the handler. If the
 * record already existed the handler is skipped. The transport acknowledges only after this returns,
 * so a crash before the commit redelivers (and the handler runs then), a crash after it redelivers
 * into the inbox check. A handler error rolls both back and propagates: the transport retries.
 */
export async function receiveEnvelope(consumer: InboxConsumer, body: unknown): Promise<DeliveryOutcome> {
  let value: unknown = body;
  if (body instanceof Uint8Array) {
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return { outcome: 'rejected', reason: 'not JSON' };
    }
  }
  const check = await verifyEnvelope(value, consumer.verifier);
  if (!check.ok) return { outcome: 'rejected', reason: check.reason };
  const { envelope } = check;
  // Signed for another subsystem: a misrouted or replayed envelope, never ours to act on.
  if (envelope.subscriber !== consumer.subscriber) return { outcome: 'rejected', reason: `addressed to ${envelope.subscriber}` };
  if (!consumer.topics.some((pattern) => topicMatches(pattern, envelope.topic))) return { outcome: 'ignored', envelope };
  return consumer.db.transaction(async (tx) => {
    const inserted = await tx.execute(sql`
      insert into exchange.event_inbox (subscriber, consumer, event_id, topic)
      values (${consumer.subscriber}, ${consumer.consumer}, ${envelope.eventId}, ${envelope.topic})
      on conflict do nothing
      returning event_id`);
    if (inserted.length === 0) return { outcome: 'duplicate', envelope } as const;
    await consumer.handle(envelope, tx);
    return { outcome: 'handled', envelope } as const;
  });
}
