import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import type { createDossiersModule } from './index.ts';
import { TEST_SERVICE_DEFINITION } from './testing/fixtures.ts';

// Officials' queues: what each lists, keyset paging, overdue dossiers; the applicant's own list.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
let t: TestApp & { base: string };
const tokens: Record<string, string> = {};
const person = (n: number, label: string) => {
  const r = syntheticResident(n);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Qu5-${label}-pass-Zx8w-Lp` };
};
const codes: string[] = [];

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  await moduleService<DossiersService>(t, 'dossiers').repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000c1', agencyCode: 'H29.15', procedureCode: '1.001193', definition: TEST_SERVICE_DEFINITION, enabled: true });
  tokens.applicant = (await signedInActor(t, person(35, 'applicant'), { verify: true })).token;
  tokens.receptionist = (await signedInActor(t, person(45, 'reception'), { post: { agencyCode: 'H29.15', unitCode: null, roles: ['receptionist'] } })).token;
  for (let i = 0; i < 3; i++) {
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.applicant ?? ''}` }, payload: { agencyCode: 'H29.15', procedureCode: '1.001193', formData: { childName: `Trẻ số ${i + 1}`, birthDate: '2026-11-01' } } });
    codes.push(filed.json<{ code: string }>().code);
  }
});
after(async () => t.close());

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who] ?? ''}` } });
type Page = { items: { code: string; overdue: boolean }[]; nextCursor: string | null };

describe('officials’ queues', () => {
  it('pages through the dossiers to receive, in due order, without repeats', async () => {
    const response = await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&limit=2');
    assert.equal(response.statusCode, 200, response.body);
    const first = response.json<Page>();
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const next = await get('receptionist', `/api/v1/agencies/H29.15/dossiers?queue=to_receive&limit=2&after=${first.nextCursor ?? ''}`);
    assert.equal(next.statusCode, 200, next.body);
    const second = next.json<Page>();
    assert.equal(second.items.length, 1);
    assert.equal(second.nextCursor, null);
    assert.deepEqual([...first.items, ...second.items].map((i) => i.code).sort(), [...codes].sort());
  });

  it('lists received dossiers as overdue once their due time has passed', async () => {
    await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${codes[0] ?? ''}/actions/receive`, headers: { authorization: `Bearer ${tokens.receptionist ?? ''}` }, payload: {} });
    const nowResponse = await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=overdue');
    assert.equal(nowResponse.statusCode, 200, nowResponse.body);
    const now = nowResponse.json<Page>();
    assert.deepEqual(now.items, []);
    // Its due time passes (the data, not the clock: tokens would expire with a clock a month ahead).
    await t.db.database.db.execute(sql`update dossiers.dossier set due_at = now() - interval '1 hour' where code = ${codes[0] ?? ''}`);
    const later = (await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=overdue')).json<Page>();
    assert.deepEqual(later.items.map((i) => [i.code, i.overdue]), [[codes[0], true]]);
  });

  it('counts each queue, as the tabs show them', async () => {
    const response = await get('receptionist', '/api/v1/agencies/H29.15/dossier-counts');
    assert.equal(response.statusCode, 200, response.body);
    const counts = response.json<Record<string, number>>();
    const page = (await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&limit=100')).json<Page>();
    assert.equal(counts.to_receive, page.items.length);
    assert.deepEqual(Object.keys(counts).sort(), ['overdue', 'soon_due', 'to_answer', 'to_approve', 'to_handle', 'to_receive', 'to_return']);
    assert.equal((await get('applicant', '/api/v1/agencies/H29.15/dossier-counts')).statusCode, 403);
  });

  it('filters a queue by procedure', async () => {
    const same = (await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&procedure=1.001193&limit=100')).json<Page>();
    const all = (await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&limit=100')).json<Page>();
    assert.deepEqual(same.items.map((i) => i.code), all.items.map((i) => i.code));
    const other = (await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&procedure=1.000656&limit=100')).json<Page>();
    assert.deepEqual(other.items, []);
    const bad = await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&procedure=not%20a%20code');
    assert.equal(bad.statusCode, 400);
  });

  it('refuses a forged cursor with 400', async () => {
    const response = await get('receptionist', '/api/v1/agencies/H29.15/dossiers?queue=to_receive&after=bm90LWEtY3Vyc29y');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code: string }>().code, 'dossiers.bad_cursor');
  });

  it('gives the applicant their dossiers', async () => {
    const mine = (await get('applicant', '/api/v1/me/dossiers')).json<{ code: string }[]>();
    assert.deepEqual(mine.map((d) => d.code).sort(), [...codes].sort());
  });

  it('keeps the register of dossiers received in a period (Mẫu 06)', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const response = await get('receptionist', `/api/v1/agencies/H29.15/register?from=${today}&to=${today}`);
    assert.equal(response.statusCode, 200, response.body);
    const register = response.json<{ items: { code: string; state: string; receivedAt: string }[] }>();
    assert.deepEqual(register.items.map((i) => i.code), [codes[0]], 'only received dossiers are registered');
    const earlier = (await get('receptionist', '/api/v1/agencies/H29.15/register?from=2020-01-01&to=2020-12-31')).json<{ items: unknown[] }>();
    assert.deepEqual(earlier.items, []);
    assert.equal((await get('receptionist', `/api/v1/agencies/H29.15/register?from=${today}&to=2020-01-01`)).statusCode, 400);
  });
});
