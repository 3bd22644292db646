import type { DataAccessRecorder } from '../../kernel/data-access.ts';
import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createRegistriesRepository } from './registries.repository.ts';
import { registriesRoutes } from './registries.routes.ts';
import { createSyntheticBusinessRegistry, createSyntheticPopulationRegistry } from './registries.service.ts';
import { createRegistryRecords } from './registry-records.ts';

export type {
  BusinessRegistry,
  EnterpriseRecord,
  EnterpriseStatus,
  PopulationRegistry,
  ResidentClaim,
  ResidentField,
  ResidentVerification,
  Sex,
} from './registries.ports.ts';
export { SYNTHETIC_RESIDENTS, syntheticResident, syntheticResidentById, type SyntheticResident } from './synthetic-resident.ts';
export { SYNTHETIC_ENTERPRISES, syntheticEnterprise, type SyntheticEnterprise } from './synthetic-enterprise.ts';
export { MAX_PERSONS, syntheticPerson, type SyntheticPerson } from './synthetic-person.ts';
export { syntheticBusiness } from './synthetic-business.ts';
export { syntheticParcel } from './synthetic-parcel.ts';
export { DEFAULT_REGISTRY_PERSONS, seedSyntheticRegistries, TEST_REGISTRY_PERSONS } from './registries.seed.ts';
export { describeProgress, loadRegistries, type LoadProgress, type LoadSummary } from './registries.loader.ts';
export { PERSON_MOVED, type PersonMovedPayload } from './registries.events.ts';
export { registryProviders, type LocalProvider, type ProvidedEvent, type ProvidedService, type ProviderRequest, type ProviderResponse } from './exchange-provider.ts';
export type { RegistryRecords } from './registry-records.ts';

/**
 * Base registries (CSDL quốc gia về dân cư, về đăng ký doanh nghiệp, về đất đai): synthetic
 * population, business and land registries with their own API, the ports identity uses, and the
 * records the exchange gateway serves (`registryProviders(service.records)`).
 */
export type RegistriesPorts = {
  /** The data tracker's recorder: reads on the registries' own API are recorded like the gateway's. */
  dataAccess: DataAccessRecorder;
};

export function createRegistriesModule(context: ModuleContext, ports: RegistriesPorts) {
  const repository = createRegistriesRepository(context.database.db);
  const records = createRegistryRecords({ db: context.database.db, repository, outbox: context.outbox });
  const module: Module = { name: 'registries', routes: registriesRoutes({ records, recorder: ports.dataAccess, db: context.database.db, now: () => context.clock.now() }) };
  return {
    ...module,
    service: {
      population: createSyntheticPopulationRegistry({ repository }),
      businesses: createSyntheticBusinessRegistry({ repository }),
      records,
    },
  };
}
