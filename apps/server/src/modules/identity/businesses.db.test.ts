import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { SYNTHETIC_ENTERPRISES, syntheticEnterprise, syntheticResident, syntheticResidentById } from '../registries/index.ts';
import type { Person } from './businesses.ts';
import type { createIdentityModule } from './index.ts';

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
let t: TestApp;
let services: IdentityService['services'];
const password = 'Bq6-business-pass-Wn2x-Hs';

const enterpriseWith = (status: string) => {
  for (let n = 1; n <= SYNTHETIC_ENTERPRISES; n++) if (syntheticEnterprise(n).status === status) return syntheticEnterprise(n);
  throw new Error(`no ${status} enterprise`);
};
const residentById = (id: string) => syntheticResidentById(id) ?? assert.fail(`${id} is not a synthetic resident`);

async function personFor(personalId: string, level: 1 | 2): Promise<Person> {
  const r = residentById(personalId);
  const row = (await services.accounts.findByPersonalId(personalId)) ?? (await services.accounts.registerCitizen({ personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password }));
  if (level === 2) await services.verification.verifyIdentity(row.id, null);
  return { accountId: row.id, personalId, assuranceLevel: level };
}

before(async () => {
  t = await createTestApp();
  services = moduleService<IdentityService>(t, 'identity').services;
});
after(async () => t.close());

describe('business accounts and mandates', () => {
  it('opens a business for its legal representative only, once', async () => {
    const active = enterpriseWith('active');
    const representative = await personFor(active.legalRepresentativeId, 2);
    const stranger = await personFor(syntheticResident(3).personalId, 2);
    await assert.rejects(services.businesses.register(stranger, active.enterpriseCode), { code: 'identity.not_legal_representative' });
    assert.deepEqual(await services.businesses.register(representative, active.enterpriseCode), { enterpriseCode: active.enterpriseCode, name: active.name, legalRepresentative: true });
    await assert.rejects(services.businesses.register(representative, active.enterpriseCode), { code: 'identity.business_exists' });
  });

  it('refuses a dissolved enterprise, a level-1 account and a malformed code', async () => {
    const dissolved = enterpriseWith('dissolved');
    const representative = await personFor(dissolved.legalRepresentativeId, 2);
    await assert.rejects(services.businesses.register(representative, dissolved.enterpriseCode), { code: 'identity.not_legal_representative' });
    await assert.rejects(services.businesses.register({ ...representative, assuranceLevel: 1 }, dissolved.enterpriseCode), { code: 'identity.assurance_too_low' });
    await assert.rejects(services.businesses.register(representative, '0101234560'), { code: 'identity.invalid_enterprise_code' });
  });

  it('grants, lists and revokes mandates within scope and period', async () => {
    const active = enterpriseWith('active');
    const representative = await personFor(active.legalRepresentativeId, 2);
    const agent = await personFor(syntheticResident(4).personalId, 1);
    const mandate = await services.businesses.grantForBusiness(representative, active.enterpriseCode, { agentPersonalId: agent.personalId, scope: ['dossiers:submit'], validFrom: '2026-01-01', validUntil: '2099-12-31' });
    assert.equal(mandate.agentPersonalId, agent.personalId);
    const held = await services.businesses.mandatesHeld(agent.accountId);
    assert.deepEqual(held.map((m) => [m.principalId, m.scope]), [[active.enterpriseCode, ['dossiers:submit']]]);
    assert.equal((await services.businesses.get(agent, active.enterpriseCode)).legalRepresentative, false);
    await assert.rejects(services.businesses.listForBusiness(agent, active.enterpriseCode), { code: 'identity.business_not_found' });
    await services.businesses.revokeForBusiness(representative, active.enterpriseCode, mandate.id);
    assert.deepEqual(await services.businesses.mandatesHeld(agent.accountId), []);
    await assert.rejects(services.businesses.get(agent, active.enterpriseCode), { code: 'identity.business_not_found' });
  });

  const bad: [string, object, string][] = [
    ['an unknown scope', { scope: ['everything'] }, 'identity.invalid_mandate_scope'],
    ['no scope', { scope: [] }, 'identity.invalid_mandate_scope'],
    ['an end before the start', { validFrom: '2027-01-02', validUntil: '2027-01-01' }, 'identity.invalid_mandate_period'],
    ['a period already over', { validFrom: '2020-01-01', validUntil: '2020-12-31' }, 'identity.invalid_mandate_period'],
    ['an agent without an account', { agentPersonalId: '079203008888' }, 'identity.agent_not_found'],
  ];
  for (const [name, change, code] of bad) {
    it(`refuses a mandate with ${name}`, async () => {
      const principal = await personFor(syntheticResident(5).personalId, 2);
      const agent = await personFor(syntheticResident(6).personalId, 1);
      await assert.rejects(services.businesses.grantForSelf(principal, { agentPersonalId: agent.personalId, scope: ['dossiers:track'], validFrom: '2026-01-01', validUntil: '2099-01-01', ...change } as never), { code });
    });
  }

  it('refuses a mandate to oneself', async () => {
    const principal = await personFor(syntheticResident(5).personalId, 2);
    await assert.rejects(services.businesses.grantForSelf(principal, { agentPersonalId: principal.personalId, scope: ['dossiers:track'], validFrom: '2026-01-01', validUntil: '2099-01-01' }), { code: 'identity.mandate_to_self' });
  });
});
