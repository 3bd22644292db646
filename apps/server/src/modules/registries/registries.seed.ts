import type { Database } from '../../kernel/db/database.ts';
import { eq } from 'drizzle-orm';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { seedRun } from '../../kernel/db/seed-run.schema.ts';
import { loadRegistries, type LoadProgress } from './registries.loader.ts';
import { SYNTHETIC_ENTERPRISES } from './synthetic-enterprise.ts';
import { SYNTHETIC_RESIDENTS } from './synthetic-resident.ts';

/**
 * Version of the generators' output. Bump it whenever a generator change alters any record, so that
 * installations reload the data; synthetic-data.test.ts fails until the fingerprint and version agree.
 */
export const SYNTHETIC_DATA_VERSION = 2;

/** The registry size an installation loads unless REGISTRY_PERSONS says otherwise. */
export const DEFAULT_REGISTRY_PERSONS = 1_000_000;

/** The size the test and benchmark templates load: every demo resident and 2,000 families, in about a second. */
export const TEST_REGISTRY_PERSONS = 20_000;

const SEED_NAME = 'registries.synthetic';

export function syntheticSeedChecksum(persons: number): string {
  return checksumOf(JSON.stringify({ version: SYNTHETIC_DATA_VERSION, residents: SYNTHETIC_RESIDENTS, enterprises: SYNTHETIC_ENTERPRISES, persons }));
}

/**
 * Loads the synthetic population, business and land registries (`persons` persons, see
 * registries.loader.ts); a no-op when the data version and size did not change (kernel.seed_run
 * `registries.synthetic`). The COPY runs on other connections of the pool than the seed's own
 * transaction, which only records the checksum once the load has finished.
 */
export async function seedSyntheticRegistries(database: Database, options: { persons: number; onProgress?: (progress: LoadProgress) => void }) {
  return runSeedOnce(database.db, SEED_NAME, syntheticSeedChecksum(options.persons), async () => {
    // The load commits as it goes, on other connections. Forget the previous load first (committed
    // at once): if this one is interrupted, the next start must not take the half-loaded tables for
    // the previous data set and skip the load.
    await database.db.delete(seedRun).where(eq(seedRun.name, SEED_NAME));
    const summary = await loadRegistries(database.sql, { persons: options.persons, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return `${summary.persons} synthetic persons, ${summary.households} households, ${summary.enterprises} enterprises, ${summary.parcels} parcels (${summary.ms} ms)`;
  });
}
