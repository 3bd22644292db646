import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { createAccounts } from './accounts.ts';
import { createCommonPasswordList } from './breached-passwords.ts';
import { DEMO_CITIZENS, seedDemoCitizens } from './demo-accounts.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

describe('demo citizens', () => {
  it('are created once and can log in with the printed password', async () => {
    assert.equal((await seedDemoCitizens(t.database.db)).applied, true);
    assert.equal((await seedDemoCitizens(t.database.db)).applied, false);
    const accounts = createAccounts({ db: t.database.db, breached: createCommonPasswordList(), now: () => new Date() });
    for (const citizen of DEMO_CITIZENS) {
      const account = await accounts.authenticate(citizen.personalId, citizen.password, '127.0.0.1');
      assert.equal(account.fullName, citizen.fullName);
      assert.equal(account.assuranceLevel, 1);
    }
  });
});
