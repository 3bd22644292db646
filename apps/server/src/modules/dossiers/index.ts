import type { Module, ModuleContext } from '../../kernel/module.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { Actor, ApiCaller, Notifier, Permission, Resource } from '../identity/index.ts';
import { applicantNotices, type ContactDirectory } from './applicant-notices.ts';
import type { DataAccessLog } from './data-access-log.ts';
import type { RegistryData } from './dossier-core.ts';
import { createDossiersRepository } from './dossiers.repository.ts';
import { dossiersRoutes } from './dossiers.routes.ts';
import { createDossiersService } from './dossiers.service.ts';
import { createFormValidator } from './form-validation.ts';
import { readStoredService } from './service-terms.ts';

export { DEMO_SERVICES, DEMO_FORM_SAMPLES } from './services/demo-services.ts';
export type { ServiceDefinition } from './services/service-definition.ts';
export type { DataAccessLog, DataAccessRecord } from './data-access-log.ts';
export type { RegistryData } from './dossier-core.ts';
export { ONE_STOP_SHOP_SUBSYSTEM } from './services/demo/form-fields.ts';

export type DossiersPorts = {
  calendar: () => WorkingCalendar;
  actorFor: (caller: ApiCaller) => Promise<Actor>;
  /** Whether an account's post carries a permission over an agency's (unit's) dossiers. */
  officialMay: (accountId: string, permission: Permission, resource: Resource) => Promise<boolean>;
  agencyExists: (code: string) => Promise<boolean>;
  contactOf: ContactDirectory;
  notifier: Notifier;
  /** The data tracker's recorder (tracker module), for officials' reads of people's dossiers. */
  dataAccess: DataAccessLog;
  /** Base registries through the exchange gateway, as the agency's one-stop shop (once-only prefill). */
  registryData: RegistryData;
};

/** The electronic one-stop shop (một cửa điện tử): services, dossiers, their lifecycle and audit. */
export function createDossiersModule(context: ModuleContext, ports: DossiersPorts) {
  const repository = createDossiersRepository(context.database.db);
  const forms = createFormValidator();
  const service = createDossiersService({
    database: context.database,
    repository,
    outbox: context.outbox,
    clock: context.clock,
    calendar: ports.calendar,
    actorFor: ports.actorFor,
    officialMay: ports.officialMay,
    agencyExists: ports.agencyExists,
    contactOf: ports.contactOf,
    readService: readStoredService,
    validateForm: (serviceId, version, schema, data) => forms.validate(serviceId, version, schema, data),
    dataAccess: ports.dataAccess,
    registryData: ports.registryData,
  });
  const module: Module = {
    name: 'dossiers',
    routes: dossiersRoutes(service),
    subscriptions: [applicantNotices({ repository, contactOf: ports.contactOf, notifier: ports.notifier }), service.dataStore.subscription],
  };
  return { ...module, service: { ...service, repository, forms } };
}
