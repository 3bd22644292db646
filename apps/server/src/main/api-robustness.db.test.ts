import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../kernel/testing/test-app.ts';

// Bad input gets a 4xx problem, never a 500: every documented GET route is driven with arbitrary
// path segments and query values, including Unicode, huge numbers, arrays and injection attempts.

let t: TestApp;
let routes: { path: string; params: string[]; query: string[] }[] = [];
before(async () => {
  t = await createTestApp();
  const document = (await t.app.inject('/openapi.json')).json<{
    paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }>;
  }>();
  routes = Object.entries(document.paths)
    .filter(([path, item]) => item.get && path.startsWith('/api/'))
    .map(([path, item]) => ({
      path,
      params: (item.get?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (item.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    }));
});
after(async () => t.close());

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '-1', '0', '1e308', 'NaN', '99999999999999999999', "' or 1=1 --", '%00', '../../etc/passwd', '2026-02-30', '2026-13-45T25:61:00+07:00', '15:00', 'commune', '1.000178', '79'),
);

describe('API robustness', () => {
  it('documents GET routes to drive', () => {
    assert.ok(routes.length >= 10, `found ${routes.length} routes`);
  });

  it('answers arbitrary input on every GET route with a non-5xx status (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(nasty, { minLength: 6, maxLength: 6 }), fc.array(nasty, { minLength: 6, maxLength: 6 }), async (pick, pathValues, queryValues) => {
        const route = routes[pick % routes.length];
        assert.ok(route);
        let url = route.path;
        route.params.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(pathValues[i] ?? 'x') || 'x')));
        const query = route.query.map((name, i) => `${name}=${encodeURIComponent(queryValues[i] ?? '')}`).join('&');
        const response = await t.app.inject({ method: 'GET', url: query ? `${url}?${query}` : url });
        assert.ok(response.statusCode < 500, `${url}?${query} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        if (response.statusCode >= 400) assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      }),
      { numRuns: 400 },
    );
  });
});
