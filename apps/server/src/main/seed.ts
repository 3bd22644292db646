import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { seedCalendar } from '../modules/calendar/index.ts';
import { seedCatalog } from '../modules/catalog/index.ts';
import { seedAdminUnits } from '../modules/geo/index.ts';
import { describeProgress, seedSyntheticRegistries } from '../modules/registries/index.ts';

// The registry size of test and benchmark templates (20,000: every demo resident, loaded in ~1 s).
export { TEST_REGISTRY_PERSONS } from '../modules/registries/index.ts';

/**
 * Reference data every installation needs (units, calendar, catalogue, the synthetic registries of
 * `registryPersons` persons, config REGISTRY_PERSONS). Idempotent: each data set is loaded again only
 * when its files (or generator version, or the registry size) change.
 */
export async function seedReferenceData(database: Database, logger: Logger, options: { registryPersons: number }): Promise<void> {
  const steps: [string, () => Promise<{ applied: boolean; summary: string }>][] = [
    ['geo.admin-units', () => seedAdminUnits(database.db)],
    ['calendar.announced', () => seedCalendar(database.db)],
    ['catalog.national', () => seedCatalog(database.db)],
    // The stand-in population and business registries ARE the registries until the real ones connect.
    [
      'registries.synthetic',
      () =>
        seedSyntheticRegistries(database, {
          persons: options.registryPersons,
          onProgress: (p) => logger.info({ seed: 'registries.synthetic', ...p }, `registries: ${describeProgress(p)}`),
        }),
    ],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    const result = await run();
    logger.info({ seed: name, applied: result.applied, ms: Math.round(performance.now() - started) }, result.summary);
  }
}
