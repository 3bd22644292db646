import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createListeningTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../modules/agencies/index.ts';
import { totpCode, type createIdentityModule } from '../modules/identity/index.ts';
import { signIn } from '../modules/identity/testing/browser-login.ts';

// Bad input from signed-in callers gets a 4xx problem, never a 500: every protected route (any method)
// and every public route that writes is driven by a citizen and by a system administrator with
// arbitrary path values and JSON bodies.

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
const REDIRECT = 'http://127.0.0.1:9/callback';
let t: TestApp & { base: string };
const tokens: string[] = [];
let routes: { method: string; path: string; params: string[] }[] = [];

before(async () => {
  t = await createListeningTestApp();
  const identity = moduleService<IdentityService>(t, 'identity');
  await seedDemoAgencies(t.db.database.db);
  await identity.registerClient({ clientId: 'fuzz-portal', name: 'Fuzz', agencyCode: 'H29', kind: 'web_app', redirectUris: [REDIRECT] });
  const citizen = { personalId: '079203001234', fullName: 'Nguyễn Văn An', birthDate: '2003-05-14', sex: 'male' as const, password: 'Fz4-citizen-pass-Hq9w-Lt' };
  const admin = { personalId: '001085012345', fullName: 'Phạm Quốc Bảo', birthDate: '1985-03-03', sex: 'male' as const, password: 'Fz4-admin-pass-Rm2x-Pk7' };
  await identity.registerCitizen(citizen);
  const official = await identity.appointOfficial(admin, { agencyCode: 'H29', unitCode: null, roles: ['system_admin', 'agency_admin', 'auditor'] });
  const { secret } = await identity.services.secondFactor.startTotp(official.id);
  await identity.services.secondFactor.confirmTotp(official.id, totpCode(secret, new Date(Date.now() - 30_000)), null);
  tokens.push((await signIn({ base: t.base, clientId: 'fuzz-portal', redirectUri: REDIRECT, personalId: citizen.personalId, password: citizen.password })).tokens.access_token);
  tokens.push((await signIn({ base: t.base, clientId: 'fuzz-portal', redirectUri: REDIRECT, personalId: admin.personalId, password: admin.password, totpSecret: secret, at: new Date(Date.now() + 30_000) })).tokens.access_token);
  routes = t.app.declaredRoutes
    // Protected routes, and public ones that write (registration, password recovery).
    .filter((route) => route.url.startsWith('/api/') && (route.access !== 'public' || route.method !== 'GET'))
    .map((route) => ({ method: route.method, path: route.url, params: [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '') }));
});
after(async () => t.close());

const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '-1', '1e308', 'NaN', "' or 1=1 --", '%00', '../../etc', '0190d3f0-0000-7000-8000-000000000000', 'H29', 'H29.15', '0101234567', '079203001234', 'email', 'sms', '2026-02-30', '123456'),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record({
    personalId: nasty, fullName: nasty, birthDate: nasty, sex: nasty, password: nasty, newPassword: nasty, initialPassword: nasty, code: nasty, enterpriseCode: nasty,
    agentPersonalId: nasty, email: nasty, phone: nasty, scope: fc.array(nasty, { maxLength: 3 }), validFrom: nasty, validUntil: nasty, roles: fc.array(fc.constantFrom('handler', 'leader', 'system_admin', 'x'), { maxLength: 3 }),
    unitCode: fc.oneof(fc.constant(null), nasty), challengeId: nasty, name: nasty, clientId: nasty, agencyCode: nasty, kind: nasty, response: fc.jsonValue({ maxDepth: 2 }),
  }, { requiredKeys: [] }),
);

describe('API robustness for signed-in callers', () => {
  it('finds the protected routes', () => assert.ok(routes.length >= 25, `found ${routes.length}`));

  it('answers arbitrary input on every protected route with a non-5xx problem (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(1), fc.array(nasty, { minLength: 3, maxLength: 3 }), body, async (pick, who, values, payload) => {
        const route = routes[pick % routes.length];
        assert.ok(route);
        let url = route.path;
        route.params.forEach((name, i) => (url = url.replace(`:${name}`, encodeURIComponent(values[i] ?? 'x') || 'x')));
        const response = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { authorization: `Bearer ${tokens[who] ?? ''}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        });
        assert.ok(response.statusCode < 500, `${route.method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        if (response.statusCode >= 400) assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      }),
      { numRuns: 500 },
    );
  });
});
