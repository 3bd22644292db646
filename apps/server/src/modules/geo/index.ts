import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createGeoRepository } from './geo.repository.ts';
import { geoRoutes } from './geo.routes.ts';
import { createGeoService } from './geo.service.ts';

export { seedAdminUnits } from './geo.seed.ts';
export type { GeoService } from './geo.service.ts';

/** Administrative units (đơn vị hành chính) with their versions and the 2025 old→new mapping. */
export function createGeoModule(context: ModuleContext): Module & { service: ReturnType<typeof createGeoService> } {
  const service = createGeoService({ repository: createGeoRepository(context.database.db), clock: context.clock });
  return { name: 'geo', service, routes: geoRoutes(service) };
}
