import type { Logger } from 'pino';
import type { Database } from '../kernel/db/database.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from '../modules/agencies/index.ts';
import { DEMO_SERVICES, type createDossiersModule } from '../modules/dossiers/index.ts';
import type { createExchangeModule } from '../modules/exchange/index.ts';
import { seedDemoAccounts, type createIdentityModule, type DemoPerson } from '../modules/identity/index.ts';
import { SYNTHETIC_RESIDENTS, syntheticEnterprise, syntheticResident, syntheticResidentById, type SyntheticResident } from '../modules/registries/index.ts';
import type { BuiltApp } from './build-app.ts';
import { grantDemoRegistryAccess } from './one-stop-exchange.ts';

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
type DossiersService = ReturnType<typeof createDossiersModule>['service'];
type ExchangeService = ReturnType<typeof createExchangeModule>['service'];

/** The first synthetic resident from `start` on born 1970–2000, so every demo person is an adult. */
function adultResident(start: number): SyntheticResident {
  for (let n = start; n <= SYNTHETIC_RESIDENTS; n++) {
    const resident = syntheticResident(n);
    if (resident.birthDate >= '1970-01-01' && resident.birthDate <= '2000-12-31') return resident;
  }
  throw new RangeError('no adult synthetic resident');
}


function demoPerson(resident: SyntheticResident, password: string, email: string): DemoPerson['person'] {
  return { personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password, email };
}

/**
 * Demo people: synthetic residents of the stand-in population registry (never real people), so
 * verification to level 2 goes through the registry like a real one. One citizen stays at level 1.
 */
export function demoPeople(): DemoPerson[] {
  const enterprise = syntheticEnterprise(1).status === 'active' ? syntheticEnterprise(1) : syntheticEnterprise(2);
  const representative = syntheticResidentById(enterprise.legalRepresentativeId);
  if (!representative) throw new RangeError('legal representative is not a synthetic resident');
  const at = (n: number) => adultResident(n);
  return [
    { label: 'Citizen (level 2)', person: demoPerson(at(101), 'demo công dân mức hai 2026', 'demo1@demo.congso.vn'), verify: true },
    {
      label: 'Citizen (level 1)',
      person: { personalId: '079203001234', fullName: 'Nguyễn Văn An', birthDate: '2003-05-14', sex: 'male', password: 'demo công dân số một 2026', email: 'an.nguyen@demo.congso.vn' },
      verify: false,
    },
    { label: 'Business representative', person: demoPerson(representative, 'demo doanh nghiệp đại diện 2026', 'demo2@demo.congso.vn'), verify: true, enterpriseCode: enterprise.enterpriseCode },
    { label: 'Receptionist', person: demoPerson(at(201), 'demo cán bộ tiếp nhận 2026', 'demo3@demo.congso.vn'), verify: true, post: { agencyCode: 'H29.25747.01', unitCode: null, roles: ['receptionist'] } },
    { label: 'Handler', person: demoPerson(at(301), 'demo chuyên viên xử lý 2026', 'demo4@demo.congso.vn'), verify: true, post: { agencyCode: 'H29.15', unitCode: 'H29.15.01', roles: ['handler'] } },
    { label: 'Leader', person: demoPerson(at(401), 'demo lãnh đạo phê duyệt 2026', 'demo5@demo.congso.vn'), verify: true, post: { agencyCode: 'H29.15', unitCode: null, roles: ['leader'] } },
    { label: 'Agency administrator', person: demoPerson(at(501), 'demo quản trị cơ quan 2026', 'demo6@demo.congso.vn'), verify: true, post: { agencyCode: 'H29.15', unitCode: null, roles: ['agency_admin'] } },
    { label: 'System administrator', person: demoPerson(at(601), 'demo quản trị nền tảng 2026', 'demo7@demo.congso.vn'), verify: true, post: { agencyCode: 'H29', unitCode: null, roles: ['system_admin'] } },
  ];
}

/** Demo data for `npm start`: agencies, the five online services, then people with their accounts, posts and a business. */
export async function seedDemoData(database: Database, built: BuiltApp, logger: Logger): Promise<{ lines: string[] }> {
  const agencies = await seedDemoAgencies(database.db);
  logger.info({ seed: 'demo.agencies', applied: agencies.applied }, agencies.summary);
  const dossiers = built.modules.find((module) => module.name === 'dossiers') as unknown as { service: DossiersService };
  for (const definition of DEMO_SERVICES) await dossiers.service.enableService('platform', definition);
  const exchange = built.modules.find((module) => module.name === 'exchange') as unknown as { service: ExchangeService };
  const granted = await grantDemoRegistryAccess(exchange.service, async (code) => DEMO_AGENCIES.find((agency) => agency.code === code)?.name, DEMO_SERVICES);
  logger.info({ seed: 'demo.exchange', granted }, `${granted} access rights of demo one-stop shops to registry services`);
  const identity = built.modules.find((module) => module.name === 'identity') as unknown as { service: IdentityService };
  const people = await seedDemoAccounts(identity.service.services, demoPeople());
  return {
    lines: [
      ...DEMO_AGENCIES.map((agency) => `Agency  ${agency.code.padEnd(14)} ${agency.name}`),
      '',
      'Online services (file at /api/v1/dossiers; forms at /api/v1/agencies/{code}/services):',
      ...DEMO_SERVICES.map((service) => `  ${service.procedureCode}  ${service.agencyCode.padEnd(14)} ${service.name}`),
      '',
      'Accounts (officials sign in with password + authenticator code; the TOTP secret goes into any authenticator app):',
      ...people,
    ],
  };
}
