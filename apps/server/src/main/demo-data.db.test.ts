import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { demoPeople } from './demo-data.ts';
import { seedDemoAgencies } from '../modules/agencies/index.ts';
import { seedDemoAccounts, type createIdentityModule } from '../modules/identity/index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemoAgencies(t.db.database.db);
});
after(async () => t.close());

describe('demo accounts', () => {
  it('are created once, verified against the registry, with posts and a business, and log in with the printed password', async () => {
    const { services } = moduleService<ReturnType<typeof createIdentityModule>['service']>(t, 'identity');
    const people = demoPeople();
    const lines = await seedDemoAccounts(services, people);
    assert.deepEqual(await seedDemoAccounts(services, people), lines, 'a second run changes nothing');
    for (const demo of people) {
      const account = await services.accounts.authenticate(demo.person.personalId, demo.person.password, '127.0.0.1');
      assert.equal(account.assuranceLevel, demo.verify ? 2 : 1, demo.label);
      assert.equal(account.agencyCode, demo.post?.agencyCode ?? null, demo.label);
      assert.equal(account.totpEnabledAt !== null, demo.post !== undefined, `${demo.label}: officials have a second factor`);
    }
    const labels = people.map((p) => p.label).join(' | ');
    for (const expected of ['Citizen (level 2)', 'Business representative', 'Receptionist', 'Handler', 'Leader', 'System administrator']) assert.match(labels, new RegExp(expected.replace(/[()]/g, '\\$&')));
    assert.ok(lines.some((line) => line.includes('legal representative of')));
  });
});
