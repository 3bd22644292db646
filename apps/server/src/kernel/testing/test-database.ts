import { randomBytes } from 'node:crypto';
import pino from 'pino';
import postgres from 'postgres';
import { connectDatabase, type Database } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';

// Database tests run against a real PostgreSQL (never a mock). The test runner (scripts/test.ts)
// builds one migrated and seeded template database; every test file clones it, which takes
// a fraction of a second and isolates files from each other.

export const DEFAULT_TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

export function testServerUrl(): string {
  return process.env.CONGSO_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_SERVER;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + name;
  return parsed.toString();
}

/** Creates (or re-creates) the template: migrations plus reference data. */
export async function prepareTemplate(
  serverUrl: string,
  name: string,
  seed: (database: Database) => Promise<void>,
): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = connectDatabase(withDatabase(serverUrl, name), { max: 4, applicationName: 'congso-test-template' });
  try {
    await migrateDatabase(database);
    await seed(database);
  } finally {
    await database.close();
  }
}

export type TestDatabase = { url: string; database: Database; drop(): Promise<void> };

let lazyTemplate: Promise<string> | undefined;

async function templateName(): Promise<string> {
  const given = process.env.CONGSO_TEST_TEMPLATE;
  if (given) return given;
  // A test file run on its own (node --test file): build a private template once per process.
  lazyTemplate ??= (async () => {
    const { seedReferenceData, TEST_REGISTRY_PERSONS } = await import('../../main/seed.ts');
    const name = `congso_tpl_${process.pid}`;
    await prepareTemplate(testServerUrl(), name, (database) => seedReferenceData(database, pino({ level: 'warn' }), { registryPersons: TEST_REGISTRY_PERSONS }));
    return name;
  })();
  return lazyTemplate;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const template = await templateName();
  // Named after the template, so the runner can drop exactly its own databases afterwards.
  const name = `${template}_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    // Two files cloning the same template at the same instant can collide; retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !String((error as Error).message).includes('being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(serverUrl, name);
  const database = connectDatabase(url, { max: 5, applicationName: 'congso-test' });
  return {
    url,
    database,
    async drop() {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
