import type { Module, ModuleContext } from '../kernel/module.ts';
import { DomainError } from '../kernel/errors.ts';
import { createAgenciesModule, type AgenciesService } from '../modules/agencies/index.ts';
import { createCalendarModule } from '../modules/calendar/index.ts';
import { createCatalogModule } from '../modules/catalog/index.ts';
import { createDossiersModule } from '../modules/dossiers/index.ts';
import { createGeoModule } from '../modules/geo/index.ts';
import { createIdentityModule, type IdentityPorts } from '../modules/identity/index.ts';
import { createNotificationsModule, type NotificationsService } from '../modules/notifications/index.ts';
import { createRegistriesModule } from '../modules/registries/index.ts';

/**
 * The explicit list of feature modules, in dependency order (architecture.md §2). This file and
 * build-app.ts are the only places that know every module.
 */
export function createModules(context: ModuleContext): Module[] {
  const agencies = createAgenciesModule(context);
  const registries = createRegistriesModule(context);
  const notifications = createNotificationsModule(context);
  const identity = createIdentityModule(context, identityPorts(agencies.service, registries.service, notifications.service));
  const calendar = createCalendarModule(context);
  const dossiers = createDossiersModule(context, {
    calendar: () => calendar.service.calendar(),
    actorFor: (caller) => identity.service.actorFor(caller),
    officialMay: (accountId, permission, resource) => identity.service.officialMay(accountId, permission, resource),
    agencyExists: agencyExists(agencies.service),
    contactOf: (who) => identity.service.contactOf(who),
    notifier: notifications.service.notifier,
  });
  return [createGeoModule(context), calendar, agencies, registries, createCatalogModule(context), notifications, identity, dossiers];
}

/** What identity needs from other modules, as its ports. */
export function identityPorts(
  agencies: AgenciesService,
  registries: ReturnType<typeof createRegistriesModule>['service'],
  notifications: Pick<NotificationsService, 'notifier'>,
): IdentityPorts {
  return {
    population: registries.population,
    businessRegistry: registries.businesses,
    notifier: notifications.notifier,
    agencies: { exists: agencyExists(agencies) },
  };
}

/** Whether an agency is in the directory, for modules that name agencies. */
function agencyExists(agencies: AgenciesService) {
  return async (code: string): Promise<boolean> => {
    try {
      await agencies.getAgency(code);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return false;
      throw error;
    }
  };
}
