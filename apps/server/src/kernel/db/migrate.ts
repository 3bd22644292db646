import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Any fixed number works; it only has to be the same for every instance of the platform.
const MIGRATION_LOCK_KEY = 7_246_110_001;

/**
 * Applies the committed SQL migrations. Several app instances may start at once, so a session-level
 * advisory lock makes them take turns; the later ones find nothing left to do.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const lockConnection = await database.sql.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER});
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    lockConnection.release();
  }
}
