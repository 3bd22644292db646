import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { Subscription } from './event-bus.ts';

export const NATS_RELAY_CONSUMER = 'kernel.nats-relay';
export const NATS_STREAM = 'CONGSO_EVENTS';
export const NATS_SUBJECT_PREFIX = 'congso';

export type NatsRelay = { subscription: Subscription; close(): Promise<void> };

/**
 * Optional relay of committed events to NATS JetStream, for other instances and agencies.
 * PostgreSQL stays the source of truth: the relay is just another outbox consumer, so an event
 * reaches NATS only after its transaction committed, and a failed publish is retried with
 * back-off. JetStream de-duplicates on the message id (the event id) when a retry repeats a publish.
 */
export async function createNatsRelay(
  url: string,
  logger: Logger,
  options: { stream?: string; subjectPrefix?: string } = {},
): Promise<NatsRelay> {
  const stream = options.stream ?? NATS_STREAM;
  const prefix = options.subjectPrefix ?? NATS_SUBJECT_PREFIX;
  const connection: NatsConnection = await connect({ servers: url, name: 'congso-outbox-relay' });
  const manager = await jetstreamManager(connection);
  try {
    await manager.streams.info(stream);
  } catch {
    // Duplicate window of one hour (in nanoseconds): a retried publish within it is dropped.
    await manager.streams.add({ name: stream, subjects: [`${prefix}.>`], duplicate_window: 3_600_000_000_000 });
    logger.info({ stream }, 'created NATS JetStream stream');
  }
  const js = jetstream(connection);
  return {
    subscription: {
      consumer: NATS_RELAY_CONSUMER,
      topics: ['>'],
      async handle(event) {
        const body = JSON.stringify({
          id: event.id,
          topic: event.topic,
          version: event.version,
          aggregateId: event.aggregateId,
          occurredAt: event.occurredAt.toISOString(),
          payload: event.payload,
        });
        await js.publish(`${prefix}.${event.topic}`, body, { msgID: event.id });
      },
    },
    async close() {
      await connection.drain();
    },
  };
}
