import { isSameLegalName } from './legal-name.ts';
import type { BusinessRegistry, PopulationRegistry, ResidentField } from './registries.ports.ts';
import type { RegistriesRepository } from './registries.repository.ts';

const PERSONAL_ID = /^\d{12}$/;
// Mã số doanh nghiệp with the optional dependent-unit suffix (domain-vn.md §4.2).
const ENTERPRISE_OR_BRANCH = /^(\d{10})(?:-(\d{3}))?$/;

/** The population registry port over the synthetic population registry. */
export function createSyntheticPopulationRegistry(deps: { repository: RegistriesRepository }): PopulationRegistry {
  const { repository } = deps;
  return {
    async verifyResident(claim) {
      // Not the shape of a personal ID: it cannot be in the registry, so no query.
      if (!PERSONAL_ID.test(claim.personalId)) return { outcome: 'not_found', mismatched: [] };
      const resident = await repository.findPerson(claim.personalId);
      if (!resident) return { outcome: 'not_found', mismatched: [] };
      const mismatched: ResidentField[] = [];
      if (!isSameLegalName(claim.fullName, resident.fullName)) mismatched.push('fullName');
      if (claim.birthDate !== resident.birthDate) mismatched.push('birthDate');
      if (claim.sex !== undefined && claim.sex !== resident.sex) mismatched.push('sex');
      // Only which fields differ, never the registered values (no data leaves through this port).
      return { outcome: mismatched.length === 0 ? 'match' : 'mismatch', mismatched };
    },
  };
}

/** The business registry port over the synthetic business registry. */
export function createSyntheticBusinessRegistry(deps: { repository: RegistriesRepository }): BusinessRegistry {
  const { repository } = deps;
  return {
    async findEnterprise(code) {
      const match = ENTERPRISE_OR_BRANCH.exec(code.trim());
      // 000 is not a branch suffix (branches are numbered from 001).
      if (!match?.[1] || match[2] === '000') return undefined;
      // A branch has no legal personality of its own: it answers with its parent enterprise.
      const row = await repository.findEnterprise(match[1]);
      if (!row) return undefined;
      return {
        enterpriseCode: row.enterpriseCode,
        name: row.name,
        legalRepresentativeId: row.legalRepresentativeId,
        status: row.status,
        registeredOn: row.registeredOn,
      };
    },
  };
}
