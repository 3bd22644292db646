// The whole test suite: unit tests and database tests against a real PostgreSQL.
// With DATABASE_URL set, tests run on that server (each test file on its own cloned database);
// without it, an embedded PostgreSQL is started in a temporary folder for the run.
import { spawn } from 'node:child_process';
import { glob, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/server/src/kernel/db/embedded.ts';
import { prepareTemplate, withDatabase } from '../apps/server/src/kernel/testing/test-database.ts';
import { REPO_ROOT } from '../apps/server/src/kernel/paths.ts';
import { seedReferenceData, TEST_REGISTRY_PERSONS } from '../apps/server/src/main/seed.ts';
import { buildWebIfStale } from './web-build.ts';

const unitOnly = process.argv.includes('--unit');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const logger = pino({ level: 'warn' });

const files: string[] = [];
for await (const file of glob(['apps/**/*.test.ts', 'packages/**/*.test.ts', 'scripts/**/*.test.ts'], {
  exclude: (name) => name.includes('node_modules'),
})) {
  if (unitOnly && file.endsWith('.db.test.ts')) continue;
  if (filters.length > 0 && !filters.some((filter) => file.includes(filter))) continue;
  files.push(file);
}
files.sort();
if (files.length === 0) {
  console.error('No test files found');
  process.exit(1);
}

// Browser journeys serve the built web app: build it once here, not concurrently in each test file.
if (files.some((file) => file.startsWith('scripts/browser/')) && (await buildWebIfStale(join(REPO_ROOT, 'apps/web/dist')))) {
  console.log('Web app built for the browser journeys.');
}

let embedded: EmbeddedDatabase | undefined;
let embeddedDir: string | undefined;
const needsDatabase = files.some((file) => file.endsWith('.db.test.ts'));
const template = `congso_template_${process.pid}`;
let serverUrl = process.env.DATABASE_URL;
let exitCode = 1;

try {
  if (needsDatabase) {
    if (!serverUrl) {
      embeddedDir = await mkdtemp(join(tmpdir(), 'congso-test-'));
      embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, logger });
      serverUrl = embedded.url;
      console.log('Tests run on an embedded PostgreSQL (DATABASE_URL is not set).');
    }
    const started = performance.now();
    await prepareTemplate(serverUrl, template, (database) => seedReferenceData(database, logger, { registryPersons: TEST_REGISTRY_PERSONS }));
    console.log(`Template database ready in ${Math.round(performance.now() - started)} ms.`);
  }
  exitCode = await runNodeTests(files, {
    ...process.env,
    ...(serverUrl ? { CONGSO_TEST_SERVER_URL: serverUrl, CONGSO_TEST_TEMPLATE: template } : {}),
  });
} finally {
  if (needsDatabase && serverUrl) await dropTestDatabases(serverUrl).catch((error: unknown) => console.error(error));
  await embedded?.stop();
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
}
process.exit(exitCode);

function runNodeTests(testFiles: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = ['--test', '--test-concurrency=3', '--test-timeout=180000', '--test-reporter=spec', ...testFiles];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function dropTestDatabases(url: string): Promise<void> {
  const admin = postgres(withDatabase(url, new URL(url).pathname.slice(1) || 'postgres'), { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname = ${template} or starts_with(datname, ${template + '_t_'})`;
    for (const row of rows) {
      // Only this run's template and its clones; never anything else on a shared server.
      await admin.unsafe(`drop database if exists ${row.datname} with (force)`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
