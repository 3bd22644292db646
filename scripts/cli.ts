// npm run cli -- <command> --option value …: see apps/server/src/main/cli.ts for the commands.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase, type Database } from '../apps/server/src/kernel/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/server/src/kernel/db/embedded.ts';
import { migrateDatabase } from '../apps/server/src/kernel/db/migrate.ts';
import { DomainError } from '../apps/server/src/kernel/errors.ts';
import { runCommand, USAGE, verifyExchangeLog } from '../apps/server/src/main/cli.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: Object.fromEntries(['code', 'name', 'name-en', 'kind', 'level', 'parent', 'agency', 'roles', 'unit', 'personal-id', 'birth-date', 'sex', 'email', 'id', 'permissions', 'redirect-uri', 'post-logout-uri', 'backchannel-logout-uri', 'from', 'to', 'out', 'tsa-ca', 'persons', 'database-url'].map((name) => [name, { type: 'string' as const }])),
});
const command = positionals[0];
if (!command) {
  console.log(USAGE);
  process.exit(0);
}
if (command === 'exchange:verify-log') {
  // Offline: no database, no configuration.
  try {
    await verifyExchangeLog(positionals[1], values['tsa-ca'], (line) => console.log(line));
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  process.exit();
}
const config = loadConfig(process.env);
let embedded: EmbeddedDatabase | undefined;
let database: Database | undefined;
try {
  let url = values['database-url'] ?? config.db.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger: pino({ level: 'warn' }) });
    url = embedded.url;
  }
  // registries:load streams three COPYs side by side besides the seed's own transaction.
  database = connectDatabase(url, { max: command === 'registries:load' ? 5 : 2 });
  await migrateDatabase(database);
  await runCommand(config, command, values, database, (line) => console.log(line));
} catch (error) {
  const message = error instanceof DomainError ? `${error.text.en} (${error.text.vi})` : error instanceof Error ? error.message : String(error);
  console.error(`Error: ${message}`);
  process.exitCode = 1;
} finally {
  await database?.close();
  await embedded?.stop();
}
