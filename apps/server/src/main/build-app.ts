import type { Logger } from 'pino';
import { systemClock, type Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/config.ts';
import type { Database } from '../kernel/db/database.ts';
import { createEventBus } from '../kernel/events/event-bus.ts';
import { createNatsRelay, type NatsRelay } from '../kernel/events/nats-relay.ts';
import { createOutbox, type Outbox } from '../kernel/events/outbox.ts';
import { createOutboxWorker, type OutboxWorker } from '../kernel/events/outbox-worker.ts';
import { createHttpServer } from '../kernel/http/http-server.ts';
import { systemRoutes } from '../kernel/http/system-routes.ts';
import type { App } from '../kernel/http/types.ts';
import { createMetrics } from '../kernel/metrics.ts';
import type { Module, ModuleContext } from '../kernel/module.ts';
import { createModules } from './modules.ts';

export type BuiltApp = {
  app: App;
  modules: readonly Module[];
  worker: OutboxWorker;
  close(): Promise<void>;
};

export const APP_VERSION = '0.1.0';

/** What every module receives, from the configuration (also used by the CLI). */
export function moduleContextOf(deps: { config: Config; database: Database; logger: Logger; outbox: Outbox; clock: Clock }): ModuleContext {
  const { config } = deps;
  return {
    database: deps.database,
    outbox: deps.outbox,
    clock: deps.clock,
    logger: deps.logger,
    dataDir: config.dataDir,
    publicUrl: (config.http.publicUrl ?? `http://localhost:${config.http.port}`).replace(/\/$/, ''),
    environment: config.environment,
    secureCookies: config.environment === 'production',
    notifications: { smtpUrl: config.mail.smtpUrl, mailFrom: config.mail.from },
    exchange: config.exchange,
    natsUrl: config.nats.url,
  };
}

/** The composition root: wires kernel services and modules with explicit dependencies. */
export async function buildApp(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  clock?: Clock;
  webDistDir?: string;
}): Promise<BuiltApp> {
  const { config, database, logger } = deps;
  const bus = createEventBus();
  const outbox = createOutbox(bus);
  const modules = createModules(moduleContextOf({ config, database, logger, outbox, clock: deps.clock ?? systemClock }));
  for (const module of modules) for (const subscription of module.subscriptions ?? []) bus.subscribe(subscription);

  let relay: NatsRelay | undefined;
  if (config.nats.url) {
    relay = await createNatsRelay(config.nats.url, logger);
    bus.subscribe(relay.subscription);
  }

  const metrics = createMetrics();
  const guardProvider = modules.find((module) => module.accessGuard)?.accessGuard;
  const app = await createHttpServer({
    logger,
    rateLimit: config.rateLimit,
    metrics,
    version: APP_VERSION,
    webDistDir: deps.webDistDir,
    accessGuard: () => guardProvider?.(),
    trustProxy: config.http.trustProxy,
  });
  systemRoutes({ database, metrics, modules })(app);
  for (const module of modules) module.routes?.(app);

  for (const module of modules) await module.warmUp?.();
  const worker = createOutboxWorker({ db: database.db, bus, logger, pollMs: config.outbox.pollMs });
  await app.ready();

  return {
    app,
    modules,
    worker,
    async close() {
      await worker.stop();
      await app.close();
      for (const module of modules) await module.stop?.();
      await relay?.close();
    },
  };
}
