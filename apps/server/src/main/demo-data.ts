import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from '../modules/agencies/index.ts';

/** Demo data for `npm start` (agencies now; accounts arrive with the identity module). */
export async function seedDemoData(database: Database, logger: Logger): Promise<{ lines: string[] }> {
  const result = await seedDemoAgencies(database.db);
  logger.info({ seed: 'demo.agencies', applied: result.applied }, result.summary);
  return { lines: DEMO_AGENCIES.map((agency) => `Agency ${agency.code.padEnd(14)} ${agency.name}`) };
}
