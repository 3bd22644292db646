import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { eventDelivery, outboxEvent } from './outbox.schema.ts';

export type DomainEvent<TPayload = unknown> = Readonly<{
  id: string;
  topic: string;
  version: number;
  aggregateId: string | null;
  payload: TPayload;
  requestId: string | null;
  occurredAt: Date;
}>;

export type NewEvent<TPayload = unknown> = {
  topic: string;
  version?: number;
  aggregateId?: string | null;
  payload: TPayload;
  requestId?: string | null;
};

/** Which consumers receive which topics. Filled by the composition root before any event is written. */
export type ConsumerRegistry = {
  consumersOf(topic: string): readonly string[];
};

export type Outbox = {
  /** Writes the event (and one delivery per consumer) inside the caller's transaction. */
  append<T>(tx: Executor, event: NewEvent<T>): Promise<DomainEvent<T>>;
  /** Writes several events in two statements (for writers that commit many changes at once). */
  appendMany(tx: Executor, events: readonly NewEvent[]): Promise<DomainEvent[]>;
};

export function createOutbox(registry: ConsumerRegistry): Outbox {
  const rowOf = (event: NewEvent): DomainEvent => ({
    id: uuidv7(),
    topic: event.topic,
    version: event.version ?? 1,
    aggregateId: event.aggregateId ?? null,
    payload: event.payload,
    requestId: event.requestId ?? null,
    occurredAt: new Date(),
  });
  async function appendMany(tx: Executor, events: readonly NewEvent[]): Promise<DomainEvent[]> {
    const rows = events.map(rowOf);
    if (rows.length === 0) return rows;
    await tx.insert(outboxEvent).values(rows);
    const deliveries = rows.flatMap((row) => registry.consumersOf(row.topic).map((consumer) => ({ eventId: row.id, consumer })));
    if (deliveries.length > 0) await tx.insert(eventDelivery).values(deliveries);
    return rows;
  }
  return {
    appendMany,
    async append<T>(tx: Executor, event: NewEvent<T>) {
      const [row] = await appendMany(tx, [event]);
      return row as DomainEvent<T>;
    },
  };
}

/** Events still waiting for a consumer, for /readyz and /metrics. */
export async function countPendingDeliveries(executor: Executor): Promise<{ pending: number; dead: number }> {
  const rows = await executor.execute<{ pending: string; dead: string }>(sql`
    select count(*) filter (where status = 'pending') as pending,
           count(*) filter (where status = 'dead') as dead
      from kernel.event_delivery`);
  const first = rows[0];
  return { pending: Number(first?.pending ?? 0), dead: Number(first?.dead ?? 0) };
}
