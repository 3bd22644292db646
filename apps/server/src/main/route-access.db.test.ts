import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../kernel/testing/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

describe('route access declarations', () => {
  it('every route of ours declares who may call it', () => {
    const routes = t.app.declaredRoutes;
    assert.ok(routes.length >= 15, `found ${routes.length} routes`);
    const undeclared = routes.filter((route) => route.access === undefined).map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(undeclared, []);
  });
});
