// The exchange's event fan-out: N provider events × M subscriber subsystems through the outbox, the
// `exchange.events` consumer (sign one envelope per subscriber, publish to JetStream), and each
// subscriber's durable consumer (verify, inbox + effect in one transaction, ack). Baseline in the
// same run: the same number of small messages published to and consumed from JetStream raw (no
// envelope, no signature, no database). Run with `npm run bench -- events`, or on its own:
// `node bench/exchange-events.ts <database url>` (a migrated database).
import { fileURLToPath } from 'node:url';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { createEventBus } from '../apps/server/src/kernel/events/event-bus.ts';
import { createOutbox } from '../apps/server/src/kernel/events/outbox.ts';
import { createOutboxWorker } from '../apps/server/src/kernel/events/outbox-worker.ts';
import { createExchangeEvents, type EventSubscriber } from '../apps/server/src/modules/exchange/events/exchange-events.ts';
import { ed25519Signer } from '../apps/server/src/modules/exchange/events/testing/ed25519-signer.ts';

export type FanOutResult = {
  events: number;
  subscribers: number;
  seconds: number;
  eventsPerSecond: number;
  envelopesPerSecond: number;
  /** End to end (provider's commit → subscriber's effect committed), paced at `pacedRate` events/s. */
  latency: { pacedRate: number; p50: number; p99: number; max: number };
  baseline: { messages: number; seconds: number; messagesPerSecond: number };
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventFanOut(databaseUrl: string, logger: Logger, options: { natsUrl?: string; events?: number; subscribers?: number } = {}): Promise<FanOutResult> {
  const natsUrl = options.natsUrl ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const N = options.events ?? Number(process.env.BENCH_EVENTS ?? 2000);
  const M = options.subscribers ?? Number(process.env.BENCH_SUBSCRIBERS ?? 5);
  // Its own stream and subjects on the (possibly shared) server, deleted afterwards.
  const stream = `CONGSO_BENCH_EVENTS_${process.pid}`;
  const subjectPrefix = `benchevents${process.pid}`;
  const database = connectDatabase(databaseUrl, { max: 10, applicationName: 'congso-bench-events' });
  const { db } = database;
  const signer = ed25519Signer('bench');
  const subsystems = Array.from({ length: M }, (_, i) => `VN/GOV/BENCH/sub-${i}`);
  const topic = 'registries.person.moved';
  const events = createExchangeEvents({
    db,
    natsUrl,
    signer,
    subscribersOf: async () => subsystems.map((subsystemId) => ({ subsystemId, serviceId: 'VN/GOV/G01/dan-cu/person-moved' })),
    topics: [topic],
    logger,
    stream,
    subjectPrefix,
  });
  const bus = createEventBus();
  bus.subscribe(events.subscription);
  const outbox = createOutbox(bus);
  const worker = createOutboxWorker({ db, bus, logger, pollMs: 10, batchSize: 100 });
  const subscribers: EventSubscriber[] = [];
  let delivered = 0;
  let latencies: number[] | undefined;
  try {
    for (const subscriber of subsystems) {
      subscribers.push(
        await events.subscribeEvents({
          subscriber,
          durable: `bench-${subscriber.slice(-5)}`,
          topics: [topic],
          handle: async (envelope, tx) => {
            // The effect: one row per envelope, as a subscriber's own table would get.
            await tx.execute(sqlInsert(envelope.eventId, envelope.subscriber));
            delivered++;
            latencies?.push(Date.now() - Date.parse(envelope.occurredAt));
          },
        }),
      );
    }
    await db.execute(rawSql('create table if not exists public.bench_event_effect (event_id uuid not null, subscriber text not null)'));
    worker.start();

    // Throughput: a burst of N events (providers commit them in transactions of 100), until every
    // subscriber's effect has committed.
    const started = performance.now();
    for (let i = 0; i < N; i += 100) {
      const count = Math.min(100, N - i);
      await db.transaction((tx) => outbox.appendMany(tx, Array.from({ length: count }, (_, j) => ({ topic, payload: { personalId: String(i + j).padStart(12, '0'), to: '00004' } }))));
    }
    while (delivered < N * M) await sleep(5);
    const seconds = (performance.now() - started) / 1000;

    // Latency: events committed one by one at a modest pace, so the queue is empty between them.
    const pacedRate = 50;
    const paced = Math.max(100, Math.round(N / 10));
    latencies = [];
    delivered = 0;
    for (let i = 0; i < paced; i++) {
      await db.transaction((tx) => outbox.append(tx, { topic, payload: { personalId: String(i).padStart(12, '0'), to: '00004' } }));
      await sleep(1000 / pacedRate);
    }
    while (delivered < paced * M) await sleep(5);
    const sorted = [...latencies].sort((a, b) => a - b);

    const baseline = await rawJetStream(natsUrl, N * M, `${stream}_RAW`, `${subjectPrefix}raw`, M);
    return {
      events: N,
      subscribers: M,
      seconds,
      eventsPerSecond: N / seconds,
      envelopesPerSecond: (N * M) / seconds,
      latency: { pacedRate, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? 0 },
      baseline,
    };
  } finally {
    await worker.stop();
    for (const subscriber of subscribers) await subscriber.close();
    await events.close();
    const connection = await connect({ servers: natsUrl });
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
    await db.execute(rawSql('drop table if exists public.bench_event_effect')).catch(() => undefined);
    await database.close();
  }
}

/** The same number of small messages, published M at a time and consumed by M durable pull consumers with acks. */
async function rawJetStream(natsUrl: string, messages: number, stream: string, prefix: string, consumers: number): Promise<FanOutResult['baseline']> {
  const connection = await connect({ servers: natsUrl });
  const manager = await jetstreamManager(connection);
  try {
    await manager.streams.add({ name: stream, subjects: [`${prefix}.>`], duplicate_window: 3_600_000_000_000 });
    const js = jetstream(connection);
    let received = 0;
    const loops: Promise<void>[] = [];
    const stops: (() => void)[] = [];
    for (let c = 0; c < consumers; c++) {
      await manager.consumers.add(stream, { durable_name: `raw-${c}`, ack_policy: AckPolicy.Explicit, filter_subject: `${prefix}.s${c}.>` });
      const iterator = await (await js.consumers.get(stream, `raw-${c}`)).consume({ max_messages: 100 });
      stops.push(() => void iterator.stop());
      loops.push(
        (async () => {
          for await (const message of iterator) {
            message.ack();
            received++;
          }
        })(),
      );
    }
    const started = performance.now();
    const body = JSON.stringify({ personalId: '000000000001', to: '00004' });
    for (let i = 0; i < messages / consumers; i++) {
      await Promise.all(Array.from({ length: consumers }, (_, c) => js.publish(`${prefix}.s${c}.registries.person.moved`, body, { msgID: `${i}:${c}` })));
    }
    while (received < messages) await sleep(5);
    const seconds = (performance.now() - started) / 1000;
    for (const stop of stops) stop();
    await Promise.all(loops);
    return { messages, seconds, messagesPerSecond: messages / seconds };
  } finally {
    await manager.streams.delete(stream).catch(() => undefined);
    await connection.close();
  }
}

export function formatFanOut(result: FanOutResult): string {
  const rate = (n: number) => Math.round(n).toLocaleString('en');
  return [
    `Event fan-out, ${result.events} events × ${result.subscribers} subscribers (outbox → sign → JetStream → verify → inbox + effect → ack):`,
    `  ${rate(result.eventsPerSecond)} events/s, ${rate(result.envelopesPerSecond)} envelopes/s delivered (${result.seconds.toFixed(2)} s)`,
    `  end to end at ${result.latency.pacedRate} events/s: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms (outbox poll 10 ms)`,
    `  baseline, raw JetStream publish + consume of ${result.baseline.messages} small messages: ${rate(result.baseline.messagesPerSecond)} msg/s; ` +
      `envelopes/s is ${((result.envelopesPerSecond / result.baseline.messagesPerSecond) * 100).toFixed(1)} % of it`,
  ].join('\n');
}

const sqlInsert = (eventId: string, subscriber: string) => sql`insert into public.bench_event_effect (event_id, subscriber) values (${eventId}, ${subscriber})`;
const rawSql = (text: string) => sql.raw(text);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: node bench/exchange-events.ts <database url>');
  console.log(formatFanOut(await eventFanOut(url, pino({ level: 'warn' }))));
}
