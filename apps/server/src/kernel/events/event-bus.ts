import type { Transaction } from '../db/database.ts';
import type { ConsumerRegistry, DomainEvent } from './outbox.ts';

/**
 * A consumer's handler runs inside the transaction that marks its delivery done, so its database
 * writes and the acknowledgement commit together. Handlers must still tolerate a second call for the
 * same event id (effects outside the database, such as a NATS publish, can repeat after a crash).
 */
export type EventHandler = (event: DomainEvent, tx: Transaction) => Promise<void>;

export type Subscription = Readonly<{ consumer: string; topics: readonly string[]; handle: EventHandler }>;

export type EventBus = ConsumerRegistry & {
  subscribe(subscription: Subscription): void;
  handlerOf(consumer: string): EventHandler | undefined;
  consumers(): readonly string[];
};

export function createEventBus(): EventBus {
  const byConsumer = new Map<string, Subscription>();
  return {
    subscribe(subscription) {
      if (byConsumer.has(subscription.consumer)) {
        throw new Error(`Consumer ${subscription.consumer} is already subscribed`);
      }
      byConsumer.set(subscription.consumer, subscription);
    },
    consumersOf(topic) {
      const out: string[] = [];
      for (const subscription of byConsumer.values()) {
        if (subscription.topics.some((pattern) => topicMatches(pattern, topic))) out.push(subscription.consumer);
      }
      return out;
    },
    handlerOf(consumer) {
      return byConsumer.get(consumer)?.handle;
    },
    consumers() {
      return [...byConsumer.keys()];
    },
  };
}

/** NATS-style patterns: `*` matches one segment, a trailing `>` matches the rest. */
export function topicMatches(pattern: string, topic: string): boolean {
  const p = pattern.split('.');
  const t = topic.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return i < t.length;
    if (i >= t.length) return false;
    if (p[i] !== '*' && p[i] !== t[i]) return false;
  }
  return p.length === t.length;
}
