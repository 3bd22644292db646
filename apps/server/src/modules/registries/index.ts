import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createRegistriesRepository } from './registries.repository.ts';
import { createSyntheticBusinessRegistry, createSyntheticPopulationRegistry } from './registries.service.ts';

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
export { seedSyntheticRegistries } from './registries.seed.ts';

/**
 * Base registries (CSDL quốc gia về dân cư, về đăng ký doanh nghiệp) behind ports. For now a stand-in
 * of deterministic synthetic residents and enterprises; the real adapters will replace it.
 */
export function createRegistriesModule(context: ModuleContext) {
  const repository = createRegistriesRepository(context.database.db);
  const module: Module = { name: 'registries' };
  return {
    ...module,
    service: {
      population: createSyntheticPopulationRegistry({ repository }),
      businesses: createSyntheticBusinessRegistry({ repository }),
    },
  };
}
