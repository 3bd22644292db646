import pino from 'pino';
import { buildApp, type BuiltApp } from '../../main/build-app.ts';
import type { Clock } from '../clock.ts';
import { loadConfig } from '../config/config.ts';
import { findFreePort } from '../db/embedded.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = BuiltApp & { db: TestDatabase };

/** The whole application on its own cloned database, driven through app.inject(). */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string>; webDistDir?: string } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent', ...options.env });
  const built = await buildApp({
    config,
    database: db.database,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
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

/** The app listening on a free loopback port, with PUBLIC_URL set to it (for real HTTP clients). */
export async function createListeningTestApp(options: { clock?: Clock; webDistDir?: string; hostname?: 'localhost' } = {}): Promise<TestApp & { base: string }> {
  const port = await findFreePort();
  // WebAuthn refuses IP addresses as relying-party ids: passkey journeys use the localhost name.
  const base = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  const t = await createTestApp({ ...options, env: { PORT: String(port), PUBLIC_URL: base } });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, base };
}

/** A module's `service`, as the composition root built it. */
export function moduleService<T>(t: BuiltApp, name: string): T {
  const found = t.modules.find((module) => module.name === name) as { service?: T } | undefined;
  if (!found?.service) throw new Error(`module ${name} has no service`);
  return found.service;
}
