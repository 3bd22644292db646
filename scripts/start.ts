// `npm start`: the whole platform on one machine. Without DATABASE_URL an embedded PostgreSQL is
// started with its data under DATA_DIR (./var); migrations and reference/demo data are applied
// idempotently; the API and the web app are served on http://localhost:PORT.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase, type Database } from '../apps/server/src/kernel/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/server/src/kernel/db/embedded.ts';
import { migrateDatabase } from '../apps/server/src/kernel/db/migrate.ts';
import { loggerOptions } from '../apps/server/src/kernel/logger.ts';
import { REPO_ROOT } from '../apps/server/src/kernel/paths.ts';
import { buildApp, type BuiltApp } from '../apps/server/src/main/build-app.ts';
import { seedDemoData } from '../apps/server/src/main/demo-data.ts';
import { seedReferenceData } from '../apps/server/src/main/seed.ts';
import { buildWebIfStale } from './web-build.ts';

const startedAt = performance.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const logger = pino(loggerOptions(config.log.level));

await mkdir(config.dataDir, { recursive: true });
const webDistDir = join(REPO_ROOT, 'apps/web/dist');
if (await buildWebIfStale(webDistDir)) logger.info('web app built');

let embedded: EmbeddedDatabase | undefined;
let database: Database | undefined;
let built: BuiltApp;
let demo: { lines: string[] } | undefined;
try {
  let databaseUrl = config.db.url;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
    databaseUrl = embedded.url;
  }
  database = connectDatabase(databaseUrl, { max: config.db.poolMax });
  await migrateDatabase(database);
  await seedReferenceData(database, logger, { registryPersons: config.registries.persons });
  built = await buildApp({ config, database, logger, webDistDir });
  demo = config.seedDemo ? await seedDemoData(database, built, logger) : undefined;
  built.worker.start();
  await built.app.listen({ port: config.http.port, host: config.http.host });
} catch (error) {
  // Never leave an orphaned embedded PostgreSQL behind a failed start.
  logger.fatal({ err: error }, 'Congso could not start');
  await database?.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
}

const base = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
const lines = [
  '',
  `Congso is running (ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
  `  Web app:      ${base}/`,
  `  API docs:     ${base}/docs  (OpenAPI: ${base}/openapi.json)`,
  `  Health:       ${base}/healthz  ${base}/readyz  ${base}/metrics`,
  `  OpenID:       ${base}/oidc/.well-known/openid-configuration`,
  `  Database:     ${embedded ? `embedded PostgreSQL, data in ${join(config.dataDir, 'pg')}` : 'DATABASE_URL'}`,
  ...(demo ? ['', 'Demo data:', ...demo.lines.map((line) => `  ${line}`)] : []),
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await built.close();
  await database?.close();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
