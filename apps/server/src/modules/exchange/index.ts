import { join } from 'node:path';
import { gte, lt } from 'drizzle-orm';
import { DomainError } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createAdministration, type ExchangeAuthorizer } from './administration.ts';
import { createCatalogue } from './catalogue.ts';
import { seenMessage } from './exchange.schema.ts';
import { createGateway, encodePurpose } from './gateway.ts';
import { createReplayGuard } from './guards.ts';
import { parseMessagePath } from './identifiers.ts';
import { createMessageLog } from './message-log.ts';
import type { DataAccessRecorder, LocalProvider } from './provider.ts';
import { exchangeRoutes, parseQuery } from './exchange.routes.ts';
import { loadGatewaySigner, type GatewaySigner } from './signer.ts';
import { createTimestamper } from './timestamper.ts';
import { envelopeSignerFrom } from './events/envelope.ts';
import { createExchangeEvents } from './events/exchange-events.ts';
import { pruneEventTables, type EventPruning } from './events/retention.ts';
import { startLocalTsa, type LocalTsa } from './tsa/local-tsa.ts';

export type { DataAccess, DataAccessRecorder, LocalProvider, ProvidedEvent, ProvidedService, ProviderRequest, ProviderResponse } from './provider.ts';
export type { ExchangeAuthorizer } from './administration.ts';
export type { GatewaySigner } from './signer.ts';
export type { EventEnvelope, EnvelopeSigner, EnvelopeVerifier, SubscribersOf } from './events/envelope.ts';
export type { ExchangeEvents, SubscribeOptions, EventSubscriber } from './events/exchange-events.ts';
export { exportLog, fromJsonLines, toJsonLines } from './log-export.ts';
export { verifyLog, type Verification } from './log-verifier.ts';
export { verifyLogFile } from './log-verify-file.ts';
export { startLocalTsa, type LocalTsa } from './tsa/local-tsa.ts';

export type ExchangeDeps = {
  /** Member systems served by this installation (e.g. the base registries); also the platform's own client subsystems (no services). */
  providers: readonly LocalProvider[];
  tracker: DataAccessRecorder;
  /** Whether a caller administers an agency's exchange settings (identity's decide with exchange:manage). */
  authorize: ExchangeAuthorizer;
  /** The agency an OAuth client belongs to (identity's client registry): a member binds only its own. */
  clientAgency: (clientId: string) => Promise<string | undefined>;
};

/** An in-process call by one of the platform's own subsystems (same pipeline as /r1/…, minus HTTP and OAuth). */
export type InProcessCall = {
  client: string;
  service: string;
  method: string;
  /** After the service code: '' or '/…'. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  userId: string | null;
  purpose: string | null;
  issue?: string | null;
  messageId?: string;
};

const SEEN_PRUNE_MS = 60_000;
const EVENT_PRUNE_MS = 3_600_000;

/**
 * The data exchange gateway (LGSP/NDXP, X-Road's model): catalogue, access rights, the /r1/ message
 * protocol with signatures, the hash-chained and time-stamped message log, replay and quota guards.
 */
export function createExchangeModule(context: ModuleContext, deps: ExchangeDeps) {
  const config = context.exchange;
  const db = context.database.db;
  const now = () => context.clock.now();
  const catalogue = createCatalogue({ db, instance: config.instance, now });
  const log = createMessageLog({ sql: context.database.sql, tracker: deps.tracker });
  const replay = createReplayGuard(config.replayWindowMs);
  let localTsa: LocalTsa | undefined;
  const timestamper = createTimestamper({
    db,
    tsaUrl: () => config.tsaUrl ?? localTsa?.url,
    // The configured TSA's CA; the local TSA's own when the platform runs it (development and tests).
    tsaCaFile: () => (config.tsaUrl ? config.tsaCaFile : localTsa?.files.caCert),
    intervalMs: config.timestampIntervalMs,
    failureLimitMs: config.timestampFailureLimitMs,
    now,
    logger: context.logger,
  });
  let signer: GatewaySigner | undefined;
  const currentSigner = () => {
    if (!signer) throw new DomainError('unavailable', 'exchange.starting', { vi: 'Cổng trao đổi đang khởi động.', en: 'The exchange gateway is starting.' });
    return signer;
  };
  const gateway = createGateway({ catalogue, log, signer: currentSigner, timestamper, replay, replayWindowMs: config.replayWindowMs, now });
  const administration = createAdministration({ db, catalogue, authorize: deps.authorize, clientAgency: deps.clientAgency, instance: config.instance, now });
  // Asynchronous events (exchange/events): providers' topics leave the outbox as envelopes signed
  // with the gateway's key, one per subscriber holding an access right, through NATS JetStream when
  // NATS_URL is set and in-process otherwise.
  const events = createExchangeEvents({
    db,
    natsUrl: context.natsUrl,
    signer: envelopeSignerFrom(() => currentSigner()),
    subscribersOf: (topic) => administration.subscribersOf(topic),
    topics: [...new Set(deps.providers.flatMap((provider) => provider.events.map((event) => event.topic)))],
    logger: context.logger,
    tracker: { recorder: deps.tracker, eventOf: (serviceId) => catalogue.events.get(serviceId), now },
  });
  let prune: NodeJS.Timeout | undefined;
  let pruneEventsTimer: NodeJS.Timeout | undefined;

  /** Deletes event envelopes and inbox rows older than EXCHANGE_EVENT_RETENTION_DAYS (hourly). */
  async function pruneEvents(): Promise<EventPruning> {
    const pruned = await pruneEventTables(db, new Date(now().getTime() - config.eventRetentionDays * 86_400_000));
    if (pruned.unhandledEnvelopes > 0) context.logger.warn({ ...pruned, retentionDays: config.eventRetentionDays }, 'exchange: envelopes no subscriber took were deleted with the retention period');
    else if (pruned.envelopes + pruned.inboxRows > 0) context.logger.info(pruned, 'exchange: old event envelopes and inbox rows deleted');
    return pruned;
  }

  async function call(request: InProcessCall): Promise<{ status: number; body: unknown; requestHash: string; messageId: string }> {
    const query = new URLSearchParams(Object.entries(request.query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
    const target = `/r1/${request.service}${request.path}${query ? `?${query}` : ''}`;
    const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(request.body));
    // The same identifier checks as for /r1/ (an invalid path is refused and logged, not trusted).
    const parsed = parseMessagePath(target);
    const out = await gateway.handle({
      method: request.method.toUpperCase(),
      target,
      service: parsed?.service,
      rest: parsed?.rest ?? '',
      query: parseQuery(query),
      headers: {
        client: request.client,
        messageId: request.messageId ?? uuidv7(),
        date: now().toISOString(),
        ...(request.userId !== null ? { userId: request.userId } : {}),
        ...(request.purpose !== null ? { purpose: encodePurpose(request.purpose) } : {}),
        ...(request.issue ? { issue: request.issue } : {}),
      },
      body,
      contentType: body.length > 0 ? 'application/json' : undefined,
      oauth: null,
    });
    return { status: out.status, body: out.value, requestHash: out.requestHash, messageId: out.messageId };
  }

  const module: Module = {
    name: 'exchange',
    routes: exchangeRoutes({ gateway, administration, signer: currentSigner }),
    subscriptions: [events.subscription],
    async warmUp() {
      signer = await loadGatewaySigner(db, now);
      await catalogue.syncProviders(deps.providers);
      const since = new Date(now().getTime() - 2 * config.replayWindowMs);
      replay.load(await db.select().from(seenMessage).where(gte(seenMessage.seenAt, since)));
      if (!config.tsaUrl && context.environment !== 'production') {
        localTsa = await startLocalTsa({ dir: join(context.dataDir, 'exchange-tsa') });
        context.logger.info({ url: localTsa.url }, 'exchange: local OpenSSL TSA started (development and tests only)');
      }
      await timestamper.init();
      timestamper.start();
      prune ??= setInterval(() => {
        const cutoff = now().getTime() - 2 * config.replayWindowMs;
        replay.prune(now().getTime());
        void db
          .delete(seenMessage)
          .where(lt(seenMessage.seenAt, new Date(cutoff)))
          .catch((error: unknown) => context.logger.warn({ err: error }, 'exchange: could not prune seen message ids'));
      }, SEEN_PRUNE_MS);
      prune.unref();
      pruneEventsTimer ??= setInterval(() => {
        pruneEvents().catch((error: unknown) => context.logger.warn({ err: error }, 'exchange: could not prune old events'));
      }, EVENT_PRUNE_MS);
      pruneEventsTimer.unref();
    },
    async stop() {
      if (prune) clearInterval(prune);
      if (pruneEventsTimer) clearInterval(pruneEventsTimer);
      prune = undefined;
      pruneEventsTimer = undefined;
      await log.settle();
      await timestamper.stop();
      await localTsa?.stop();
      await events.close();
      localTsa = undefined;
    },
    readiness: () => {
      const state = timestamper.state();
      return { timestamping: timestamper.refusing() ? 'failed_closed' : state.failingSince ? 'failing' : 'ok', lastStampedSeq: state.lastStampedSeq, ...(state.failingSince ? { failingSince: state.failingSince } : {}) };
    },
  };
  return {
    ...module,
    service: {
      /** This installation's X-Road instance (the first part of every identifier, e.g. VN). */
      instance: config.instance,
      call,
      /** The gateway's signer (ES256 detached compact JWS `header..signature`), e.g. for event envelopes. */
      get signer(): GatewaySigner {
        return currentSigner();
      },
      subscribersOf: (topic: string) => administration.subscribersOf(topic),
      /** Receiving events as a subscriber (a local subsystem or an agency's system with an access right); `prune` runs the hourly retention now. */
      events: { subscribeEvents: events.subscribeEvents, mode: events.mode, prune: pruneEvents },
      /** Serves more local providers after start (a member system that starts later; tests' own providers). */
      addProviders: (providers: readonly LocalProvider[]) => catalogue.syncProviders(providers),
      /** Stamps the chain head now (tests, the CLI); the timer does it every EXCHANGE_TIMESTAMP_INTERVAL_MS. */
      stampNow: () => timestamper.stampNow(),
      /** The local TSA's URL and files when this instance started one (development, tests). */
      localTsa: () => localTsa,
      administration,
    },
  };
}
