import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { EventBus } from './event-bus.ts';
import type { DomainEvent } from './outbox.ts';

export type OutboxWorkerOptions = {
  db: Db;
  bus: EventBus;
  logger: Logger;
  pollMs: number;
  batchSize?: number;
  maxAttempts?: number;
};

export type OutboxWorker = {
  start(): void;
  stop(): Promise<void>;
  /** Processes due deliveries until none is left; returns how many were handled (tests, shutdown). */
  drain(): Promise<number>;
};

type ClaimedRow = {
  event_id: string;
  consumer: string;
  attempts: number;
  topic: string;
  version: number;
  aggregate_id: string | null;
  payload: unknown;
  request_id: string | null;
  occurred_at: Date | string;
};

/** Exponential back-off with jitter: 1 s, 2 s, 4 s … capped at one hour. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, bus, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function processBatch(): Promise<number> {
    return db.transaction(async (tx) => {
      // SKIP LOCKED lets several workers (processes or instances) share the queue without waiting.
      const claimed = await tx.execute<ClaimedRow>(sql`
        select d.event_id, d.consumer, d.attempts, e.topic, e.version, e.aggregate_id, e.payload,
               e.request_id, e.occurred_at
          from kernel.event_delivery d
          join kernel.outbox_event e on e.id = d.event_id
         where d.status = 'pending' and d.available_at <= now()
         order by d.available_at, d.event_id
         limit ${batchSize}
           for update of d skip locked`);
      for (const row of claimed) {
        const event: DomainEvent = {
          id: row.event_id,
          topic: row.topic,
          version: row.version,
          aggregateId: row.aggregate_id,
          payload: row.payload,
          requestId: row.request_id,
          occurredAt: new Date(row.occurred_at),
        };
        const handler = bus.handlerOf(row.consumer);
        try {
          if (!handler) throw new Error(`No handler registered for consumer ${row.consumer}`);
          await tx.transaction(async (savepoint) => handler(event, savepoint));
          await tx.execute(sql`
            update kernel.event_delivery set status = 'done', attempts = attempts + 1, completed_at = now(), last_error = null
             where event_id = ${row.event_id} and consumer = ${row.consumer}`);
        } catch (error) {
          const attempts = row.attempts + 1;
          const dead = attempts >= maxAttempts;
          const message = error instanceof Error ? error.message : String(error);
          logger.warn({ eventId: row.event_id, consumer: row.consumer, attempts, dead, err: message }, 'event delivery failed');
          await tx.execute(sql`
            update kernel.event_delivery
               set attempts = ${attempts}, last_error = ${message.slice(0, 2000)},
                   status = ${dead ? 'dead' : 'pending'},
                   available_at = now() + make_interval(secs => ${retryDelayMs(attempts) / 1000})
             where event_id = ${row.event_id} and consumer = ${row.consumer}`);
        }
      }
      return claimed.length;
    });
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await processBatch();
      total += handled;
      if (handled < batchSize) return total;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => {
          logger.error({ err: error }, 'outbox worker pass failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.pollMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
    drain,
  };
}
