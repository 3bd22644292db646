import pino from 'pino';
import { buildApp, type BuiltApp } from '../../main/build-app.ts';
import type { Clock } from '../clock.ts';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = BuiltApp & { db: TestDatabase };

/** The whole application on its own cloned database, driven through app.inject(). */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', ...options.env });
  const built = await buildApp({
    config,
    database: db.database,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    ...built,
    db,
    async close() {
      await built.close();
      await db.drop();
    },
  };
}

/** GET through app.inject: status, parsed JSON body and content type, for route tests. */
export async function injectGet(t: BuiltApp, url: string) {
  const response = await t.app.inject({ method: 'GET', url });
  // Route tests read arbitrary JSON and assert on it; `any` keeps them short.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
  return { status: response.statusCode, body: response.json(), type: String(response.headers['content-type']) };
}
