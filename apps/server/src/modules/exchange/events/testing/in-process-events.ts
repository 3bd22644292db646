import type { Logger } from 'pino';
import type { Db } from '../../../../kernel/db/database.ts';
import { createEventBus } from '../../../../kernel/events/event-bus.ts';
import { createOutbox } from '../../../../kernel/events/outbox.ts';
import { createOutboxWorker } from '../../../../kernel/events/outbox-worker.ts';
import type { EnvelopeSigner, SubscribersOf } from '../envelope.ts';
import { createExchangeEvents, type ExchangeEvents } from '../exchange-events.ts';

/**
 * Exchange events in in-process mode wired as the platform wires them (event bus → outbox → the
 * `exchange.events` consumer), for tests: publish in a transaction, then drain the outbox by hand.
 */
export function inProcessEvents(options: { db: Db; signer: EnvelopeSigner; subscribersOf: SubscribersOf; topics: readonly string[]; logger: Logger }) {
  const events: ExchangeEvents = createExchangeEvents(options);
  const bus = createEventBus();
  bus.subscribe(events.subscription);
  const outbox = createOutbox(bus);
  const worker = createOutboxWorker({ db: options.db, bus, logger: options.logger, pollMs: 10 });
  return {
    events,
    publish: (topic: string, payload: unknown) => options.db.transaction((tx) => outbox.append(tx, { topic, payload })),
    drainOutbox: () => worker.drain(),
  };
}
