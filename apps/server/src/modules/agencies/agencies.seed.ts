import type { Db } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { createAgenciesRepository } from './agencies.repository.ts';
import { createAgenciesService } from './agencies.service.ts';
import { DEMO_AGENCIES } from './demo-agencies.ts';

export async function seedDemoAgencies(db: Db) {
  return runSeedOnce(db, 'demo.agencies', checksumOf(JSON.stringify(DEMO_AGENCIES)), async (tx) => {
    const service = createAgenciesService({ repository: createAgenciesRepository(tx) });
    for (const agency of DEMO_AGENCIES) await service.saveAgency(agency);
    return `${DEMO_AGENCIES.length} demo agencies`;
  });
}
