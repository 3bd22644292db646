import { vietnamDate } from '../kernel/clock.ts';
import type { Module, ModuleContext } from '../kernel/module.ts';
import { DomainError } from '../kernel/errors.ts';
import { createAgenciesModule, type AgenciesService } from '../modules/agencies/index.ts';
import { createCalendarModule } from '../modules/calendar/index.ts';
import { createCatalogModule } from '../modules/catalog/index.ts';
import { createDossiersModule } from '../modules/dossiers/index.ts';
import { createGeoModule } from '../modules/geo/index.ts';
import { createExchangeModule } from '../modules/exchange/index.ts';
import { createIdentityModule, decide, type ApiCaller, type IdentityPorts } from '../modules/identity/index.ts';
import { createNotificationsModule, type NotificationsService } from '../modules/notifications/index.ts';
import { createRegistriesModule, registryProviders } from '../modules/registries/index.ts';
import { createTrackerModule } from '../modules/tracker/index.ts';
import { oneStopShops, PLATFORM_CALLER } from './one-stop-exchange.ts';

/**
 * The explicit list of feature modules, in dependency order (architecture.md §2). This file and
 * build-app.ts are the only places that know every module.
 */
export function createModules(context: ModuleContext): Module[] {
  const agencies = createAgenciesModule(context);
  const tracker = createTrackerModule(context, { agencyName: agencyName(agencies.service) });
  const registries = createRegistriesModule(context, { dataAccess: tracker.service.recorder });
  const notifications = createNotificationsModule(context);
  const identity = createIdentityModule(context, identityPorts(agencies.service, registries.service, notifications.service));
  const calendar = createCalendarModule(context);
  const exchange = createExchangeModule(context, {
    providers: registryProviders(registries.service.records),
    tracker: tracker.service.recorder,
    clientAgency: (clientId) => identity.service.agencyOfClient(clientId),
    authorize: async (caller, agencyCode) => (caller === PLATFORM_CALLER ? 'allowed' : decide(await identity.service.actorFor(caller as ApiCaller), 'exchange:manage', { agencyCode }, vietnamDate(context.clock.now()))),
  });
  const dossiers = createDossiersModule(context, {
    calendar: () => calendar.service.calendar(),
    actorFor: (caller) => identity.service.actorFor(caller),
    officialMay: (accountId, permission, resource) => identity.service.officialMay(accountId, permission, resource),
    agencyExists: agencyExists(agencies.service),
    contactOf: (who) => identity.service.contactOf(who),
    notifier: notifications.service.notifier,
    dataAccess: tracker.service.recorder,
    registryData: oneStopShops(() => exchange.service, context.exchange.instance, agencyName(agencies.service)).registryData,
  });
  return [createGeoModule(context), calendar, agencies, registries, createCatalogModule(context), notifications, tracker, identity, exchange, dossiers];
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

/** An agency's name, or undefined for a code not in the directory (the tracker shows the code then). */
function agencyName(agencies: AgenciesService) {
  return async (code: string): Promise<string | undefined> => {
    try {
      return (await agencies.getAgency(code)).name;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return undefined;
      throw error;
    }
  };
}
