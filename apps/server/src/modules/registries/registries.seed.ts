import type { Db } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { foldedName } from './legal-name.ts';
import { createRegistriesRepository } from './registries.repository.ts';
import { allSyntheticEnterprises, SYNTHETIC_ENTERPRISES } from './synthetic-enterprise.ts';
import { allSyntheticResidents, SYNTHETIC_RESIDENTS } from './synthetic-resident.ts';

/**
 * Version of the generators' output. Bump it whenever a generator change alters any record, so that
 * installations reload the data; synthetic-data.test.ts fails until the fingerprint and version agree.
 */
export const SYNTHETIC_DATA_VERSION = 1;

export const SYNTHETIC_SEED_CHECKSUM = checksumOf(
  JSON.stringify({ version: SYNTHETIC_DATA_VERSION, residents: SYNTHETIC_RESIDENTS, enterprises: SYNTHETIC_ENTERPRISES }),
);

/**
 * Loads the synthetic residents and enterprises of the stand-in registries; a no-op when the version
 * and sizes did not change. Generated in memory, then inserted 1,000 rows at a time.
 */
export async function seedSyntheticRegistries(db: Db) {
  return runSeedOnce(db, 'registries.synthetic', SYNTHETIC_SEED_CHECKSUM, async (tx) => {
    const residents = allSyntheticResidents().map((resident) => ({ ...resident, nameFolded: foldedName(resident.fullName) }));
    const enterprises = allSyntheticEnterprises();
    await createRegistriesRepository(tx).replaceAll(residents, enterprises);
    return `${residents.length} synthetic residents, ${enterprises.length} synthetic enterprises`;
  });
}
