import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createAgenciesRepository } from './agencies.repository.ts';
import { agenciesRoutes } from './agencies.routes.ts';
import { createAgenciesService } from './agencies.service.ts';

export { DEMO_AGENCIES } from './demo-agencies.ts';
export { seedDemoAgencies } from './agencies.seed.ts';
export type { AgenciesService, AgencyInput } from './agencies.service.ts';
export { checkAgencyCode } from './agency-code.ts';

/** Agencies and units (cơ quan, đơn vị) with their QĐ 20/2020 identifiers. */
export function createAgenciesModule(context: ModuleContext) {
  const service = createAgenciesService({ repository: createAgenciesRepository(context.database.db) });
  const module: Module = { name: 'agencies', routes: agenciesRoutes(service) };
  return { ...module, service };
}
