import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { messageIdOf, subjectFor, subjectToken, type EventEnvelope } from './envelope.ts';
import { receiveEnvelope, type InboxConsumer } from './inbox.ts';

export const EXCHANGE_STREAM = 'CONGSO_EXCHANGE';
export const EXCHANGE_SUBJECT_PREFIX = 'xroad.events';

const NANOS_PER_MS = 1_000_000;
// A retried publish within an hour is dropped by JetStream (msg id). The outbox's back-off reaches
// one hour only after ~12 attempts; the subscriber's inbox catches anything older.
const DUPLICATE_WINDOW_MS = 3_600_000;
const MAX_AGE_MS = 7 * 24 * 3_600_000;

export type JetStreamTarget = Readonly<{ stream: string; subjectPrefix: string }>;

/**
 * One NATS connection, opened on first use (so the application boots while NATS is down) and
 * kept: the client reconnects forever (`maxReconnectAttempts: -1`), and a publish while it is
 * disconnected fails at once instead of waiting for a time-out, so the outbox backs off.
 */
export type NatsLink = {
  connection(): Promise<NatsConnection>;
  connected(): boolean;
  close(): Promise<void>;
};

export function createNatsLink(url: string, logger: Logger, target: JetStreamTarget, name = 'congso-exchange-events'): NatsLink {
  let pending: Promise<NatsConnection> | undefined;
  let up = false;
  let closing = false;
  async function open(): Promise<NatsConnection> {
    const connection = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    up = true;
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === 'disconnect') {
          up = false;
          logger.warn({ server: status.server }, 'exchange events: NATS disconnected');
        } else if (status.type === 'reconnect') {
          up = true;
          logger.info({ server: status.server }, 'exchange events: NATS reconnected');
        }
      }
    })();
    void connection.closed().then(() => {
      up = false;
      pending = undefined;
    });
    try {
      await ensureStream(connection, target, logger);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }
  return {
    connection() {
      if (closing) return Promise.reject(new Error('exchange events: NATS link closed'));
      pending ??= open().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    connected: () => up,
    async close() {
      closing = true;
      const connection = await pending?.catch(() => undefined);
      if (connection && !connection.isClosed()) await connection.drain();
    },
  };
}

/** Creates the stream if missing: file storage, limits retention, a one-hour duplicate window. */
export async function ensureStream(connection: NatsConnection, target: JetStreamTarget, logger: Logger): Promise<void> {
  const manager = await jetstreamManager(connection);
  try {
    await manager.streams.info(target.stream);
  } catch {
    await manager.streams.add({
      name: target.stream,
      subjects: [`${target.subjectPrefix}.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
      max_age: MAX_AGE_MS * NANOS_PER_MS,
    });
    logger.info({ stream: target.stream }, 'created NATS JetStream stream for exchange events');
  }
}

const clients = new WeakMap<NatsConnection, JetStreamClient>();

/** Publishes envelopes and waits for JetStream's acknowledgements; any failure throws (the outbox retries). */
export async function publishEnvelopes(
  link: NatsLink,
  target: JetStreamTarget,
  envelopes: readonly EventEnvelope[],
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  const connection = await link.connection();
  if (!link.connected()) throw new Error('exchange events: NATS is disconnected');
  let js = clients.get(connection);
  if (!js) clients.set(connection, (js = jetstream(connection, { timeout: timeoutMs })));
  const client = js;
  try {
    await Promise.all(
      envelopes.map((envelope) =>
        client.publish(subjectFor(target.subjectPrefix, envelope.subscriber, envelope.topic), JSON.stringify(envelope), {
          msgID: messageIdOf(envelope),
          expect: { streamName: target.stream },
        }),
      ),
    );
  } catch (error) {
    // A server that came back without its store has no stream: recreate it for the outbox's retry.
    if (link.connected()) await ensureStream(connection, target, logger).catch(() => undefined);
    throw error;
  }
}

export type JetStreamConsumerOptions = Readonly<{
  /** How long JetStream waits for an acknowledgement before redelivering. */
  ackWaitMs?: number;
  /** Deliveries before JetStream gives up (advisory `MAX_DELIVERIES`; the message stays in the stream). */
  maxDeliver?: number;
  /** Messages pulled at once. */
  batch?: number;
  /**
   * Messages handled at the same time, each in its own transaction (default 4). Events carry no
   * order across subscribers or redeliveries anyway; the inbox keeps concurrent copies single.
   */
  concurrency?: number;
}>;

/** The part of a JetStream message the subscriber uses (a structural type, so a test can drop the ack). */
export type DeliveredMessage = {
  subject: string;
  data: Uint8Array;
  info: { deliveryCount: number };
  ack(): void;
  nak(millis?: number): void;
  term(): void;
};

/**
 * The JetStream consumer's name: the subscriber's subject token, `__`, the durable name. Two
 * subscribers that chose the same durable name get two consumers (sharing one would hand one
 * subscriber's envelopes to the other, which refuses them for good). The token never holds `__`
 * (`_` is always followed by two hex digits), so the name is unambiguous.
 */
export function consumerName(subscriber: string, durable: string): string {
  return `${subjectToken(subscriber)}__${durable}`;
}

/** The durable pull consumer of one subscriber: explicit acks, created if missing; returns its name. */
export async function ensureConsumer(
  connection: NatsConnection,
  target: JetStreamTarget,
  subscriber: string,
  durable: string,
  topics: readonly string[],
  options: JetStreamConsumerOptions = {},
  logger?: Logger,
): Promise<string> {
  const manager = await jetstreamManager(connection);
  const name = consumerName(subscriber, durable);
  // One filter subject (nats-server 2.9 has no multi-filter consumers): one topic pattern narrows it,
  // several take the subscriber's whole subject space and the inbox check skips the rest.
  const only = topics.length === 1 ? topics[0] : undefined;
  const filter = only ? `${target.subjectPrefix}.${subjectToken(subscriber)}.${only}` : `${target.subjectPrefix}.${subjectToken(subscriber)}.>`;
  let existing;
  try {
    existing = await manager.consumers.info(target.stream, name);
  } catch {
    existing = undefined; // missing: created below
  }
  if (existing?.config.filter_subject === filter) return name;
  if (existing) {
    // The subscriber now asks for other topics. nats-server 2.9 cannot change a consumer's filter:
    // the consumer starts again from the stream's first message; the inbox skips what was handled.
    logger?.warn({ consumer: name, from: existing.config.filter_subject, to: filter }, 'exchange events: topics changed, consumer recreated');
    await manager.consumers.delete(target.stream, name);
  }
  await manager.consumers.add(target.stream, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: (options.ackWaitMs ?? 30_000) * NANOS_PER_MS,
    max_deliver: options.maxDeliver ?? 50,
    filter_subject: filter,
  });
  return name;
}

/** Back-off for a failed handler: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function nakDelayMs(deliveryCount: number): number {
  return Math.min(1000 * 2 ** Math.max(0, deliveryCount - 1), 300_000);
}

/**
 * Handles one JetStream message: acknowledges only after the inbox transaction committed; a bad
 * envelope is terminated (never handled, never redelivered); a handler failure is negatively
 * acknowledged with a delay (redelivered later).
 */
export async function processMessage(consumer: InboxConsumer, message: DeliveredMessage, logger: Logger): Promise<void> {
  // An acknowledgement that cannot leave (connection closed) is harmless: JetStream redelivers and
  // the inbox skips the copy.
  const settle = (reply: () => void) => {
    try {
      reply();
    } catch (error) {
      logger.warn({ err: error, subject: message.subject, consumer: consumer.consumer }, 'exchange events: acknowledgement not sent');
    }
  };
  let result;
  try {
    result = await receiveEnvelope(consumer, message.data);
  } catch (error) {
    const delay = nakDelayMs(message.info.deliveryCount);
    logger.warn({ err: error, subject: message.subject, consumer: consumer.consumer, deliveries: message.info.deliveryCount, retryInMs: delay }, 'exchange event handler failed');
    settle(() => message.nak(delay));
    return;
  }
  if (result.outcome === 'rejected') {
    logger.error({ subject: message.subject, consumer: consumer.consumer, reason: result.reason }, 'exchange event envelope refused');
    // A bare +TERM: nats-server before 2.10 does not understand `+TERM <reason>` and would leave the
    // message pending (the reason is in our log instead).
    settle(() => message.term());
    return;
  }
  settle(() => message.ack());
}

export type RunningConsumer = { close(): Promise<void> };

/**
 * Runs the consume loop of a durable pull consumer until closed. Returns at once: connecting and
 * creating the consumer happen in the loop, retried every second, so a subscriber set up while NATS
 * is down starts when it comes back (nothing is missed: the durable starts at the stream's first
 * message). After a reconnect the client resumes pulling; any other end of the loop restarts it.
 */
export function consumeJetStream(link: NatsLink, target: JetStreamTarget, consumer: InboxConsumer, logger: Logger, options: JetStreamConsumerOptions = {}): RunningConsumer {
  let closed = false;
  let messages: ConsumerMessages | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (!closed) {
      try {
        const connection = await link.connection();
        const name = await ensureConsumer(connection, target, consumer.subscriber, consumer.consumer, consumer.topics, options, logger);
        const pull = await jetstream(connection).consumers.get(target.stream, name);
        if (closed) break;
        messages = await pull.consume({ max_messages: options.batch ?? 100 });
        for await (const message of messages) {
          // After close() a buffered message is left unacknowledged: JetStream redelivers it.
          if (closed) break;
          const task = processMessage(consumer, message, logger).finally(() => inFlight.delete(task));
          inFlight.add(task);
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        // The iterator ended without close() (consumer deleted?): pause before pulling again.
        if (!closed) await pause(1000);
      } catch (error) {
        if (closed) break;
        logger.warn({ err: error, consumer: consumer.consumer }, 'exchange events: consume loop failed, retrying');
        await pause(1000);
      }
    }
  })();
  return {
    async close() {
      closed = true;
      wake?.();
      await messages?.close();
      await loop;
      await Promise.all(inFlight);
    },
  };
}
