import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { allocateDossierCode } from './dossier-codes.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

describe('dossier code allocation', () => {
  it('gives 1,000 concurrent submissions to one agency on one day the codes 0001–1000, once each', async () => {
    const codes = await Promise.all(
      Array.from({ length: 1000 }, () => t.database.db.transaction((tx) => allocateDossierCode(tx, 'H29.25747.01', '2026-11-23'))),
    );
    const expected = Array.from({ length: 1000 }, (_, i) => `H29.25747.01-261123-${String(i + 1).padStart(4, '0')}`);
    assert.deepEqual([...codes].sort(), expected);
  });

  it('gives back the number of a rolled-back submission, so none is skipped', async () => {
    const first = await t.database.db.transaction((tx) => allocateDossierCode(tx, 'H29.15', '2026-11-24'));
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await allocateDossierCode(tx, 'H29.15', '2026-11-24');
        throw new Error('the submission failed after its code was drawn');
      }),
    );
    const next = await t.database.db.transaction((tx) => allocateDossierCode(tx, 'H29.15', '2026-11-24'));
    assert.deepEqual([first, next], ['H29.15-261124-0001', 'H29.15-261124-0002']);
  });

  it('numbers each agency and each day separately', async () => {
    const codes = await t.database.db.transaction(async (tx) => [
      await allocateDossierCode(tx, 'H29', '2026-11-25'),
      await allocateDossierCode(tx, 'H29', '2026-11-26'),
      await allocateDossierCode(tx, 'H29.15', '2026-11-25'),
    ]);
    assert.deepEqual(codes, ['H29-261125-0001', 'H29-261126-0001', 'H29.15-261125-0001']);
    const rows = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.daily_sequence where day >= '2026-11-25'`);
    assert.equal(rows[0]?.n, 3);
  });
});
