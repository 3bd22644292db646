import type { Logger } from 'pino';
import type { DataAccess, DataAccessRecorder } from '../../../kernel/data-access.ts';
import type { Db, Executor } from '../../../kernel/db/database.ts';
import type { ProvidedEvent } from '../../../kernel/exchange-provider.ts';
import type { Subscription } from '../../../kernel/events/event-bus.ts';
import { parseSubsystemId } from '../identifiers.ts';
import { assertTopic, assertTopicPattern, signEnvelope, type EnvelopeSigner, type EnvelopeVerifier, type EventEnvelope, type SubscribersOf } from './envelope.ts';
import { consumeInProcess, storeEnvelopes, type InProcessOptions } from './in-process.ts';
import type { EnvelopeHandler, InboxConsumer } from './inbox.ts';
import {
  consumeJetStream,
  createNatsLink,
  EXCHANGE_STREAM,
  EXCHANGE_SUBJECT_PREFIX,
  publishEnvelopes,
  type JetStreamConsumerOptions,
  type JetStreamTarget,
  type NatsLink,
} from './jetstream.ts';

/** The outbox consumer that turns providers' events into signed envelopes for their subscribers. */
export const EXCHANGE_EVENTS_CONSUMER = 'exchange.events';

export type ExchangeEventsOptions = Readonly<{
  db: Db;
  /** Set: envelopes travel through NATS JetStream. Unset: through `exchange.event_envelope`. */
  natsUrl?: string | undefined;
  signer: EnvelopeSigner;
  subscribersOf: SubscribersOf;
  /**
   * The topics providers publish as event services, e.g. `registries.person.moved` (patterns allowed:
   * `['>']` asks `subscribersOf` about every outbox event, so services added later need no restart).
   */
  topics: readonly string[];
  logger: Logger;
  /** Defaults `CONGSO_EXCHANGE` and `xroad.events` (tests and benchmarks use their own). */
  stream?: string;
  subjectPrefix?: string;
  /** How long a JetStream publish waits for the stream's acknowledgement. */
  publishTimeoutMs?: number;
  /**
   * The data tracker: an event carrying a person's data is a read by every subscriber it goes to.
   * `eventOf` finds the provider's declaration of the event service a recipient holds a right to.
   */
  tracker?: Readonly<{ recorder: DataAccessRecorder; eventOf: (serviceId: string) => ProvidedEvent | undefined; now: () => Date }>;
}>;

export type SubscribeOptions = Readonly<{
  /** The subscriber subsystem, e.g. `VN/GOV/H29/mot-cua`. */
  subscriber: string;
  /** Durable name (JetStream consumer and inbox key): letters, digits, `-`, `_`. */
  durable: string;
  /** Topic patterns (`*`, trailing `>`). */
  topics: readonly string[];
  /** Checks envelope signatures; defaults to the gateway's signer. */
  verifier?: EnvelopeVerifier;
  handle: EnvelopeHandler;
}> &
  JetStreamConsumerOptions &
  InProcessOptions;

export type EventSubscriber = Readonly<{ mode: 'jetstream' | 'in-process'; drain?: () => Promise<number>; close(): Promise<void> }>;

export type ExchangeEvents = Readonly<{
  mode: 'jetstream' | 'in-process';
  /** Register on the event bus (the composition root does it with every module's subscriptions). */
  subscription: Subscription;
  /**
   * Starts a subscriber. With NATS it returns at once and connects in the background, retrying while
   * NATS is down; in-process it polls `exchange.event_envelope` every `pollMs`.
   */
  subscribeEvents(options: SubscribeOptions): Promise<EventSubscriber>;
  close(): Promise<void>;
}>;

const DURABLE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One tracker entry per recipient and person the event is about, in the delivery's transaction: it
 * commits only if the envelopes leave (stored in process, or acknowledged by JetStream).
 */
async function recordDeliveries(tracker: NonNullable<ExchangeEventsOptions['tracker']>, recipients: Awaited<ReturnType<SubscribersOf>>, payload: unknown, tx: Executor): Promise<void> {
  const at = tracker.now();
  const accesses: DataAccess[] = recipients.flatMap((recipient) => {
    const declared = tracker.eventOf(recipient.serviceId);
    return (declared?.dataSubjects?.(payload) ?? []).map((subject) => ({
      subjectPersonalId: subject.personalId,
      channel: 'exchange' as const,
      accessorKind: 'system' as const,
      accessorId: recipient.subsystemId,
      accessorName: recipient.subsystemName ?? recipient.subsystemId,
      agencyCode: parseSubsystemId(recipient.subsystemId)?.memberCode ?? '',
      userId: null,
      data: subject.data,
      service: recipient.serviceId,
      purpose: `Nhận thông báo sự kiện: ${declared?.title.vi ?? recipient.serviceId}`,
      reference: null,
      occurredAt: at,
      hiddenUntil: null,
    }));
  });
  if (accesses.length > 0) await tracker.recorder.record(tx, accesses);
}

/**
 * Asynchronous events between member systems: online system-to-system sharing through published
 * data-sharing services and the intermediary platform (Decree 47/2020 Art. 23(a), 24, 46), every
 * message signed (X-Road's non-repudiation, reliability-plan §1.1). Delivery is at least
 * once (the outbox retries every publish, JetStream redelivers every unacknowledged message) and the
 * subscriber's inbox turns that into one effect per event. See README.md.
 */
export function createExchangeEvents(options: ExchangeEventsOptions): ExchangeEvents {
  const { db, signer, subscribersOf, logger } = options;
  for (const topic of options.topics) assertTopicPattern(topic);
  const target: JetStreamTarget = { stream: options.stream ?? EXCHANGE_STREAM, subjectPrefix: options.subjectPrefix ?? EXCHANGE_SUBJECT_PREFIX };
  const link: NatsLink | undefined = options.natsUrl ? createNatsLink(options.natsUrl, logger, target) : undefined;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  const subscribers = new Set<EventSubscriber>();

  const subscription: Subscription = {
    consumer: EXCHANGE_EVENTS_CONSUMER,
    topics: options.topics,
    async handle(event, tx) {
      // The topic becomes part of a NATS subject: a malformed one fails loudly (and goes dead) here.
      assertTopic(event.topic);
      const seen = new Set<string>();
      // Access rights decide: a subsystem without one is not returned and receives nothing.
      const recipients = (await subscribersOf(event.topic)).filter((r) => !seen.has(r.subsystemId) && seen.add(r.subsystemId));
      if (recipients.length === 0) return;
      const occurredAt = event.occurredAt.toISOString();
      if (options.tracker) await recordDeliveries(options.tracker, recipients, event.payload, tx);
      const envelopes: EventEnvelope[] = await Promise.all(
        recipients.map((recipient) =>
          signEnvelope({ eventId: event.id, topic: event.topic, service: recipient.serviceId, subscriber: recipient.subsystemId, occurredAt, payload: event.payload }, signer),
        ),
      );
      if (link) await publishEnvelopes(link, target, envelopes, publishTimeoutMs, logger);
      else await storeEnvelopes(tx, envelopes);
    },
  };

  return {
    mode: link ? 'jetstream' : 'in-process',
    subscription,
    async subscribeEvents(subscribe) {
      if (!DURABLE.test(subscribe.durable)) throw new Error(`invalid durable name "${subscribe.durable}"`);
      if (subscribe.topics.length === 0) throw new Error('subscribeEvents needs at least one topic pattern');
      for (const pattern of subscribe.topics) assertTopicPattern(pattern);
      const consumer: InboxConsumer = {
        db,
        subscriber: subscribe.subscriber,
        consumer: subscribe.durable,
        topics: subscribe.topics,
        verifier: subscribe.verifier ?? signer,
        handle: subscribe.handle,
      };
      let subscriber: EventSubscriber;
      if (link) {
        const running = consumeJetStream(link, target, consumer, logger, subscribe);
        subscriber = { mode: 'jetstream', close: () => running.close() };
      } else {
        const running = consumeInProcess(consumer, logger, subscribe);
        subscriber = { mode: 'in-process', drain: () => running.drain(), close: () => running.close() };
      }
      subscribers.add(subscriber);
      return {
        ...subscriber,
        async close() {
          subscribers.delete(subscriber);
          await subscriber.close();
        },
      };
    },
    async close() {
      for (const subscriber of [...subscribers]) await subscriber.close();
      subscribers.clear();
      await link?.close();
    },
  };
}
