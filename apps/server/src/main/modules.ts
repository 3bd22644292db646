import type { Module, ModuleContext } from '../kernel/module.ts';
import { createAgenciesModule } from '../modules/agencies/index.ts';
import { createCalendarModule } from '../modules/calendar/index.ts';
import { createCatalogModule } from '../modules/catalog/index.ts';
import { createGeoModule } from '../modules/geo/index.ts';
import { createIdentityModule } from '../modules/identity/index.ts';

/**
 * The explicit list of feature modules, in dependency order (architecture.md §2). This file and
 * build-app.ts are the only places that know every module.
 */
export function createModules(context: ModuleContext): Module[] {
  return [createGeoModule(context), createCalendarModule(context), createAgenciesModule(context), createCatalogModule(context), createIdentityModule(context)];
}
