import { z } from 'zod';

// Every setting comes from the environment, parsed once at boot. A bad value stops the start
// with a message naming the variable; values are never echoed because some are secrets.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./var'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  NATS_URL: z
    .string()
    .refine((v) => /^(nats|tls):\/\/[^\s]+$/.test(v), 'must be a nats:// or tls:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  PUBLIC_URL: z.url().optional(),
  // Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs),
  // so rate limits and login throttling see the citizen's address, not the proxy's.
  TRUST_PROXY: z
    .string()
    .refine((v) => v.split(',').every((part) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part.trim())), 'must be comma-separated IP addresses or CIDR ranges')
    .optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  // Persons in the synthetic base registries loaded with the reference data (registries module;
  // enterprises and land parcels follow: 1 per 100 and 1 per 3 persons). 10,000 are the demo residents.
  REGISTRY_PERSONS: z.coerce.number().int().min(10_000).max(100_000_000).default(1_000_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  // Outgoing e-mail relay, e.g. smtps://user:password@smtp.example.vn:465. Unset: e-mail goes to the
  // development mailbox outside production and fails loudly in production.
  SMTP_URL: z.string().refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL with a host').optional(),
  // One line (a CR/LF would let it add mail headers): `Name <address>` or a bare address.
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be "Name <address@domain>" or "address@domain"')
    .default('Congso <no-reply@congso.local>'),
  // Data exchange gateway (modules/exchange): the X-Road instance identifier, the RFC 3161 time-stamping
  // authority (unset outside production: a local OpenSSL TSA is started; required in production), how
  // often the message log is stamped, how long stamping may fail before calls are refused (X-Road's
  // acceptable-timestamp-failure-period, default 4 h), and the replay window for X-Road-Date.
  EXCHANGE_INSTANCE: z.string().regex(/^[A-Z]{2,10}$/, 'must be 2–10 capital letters, e.g. VN').default('VN'),
  EXCHANGE_TSA_URL: z.url().optional(),
  EXCHANGE_TSA_CA_FILE: z.string().min(1).optional(),
  EXCHANGE_TIMESTAMP_INTERVAL_MS: z.coerce.number().int().min(10).default(60_000),
  EXCHANGE_TIMESTAMP_FAILURE_LIMIT_MS: z.coerce.number().int().min(0).default(14_400_000),
  EXCHANGE_REPLAY_WINDOW_MS: z.coerce.number().int().min(1000).default(300_000),
  // Past JetStream's 7-day stream age (events/jetstream.ts), or a redelivery could miss its inbox row.
  EXCHANGE_EVENT_RETENTION_DAYS: z.coerce.number().int().min(8, 'must be at least 8 days: longer than the event stream keeps messages (7 days)').max(3650).default(30),
});

function isSmtpUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '' && !/\s/.test(value);
}

export type Environment = z.infer<typeof Env>['NODE_ENV'];

export type Config = Readonly<{
  environment: Environment;
  http: Readonly<{ port: number; host: string; publicUrl: string | undefined; trustProxy: readonly string[] }>;
  dataDir: string;
  db: Readonly<{ url: string | undefined; poolMax: number }>;
  nats: Readonly<{ url: string | undefined }>;
  log: Readonly<{ level: string }>;
  rateLimit: Readonly<{ max: number; windowMs: number }>;
  seedDemo: boolean;
  registries: Readonly<{ persons: number }>;
  outbox: Readonly<{ pollMs: number }>;
  mail: Readonly<{ smtpUrl: string | undefined; from: string }>;
  exchange: ExchangeConfig;
}>;

export type ExchangeConfig = Readonly<{ instance: string; tsaUrl: string | undefined; tsaCaFile: string | undefined; timestampIntervalMs: number; timestampFailureLimitMs: number; replayWindowMs: number; eventRetentionDays: number }>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, the way shells and .env files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.EXCHANGE_TSA_URL) {
    // The message log's time-stamps are evidence (Decree 47/2020 Art. 45): production names a real TSA.
    throw new ConfigError('Invalid environment configuration:\n  - EXCHANGE_TSA_URL: required in production');
  }
  return Object.freeze({
    environment: env.NODE_ENV,
    http: Object.freeze({ port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL, trustProxy: Object.freeze((env.TRUST_PROXY ?? '').split(',').map((part) => part.trim()).filter(Boolean)) }),
    dataDir: env.DATA_DIR,
    db: Object.freeze({ url: env.DATABASE_URL, poolMax: env.DB_POOL_MAX }),
    nats: Object.freeze({ url: env.NATS_URL }),
    log: Object.freeze({ level: env.LOG_LEVEL }),
    rateLimit: Object.freeze({ max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS }),
    seedDemo: env.SEED_DEMO === 'true',
    registries: Object.freeze({ persons: env.REGISTRY_PERSONS }),
    outbox: Object.freeze({ pollMs: env.OUTBOX_POLL_MS }),
    mail: Object.freeze({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    exchange: Object.freeze({
      instance: env.EXCHANGE_INSTANCE,
      tsaUrl: env.EXCHANGE_TSA_URL,
      tsaCaFile: env.EXCHANGE_TSA_CA_FILE,
      timestampIntervalMs: env.EXCHANGE_TIMESTAMP_INTERVAL_MS,
      timestampFailureLimitMs: env.EXCHANGE_TIMESTAMP_FAILURE_LIMIT_MS,
      replayWindowMs: env.EXCHANGE_REPLAY_WINDOW_MS,
      eventRetentionDays: env.EXCHANGE_EVENT_RETENTION_DAYS,
    }),
  });
}
