import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Environment, ExchangeConfig } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { Subscription } from './events/event-bus.ts';
import type { Outbox } from './events/outbox.ts';
import type { AccessGuard } from './http/access.ts';
import type { App } from './http/types.ts';

/** What the composition root hands to every module: explicit dependencies, no container. */
export type ModuleContext = Readonly<{
  database: Database;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** The URL citizens and agency systems reach this installation at (no trailing slash). */
  publicUrl: string;
  /** development | test | production: development-only tools (the mailbox) exist outside production. */
  environment: Environment;
  /** Outside development and tests, cookies are Secure. */
  secureCookies: boolean;
  /** Outgoing e-mail: the SMTP relay (unset: the development mailbox, or failure in production) and sender. */
  notifications: Readonly<{ smtpUrl: string | undefined; mailFrom: string }>;
  /** The data exchange gateway's settings (instance, time-stamping, replay window). */
  exchange: ExchangeConfig;
  /** NATS JetStream for events leaving the process (unset: events are delivered in-process). */
  natsUrl: string | undefined;
}>;

/** A feature module as seen by the composition root (main/modules.ts). */
export type Module = Readonly<{
  name: string;
  routes?: (app: App) => void;
  subscriptions?: readonly Subscription[];
  /** Loads what the module must hold in memory before traffic arrives (e.g. a search index). */
  warmUp?: () => Promise<void>;
  /** The identity module provides who-is-calling for every module's protected routes. */
  accessGuard?: () => AccessGuard | undefined;
  /** Releases what warmUp started (listeners, timers). */
  stop?: () => Promise<void>;
  /** Numbers for /readyz, e.g. how many records a module has loaded. */
  readiness?: () => Record<string, number | string | boolean>;
}>;
