import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Executor } from '../../../kernel/db/database.ts';
import type { EventEnvelope } from './envelope.ts';
import { receiveEnvelope, type InboxConsumer } from './inbox.ts';

/** In-process delivery (no NATS): the envelopes go to `exchange.event_envelope` in the outbox's transaction. */
export async function storeEnvelopes(tx: Executor, envelopes: readonly EventEnvelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const rows = envelopes.map((envelope) => sql`(${envelope.eventId}, ${envelope.subscriber}, ${envelope.topic}, ${JSON.stringify(envelope)}::jsonb)`);
  // A repeated delivery of the same outbox event (after a crash) stores nothing new.
  await tx.execute(sql`
    insert into exchange.event_envelope (event_id, subscriber, topic, envelope)
    values ${sql.join(rows, sql`, `)}
    on conflict do nothing`);
}

/** A NATS-style topic pattern (`*` one token, trailing `>` the rest) as a PostgreSQL regular expression. */
export function topicRegex(pattern: string): string {
  const parts = pattern.split('.').map((part) => (part === '*' ? '[^.]+' : part === '>' ? '.+' : part.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`)));
  return `^${parts.join('\\.')}$`;
}

export type InProcessOptions = Readonly<{ pollMs?: number; batch?: number }>;

export type InProcessConsumer = {
  /** Handles every envelope now waiting; returns how many it handled or skipped (tests, shutdown). */
  drain(): Promise<number>;
  close(): Promise<void>;
};

type Waiting = { event_id: string; envelope: unknown };

/**
 * Reads the subscriber's envelopes that its inbox does not hold yet, oldest first, through the same
 * receive path as JetStream (signature check, inbox + handler in one transaction). No cursor: an
 * identity value can commit after a larger one, so "not yet in my inbox" is the only safe test.
 */
export function consumeInProcess(consumer: InboxConsumer, logger: Logger, options: InProcessOptions = {}): InProcessConsumer {
  const pollMs = options.pollMs ?? 200;
  const batch = options.batch ?? 100;
  const patterns = consumer.topics.map(topicRegex);
  // Envelopes this consumer refused or whose handler failed recently; a refused one is never retried
  // by this process (it can only come from a tampered row) and is logged once.
  const refused = new Set<string>();
  const retryAt = new Map<string, { attempts: number; at: number }>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function pass(): Promise<number> {
    const skip = [...refused, ...[...retryAt].filter(([, r]) => r.at > Date.now()).map(([id]) => id)];
    const waiting = await consumer.db.execute<Waiting>(sql`
      select e.event_id, e.envelope
        from exchange.event_envelope e
       where e.subscriber = ${consumer.subscriber}
         and e.topic ~ any(${sql`array[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[]`})
         and not exists (select 1 from exchange.event_inbox i
                          where i.subscriber = e.subscriber and i.consumer = ${consumer.consumer} and i.event_id = e.event_id)
         ${skip.length > 0 ? sql`and e.event_id::text <> all(${sql`array[${sql.join(skip.map((id) => sql`${id}`), sql`, `)}]::text[]`})` : sql``}
       order by e.seq
       limit ${batch}`);
    let count = 0;
    for (const row of waiting) {
      if (stopped) break;
      try {
        const result = await receiveEnvelope(consumer, row.envelope);
        if (result.outcome === 'rejected') {
          refused.add(row.event_id);
          logger.error({ eventId: row.event_id, consumer: consumer.consumer, reason: result.reason }, 'exchange event envelope refused');
        } else {
          retryAt.delete(row.event_id);
          count++;
        }
      } catch (error) {
        const attempts = (retryAt.get(row.event_id)?.attempts ?? 0) + 1;
        const delay = Math.min(1000 * 2 ** (attempts - 1), 300_000);
        retryAt.set(row.event_id, { attempts, at: Date.now() + delay });
        logger.warn({ err: error, eventId: row.event_id, consumer: consumer.consumer, attempts, retryInMs: delay }, 'exchange event handler failed');
      }
    }
    // A full batch may have more behind it, unless this consumer is closing.
    return !stopped && waiting.length === batch ? count + (await pass()) : count;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass()
        .catch((error: unknown) => {
          logger.error({ err: error, consumer: consumer.consumer }, 'exchange events: in-process pass failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, pollMs);
    timer.unref();
  }
  schedule();

  return {
    drain: pass,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
