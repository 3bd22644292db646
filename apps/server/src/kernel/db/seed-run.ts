import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Transaction } from './database.ts';
import { seedRun } from './seed-run.schema.ts';

export function checksumOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * Runs `load` in one transaction unless the same data (same checksum) was already loaded.
 * A transaction-level advisory lock keyed by the seed name keeps two starting instances apart.
 */
export async function runSeedOnce(
  db: Db,
  name: string,
  checksum: string,
  load: (tx: Transaction) => Promise<string>,
): Promise<{ applied: boolean; summary: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'seed:' + name}))`);
    const existing = await tx.select().from(seedRun).where(eq(seedRun.name, name));
    if (existing[0]?.checksum === checksum) return { applied: false, summary: existing[0].summary };
    const summary = await load(tx);
    await tx
      .insert(seedRun)
      .values({ name, checksum, summary })
      .onConflictDoUpdate({ target: seedRun.name, set: { checksum, summary, appliedAt: sql`now()` } });
    return { applied: true, summary };
  });
}
