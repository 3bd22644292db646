import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { seedCalendar } from '../modules/calendar/index.ts';
import { seedCatalog } from '../modules/catalog/index.ts';
import { seedAdminUnits } from '../modules/geo/index.ts';

/**
 * Reference data every installation needs (units, calendar, catalogue). Idempotent: each data set
 * is loaded again only when its files change.
 */
export async function seedReferenceData(database: Database, logger: Logger): Promise<void> {
  const steps: [string, () => Promise<{ applied: boolean; summary: string }>][] = [
    ['geo.admin-units', () => seedAdminUnits(database.db)],
    ['calendar.announced', () => seedCalendar(database.db)],
    ['catalog.national', () => seedCatalog(database.db)],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    const result = await run();
    logger.info({ seed: name, applied: result.applied, ms: Math.round(performance.now() - started) }, result.summary);
  }
}
