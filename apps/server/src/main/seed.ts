import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { seedCalendar } from '../modules/calendar/index.ts';
import { seedCatalog } from '../modules/catalog/index.ts';
import { seedAdminUnits } from '../modules/geo/index.ts';
import { seedSyntheticRegistries } from '../modules/registries/index.ts';

/**
 * Reference data every installation needs (units, calendar, catalogue, the synthetic registries).
 * Idempotent: each data set is loaded again only when its files (or generator version) change.
 */
export async function seedReferenceData(database: Database, logger: Logger): Promise<void> {
  const steps: [string, () => Promise<{ applied: boolean; summary: string }>][] = [
    ['geo.admin-units', () => seedAdminUnits(database.db)],
    ['calendar.announced', () => seedCalendar(database.db)],
    ['catalog.national', () => seedCatalog(database.db)],
    // The stand-in population and business registries ARE the registries until the real ones connect.
    ['registries.synthetic', () => seedSyntheticRegistries(database.db)],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    const result = await run();
    logger.info({ seed: name, applied: result.applied, ms: Math.round(performance.now() - started) }, result.summary);
  }
}
