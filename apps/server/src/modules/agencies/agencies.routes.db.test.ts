import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from './index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemoAgencies(t.db.database.db);
});
after(async () => t.close());

describe('agencies routes', () => {
  it('lists the demo agencies', async () => {
    const response = await t.app.inject('/api/v1/agencies');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().items.map((a: { code: string }) => a.code), DEMO_AGENCIES.map((a) => a.code).sort());
  });

  it('filters by parent agency', async () => {
    const response = await t.app.inject('/api/v1/agencies?parent=H29');
    assert.deepEqual(response.json().items.map((a: { code: string }) => a.code), ['H29.15', 'H29.25747']);
  });

  it('gets an agency by its QĐ 20/2020 code, linked to its admin unit', async () => {
    const response = await t.app.inject('/api/v1/agencies/H29.25747.01');
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().adminUnitCode, '25747');
    assert.equal(response.json().kind, 'reception_centre');
  });

  it('answers 404 problem for an unknown agency and 400 for a malformed code', async () => {
    const missing = await t.app.inject('/api/v1/agencies/H30.1');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'agencies.agency_not_found');
    const malformed = await t.app.inject('/api/v1/agencies/h29');
    assert.equal(malformed.statusCode, 400);
  });

  it('seeding twice changes nothing', async () => {
    const again = await seedDemoAgencies(t.db.database.db);
    assert.equal(again.applied, false);
    assert.equal((await t.app.inject('/api/v1/agencies')).json().total, DEMO_AGENCIES.length);
  });
});
