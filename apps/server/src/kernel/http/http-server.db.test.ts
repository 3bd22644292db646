import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' } });
});
after(async () => t.close());

describe('HTTP kernel', () => {
  it('answers liveness and readiness with the database check', async () => {
    assert.equal((await t.app.inject('/healthz')).json().status, 'ok');
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().checks.database, 'ok');
    assert.deepEqual(ready.json().checks.outbox, { pending: 0, dead: 0 });
  });

  it('publishes an OpenAPI 3.1 document covering the API, with problem responses', async () => {
    const response = await t.app.inject('/openapi.json');
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.match(document.openapi, /^3\.1/);
    for (const path of ['/api/v1/admin-units', '/api/v1/admin-units/{code}', '/api/v1/admin-units/resolve', '/api/v1/calendar/due', '/api/v1/agencies']) {
      assert.ok(document.paths[path]?.get, `${path} is documented`);
      assert.ok(document.paths[path].get.responses['400'], `${path} documents its 400 problem`);
    }
    assert.ok(document.components.schemas.Problem);
  });

  it('serves the interactive API docs', async () => {
    const response = await t.app.inject('/docs/');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
  });

  it('exposes Prometheus metrics labelled by route pattern, not raw URL', async () => {
    await t.app.inject('/api/v1/admin-units/79');
    const metrics = (await t.app.inject('/metrics')).body;
    assert.match(metrics, /congso_http_requests_total\{method="GET",route="\/api\/v1\/admin-units\/:code",status="200"\}/);
    assert.doesNotMatch(metrics, /admin-units\/79"/);
  });

  it('sets security headers and echoes or creates a request id', async () => {
    const response = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    assert.equal(response.headers['x-request-id'], 'trace-123');
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    const generated = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('answers an unknown API route with a 404 problem in Vietnamese and English', async () => {
    const response = await t.app.inject('/api/v1/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const body = response.json();
    assert.equal(body.code, 'route.not_found');
    assert.equal(body.status, 404);
    assert.ok(body.messages.vi && body.messages.en && body.requestId);
  });

  it('answers a malformed JSON body with a 400 problem, never a 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/admin-units', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    assert.ok(response.statusCode === 400 || response.statusCode === 404, `got ${response.statusCode}`);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
  });

  it('rate-limits per client with a 429 problem, but never health checks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.app.inject({ url: '/api/v1/agencies', remoteAddress: '203.0.113.9' })).statusCode);
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    const limited = await t.app.inject({ url: '/api/v1/agencies', remoteAddress: '203.0.113.9' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'request.rate_limited');
    assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
    assert.equal((await t.app.inject({ url: '/healthz', remoteAddress: '203.0.113.9' })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/api/v1/agencies', remoteAddress: '203.0.113.10' })).statusCode, 200, 'another client is not limited');
  });
});
