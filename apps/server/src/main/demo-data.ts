import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from '../modules/agencies/index.ts';
import { DEMO_CITIZENS, seedDemoCitizens } from '../modules/identity/index.ts';

/** Demo data for `npm start`: agencies and citizen accounts (officials arrive with their accounts). */
export async function seedDemoData(database: Database, logger: Logger): Promise<{ lines: string[] }> {
  for (const [name, seed] of [
    ['demo.agencies', () => seedDemoAgencies(database.db)],
    ['demo.citizens', () => seedDemoCitizens(database.db)],
  ] as const) {
    const result = await seed();
    logger.info({ seed: name, applied: result.applied }, result.summary);
  }
  return {
    lines: [
      ...DEMO_AGENCIES.map((agency) => `Agency  ${agency.code.padEnd(14)} ${agency.name}`),
      ...DEMO_CITIZENS.map((c) => `Citizen ${c.personalId}   password "${c.password}"   ${c.fullName} (level 1)`),
    ],
  };
}
