import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../kernel/ids.ts';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { SYNTHETIC_ENTERPRISES, syntheticEnterprise, syntheticResident, syntheticResidentById } from '../registries/index.ts';
import type { Person } from './businesses.ts';
import { mandate as mandateTable } from './identity.schema.ts';
import { LEGAL_REPRESENTATIVE_SCOPES, MANDATE_SCOPES } from './roles.ts';
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

describe('whom a person may act for today', () => {
  const today = () => services.today();
  const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const self = (person: Person) => ({ kind: 'self', id: person.personalId, name: residentById(person.personalId).fullName, scope: [...MANDATE_SCOPES], validUntil: null, legalRepresentative: false });
  // An active enterprise other than the one the tests above open, with another representative.
  const enterprise = (() => {
    const first = enterpriseWith('active');
    for (let n = 1; n <= SYNTHETIC_ENTERPRISES; n++) {
      const e = syntheticEnterprise(n);
      if (e.status === 'active' && e.enterpriseCode !== first.enterpriseCode && e.legalRepresentativeId !== first.legalRepresentativeId) return e;
    }
    throw new Error('no second active enterprise');
  })();
  const representative = async () => {
    const person = await personFor(enterprise.legalRepresentativeId, 2);
    if (!(await services.businesses.principalsOf(person)).some((p) => p.kind === 'business')) await services.businesses.register(person, enterprise.enterpriseCode);
    return person;
  };

  it('lists a legal representative and the business they represent', async () => {
    const person = await representative();
    assert.deepEqual(await services.businesses.principalsOf(person), [
      self(person),
      { kind: 'business', id: enterprise.enterpriseCode, name: enterprise.name, scope: [...LEGAL_REPRESENTATIVE_SCOPES], validUntil: null, legalRepresentative: true },
    ]);
  });

  it("lists an agent's principals with the mandate's scope and end: self, businesses, then citizens", async () => {
    const rep = await representative();
    const citizen = await personFor(syntheticResident(10).personalId, 2);
    const agent = await personFor(syntheticResident(11).personalId, 1);
    const until = daysFrom(today(), 30);
    await services.businesses.grantForSelf(citizen, { agentPersonalId: agent.personalId, scope: ['results:receive', 'dossiers:track'], validFrom: today(), validUntil: until });
    await services.businesses.grantForBusiness(rep, enterprise.enterpriseCode, { agentPersonalId: agent.personalId, scope: ['dossiers:submit'], validFrom: '2026-01-01', validUntil: '2099-12-31' });
    assert.deepEqual(await services.businesses.principalsOf(agent), [
      self(agent),
      { kind: 'business', id: enterprise.enterpriseCode, name: enterprise.name, scope: ['dossiers:submit'], validUntil: '2099-12-31', legalRepresentative: false },
      { kind: 'citizen', id: citizen.personalId, name: residentById(citizen.personalId).fullName, scope: ['results:receive', 'dossiers:track'], validUntil: until, legalRepresentative: false },
    ]);
  });

  it('leaves out revoked, expired and not yet valid mandates', async () => {
    const principal = await personFor(syntheticResident(12).personalId, 2);
    const agent = await personFor(syntheticResident(13).personalId, 1);
    const grant = (validFrom: string, validUntil: string) => services.businesses.grantForSelf(principal, { agentPersonalId: agent.personalId, scope: ['dossiers:track'], validFrom, validUntil });
    const revoked = await grant(today(), daysFrom(today(), 10));
    await services.businesses.revokeForSelf(principal, revoked.id);
    await grant(daysFrom(today(), 1), daysFrom(today(), 10));
    const expired = await grant(daysFrom(today(), -10), today());
    await t.db.database.db.update(mandateTable).set({ validUntil: daysFrom(today(), -1) }).where(eq(mandateTable.id, expired.id));
    assert.deepEqual(await services.businesses.principalsOf(agent), [self(agent)]);
  });

  it('shows a stranger only themself', async () => {
    const stranger = await personFor(syntheticResident(14).personalId, 1);
    assert.deepEqual(await services.businesses.principalsOf(stranger), [self(stranger)]);
  });

  it('lists a principal reached twice once, with the wider scope', async () => {
    // A representative holding a mandate from their own business (e.g. granted before they became its representative).
    const rep = await representative();
    const other = await personFor(syntheticResident(15).personalId, 2);
    await t.db.database.db.insert(mandateTable).values({ id: uuidv7(), principalKind: 'business', principalId: enterprise.enterpriseCode, agentAccountId: rep.accountId, scope: ['dossiers:track'], validFrom: '2026-01-01', validUntil: '2099-12-31', grantedBy: other.accountId });
    const businesses = (await services.businesses.principalsOf(rep)).filter((p) => p.kind === 'business');
    assert.deepEqual(businesses, [{ kind: 'business', id: enterprise.enterpriseCode, name: enterprise.name, scope: [...LEGAL_REPRESENTATIVE_SCOPES], validUntil: null, legalRepresentative: true }]);

    // Two mandates from one citizen: the union of their scopes, until the last day all of it is held.
    const agent = await personFor(syntheticResident(16).personalId, 1);
    const grant = (scope: ('dossiers:submit' | 'dossiers:track')[], validUntil: string) => services.businesses.grantForSelf(other, { agentPersonalId: agent.personalId, scope, validFrom: today(), validUntil });
    await grant(['dossiers:track'], daysFrom(today(), 90));
    await grant(['dossiers:submit', 'dossiers:track'], daysFrom(today(), 30));
    const citizens = (await services.businesses.principalsOf(agent)).filter((p) => p.kind === 'citizen');
    assert.deepEqual(citizens, [{ kind: 'citizen', id: other.personalId, name: residentById(other.personalId).fullName, scope: ['dossiers:track', 'dossiers:submit'], validUntil: daysFrom(today(), 30), legalRepresentative: false }]);
  });
});
