import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { vietnamDate, type Clock } from '../kernel/clock.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../modules/agencies/index.ts';
import type { createDossiersModule } from '../modules/dossiers/index.ts';
import { TEST_SERVICE_DEFINITION } from '../modules/dossiers/testing/fixtures.ts';
import type { createIdentityModule } from '../modules/identity/index.ts';
import { ensureTestClient, signedInActor } from '../modules/identity/testing/actors.ts';
import { syntheticResident } from '../modules/registries/index.ts';
import type { DataAccess } from '../modules/tracker/index.ts';
import type { createTrackerModule } from '../modules/tracker/index.ts';

// The data tracker shows each person exactly the reads of their data that happened (reliability plan
// §2.5: recall 1.0, precision 1.0): officials opening dossiers of several citizens and gateway calls
// (the recorder called directly, as the exchange module does) form the ground truth; every list is
// compared with it. Hidden entries appear on their release date, the table refuses edits, and nobody
// sees another person's entries.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
type TrackerService = ReturnType<typeof createTrackerModule>['service'];
type IdentityService = ReturnType<typeof createIdentityModule>['service'];
type Entry = { id: string; occurredAt: string; channel: string; agency: { code: string; name: string | null }; accessor: { kind: string; name: string }; data: string; service: string | null; purpose: string; reference: string | null };
type Page = { items: Entry[]; page: number; pageSize: number; total: number };

const WARD = 'H29.25747.01';
const POLICE = 'H29.15';
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let t: TestApp & { base: string };
let tracker: TrackerService;
const tokens: Record<string, string> = {};
const accounts: Record<string, string> = {};
const person = (n: number, label: string) => {
  const r = syntheticResident(n);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Tk7-${label}-pass-Qm4x-Vt` };
};
const citizens = { a: person(201, 'citizen-a'), b: person(202, 'citizen-b'), c: person(203, 'citizen-c') };
const officials = {
  receptionist: [person(211, 'reception'), { agencyCode: WARD, unitCode: null, roles: ['receptionist'] as const }],
  leader: [person(212, 'leader'), { agencyCode: WARD, unitCode: null, roles: ['leader'] as const }],
  elsewhere: [person(213, 'elsewhere'), { agencyCode: POLICE, unitCode: null, roles: ['receptionist'] as const }],
  auditorWard: [person(214, 'auditor-ward'), { agencyCode: WARD, unitCode: null, roles: ['auditor'] as const }],
  auditorPolice: [person(215, 'auditor-police'), { agencyCode: POLICE, unitCode: null, roles: ['auditor'] as const }],
} as const;
const codes: Record<string, string> = {};

/** What the harness did: one row per read of a person's data, as the citizen should see it. */
type Truth = { subject: string; channel: string; accessorKind: string; agencyCode: string; reference: string | null; purpose: string; hiddenUntil: string | null };
const truth: Truth[] = [];

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ? { authorization: `Bearer ${tokens[who] ?? ''}` } : {}, ...(payload ? { payload } : {}) });

async function openDossier(who: keyof typeof officials | keyof typeof citizens, code: string, expected = 200) {
  const response = await call(who, 'GET', `/api/v1/dossiers/${code}`);
  assert.equal(response.statusCode, expected, response.body);
}

const gatewayCall = (subject: string, over: Partial<DataAccess> = {}): DataAccess => ({
  subjectPersonalId: subject,
  channel: 'exchange',
  accessorKind: 'system',
  accessorId: 'VN/GOV/H29.15/cu-tru',
  accessorName: 'Hệ thống quản lý cư trú',
  agencyCode: POLICE,
  userId: 'can-bo-17',
  data: 'Nơi thường trú, quan hệ gia đình',
  service: 'population/person',
  purpose: 'Xác minh nơi cư trú',
  reference: null,
  occurredAt: clock.now(),
  hiddenUntil: null,
  ...over,
});

async function recordGateway(accesses: DataAccess[]) {
  await t.db.database.db.transaction((tx) => tracker.recorder.record(tx, accesses));
  for (const a of accesses) truth.push({ subject: a.subjectPersonalId, channel: a.channel, accessorKind: a.accessorKind, agencyCode: a.agencyCode, reference: a.reference, purpose: a.purpose, hiddenUntil: a.hiddenUntil });
}

const key = (e: { channel: string; accessorKind: string; agencyCode: string; reference: string | null; purpose: string }) => [e.channel, e.accessorKind, e.agencyCode, e.reference ?? '-', e.purpose].join('|');
const entryKey = (e: Entry) => key({ channel: e.channel, accessorKind: e.accessor.kind, agencyCode: e.agency.code, reference: e.reference, purpose: e.purpose });

async function listAll(who: string, query = ''): Promise<Page & { all: Entry[] }> {
  const all: Entry[] = [];
  let first: Page | undefined;
  for (let page = 1; ; page++) {
    const response = await call(who, 'GET', `/api/v1/me/data-accesses?pageSize=2&page=${page}${query}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<Page>();
    first ??= body;
    all.push(...body.items);
    if (body.items.length < 2) break;
  }
  return { ...first, all };
}

const dayFromNow = (days: number) => vietnamDate(new Date(clock.now().getTime() + days * 86_400_000));
const inTwoDays = () => dayFromNow(2);

before(async () => {
  t = await createListeningTestApp({ clock });
  tracker = moduleService<TrackerService>(t, 'tracker');
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<DossiersService>(t, 'dossiers');
  const identity = moduleService<IdentityService>(t, 'identity');
  await dossiers.repository.saveService({ id: '0190d3f0-0000-7000-8000-0000000000c1', agencyCode: WARD, procedureCode: '1.001193', definition: TEST_SERVICE_DEFINITION, enabled: true });
  for (const [name, who] of Object.entries(citizens)) {
    const signed = await signedInActor(t, who, { verify: true });
    tokens[name] = signed.token;
    accounts[name] = signed.accountId;
  }
  for (const [name, [who, post]] of Object.entries(officials)) {
    const signed = await signedInActor(t, who, { post: { ...post, roles: [...post.roles] } });
    tokens[name] = signed.token;
    accounts[name] = signed.accountId;
  }
  const file = async (who: keyof typeof citizens, label: string) => {
    const response = await call(who, 'POST', '/api/v1/dossiers', { agencyCode: WARD, procedureCode: '1.001193', formData: { childName: `Con của ${label}`, birthDate: '2026-11-01' } });
    assert.equal(response.statusCode, 201, response.body);
    codes[label] = response.json<{ code: string }>().code;
  };
  const system = await identity.registerClient({ clientId: 'tracker-ward-system', name: 'Ward system', agencyCode: WARD, kind: 'agency_system', permissions: ['dossiers:read'] });
  const clientToken = await fetch(`${t.base}/oidc/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`tracker-ward-system:${system.clientSecret ?? ''}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api',
  });
  tokens.system = ((await clientToken.json()) as { access_token: string }).access_token;
  await file('a', 'a1');
  await file('a', 'a2');
  await file('b', 'b1');
  await file('c', 'c1');
});
after(async () => t.close());

describe('the citizen sees exactly the reads of their data', () => {
  it('lists every official read and gateway call about the caller, and nothing else (recall 1.0, precision 1.0)', async () => {
    const read = async (who: keyof typeof officials, label: string, subject: keyof typeof citizens) => {
      await openDossier(who, codes[label] ?? '');
      truth.push({ subject: citizens[subject].personalId, channel: 'back_office', accessorKind: 'official', agencyCode: officials[who][1].agencyCode, reference: codes[label] ?? null, purpose: `Xử lý hồ sơ ${codes[label]}`, hiddenUntil: null });
    };
    await read('receptionist', 'a1', 'a');
    await read('receptionist', 'a1', 'a'); // each opening is a read
    await read('leader', 'a2', 'a');
    await read('receptionist', 'b1', 'b');
    await read('auditorWard', 'b1', 'b');
    // The dossier's audit log names its applicant: reading it is a read of their data too.
    const audit = await call('auditorWard', 'GET', `/api/v1/dossiers/${codes.b1}/audit`);
    assert.equal(audit.statusCode, 200, audit.body);
    truth.push({ subject: citizens.b.personalId, channel: 'back_office', accessorKind: 'official', agencyCode: officials.auditorWard[1].agencyCode, reference: codes.b1 ?? null, purpose: `Kiểm tra nhật ký xử lý hồ sơ ${codes.b1}`, hiddenUntil: null });
    // An agency's system reading through the API is a read too, by a system.
    const bySystem = await call('system', 'GET', `/api/v1/dossiers/${codes.b1}`);
    assert.equal(bySystem.statusCode, 200, bySystem.body);
    truth.push({ subject: citizens.b.personalId, channel: 'back_office', accessorKind: 'system', agencyCode: WARD, reference: codes.b1 ?? null, purpose: `Xử lý hồ sơ ${codes.b1}`, hiddenUntil: null });
    // Not reads of someone else's data: the applicant's own, and a refused one.
    await openDossier('a', codes.a1 ?? '');
    await openDossier('c', codes.c1 ?? '');
    await openDossier('elsewhere', codes.c1 ?? '', 404);
    await openDossier('b', codes.a1 ?? '', 404);
    const queue = await call('receptionist', 'GET', `/api/v1/agencies/${WARD}/dossiers?queue=to_receive`);
    assert.equal(queue.statusCode, 200);
    // Receiving is an action, not a read; the register (Mẫu 06) then lists C's ID: a read of C's data.
    const received = await call('receptionist', 'POST', `/api/v1/dossiers/${codes.c1}/actions/receive`, {});
    assert.equal(received.statusCode, 200, received.body);
    const register = await call('leader', 'GET', `/api/v1/agencies/${WARD}/register?from=${dayFromNow(-1)}&to=${dayFromNow(1)}`);
    assert.equal(register.statusCode, 200, register.body);
    assert.deepEqual(register.json<{ items: { code: string }[] }>().items.map((i) => i.code), [codes.c1]);
    truth.push({ subject: citizens.c.personalId, channel: 'back_office', accessorKind: 'official', agencyCode: WARD, reference: codes.c1 ?? null, purpose: 'Lập sổ theo dõi hồ sơ tiếp nhận (Mẫu 06)', hiddenUntil: null });
    // Gateway calls: one open, one hidden for an investigation, one about B.
    await recordGateway([gatewayCall(citizens.a.personalId), gatewayCall(citizens.a.personalId, { agencyCode: WARD, purpose: 'Điều tra vụ việc', hiddenUntil: inTwoDays(), reference: 'VV-2026-17' }), gatewayCall(citizens.b.personalId, { reference: 'HS-XAC-MINH' })]);

    for (const [name, who] of Object.entries(citizens)) {
      const expected = truth.filter((r) => r.subject === who.personalId && r.hiddenUntil === null).map(key).sort();
      const listed = await listAll(name);
      assert.deepEqual(listed.all.map(entryKey).sort(), expected, `${name}: the list is the ground truth`);
      assert.equal(listed.total, expected.length, `${name}: the total counts the visible entries only`);
      assert.equal(new Set(listed.all.map((e) => e.id)).size, listed.all.length, 'paging repeats no entry');
      const times = listed.all.map((e) => e.occurredAt);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    }
    // In the table itself: one row per read, each about the right person.
    const rows = await t.db.database.db.execute<{ subject: string; n: number }>(sql`select subject_personal_id as subject, count(*)::int as n from tracker.data_access group by 1`);
    const counts = Object.fromEntries(rows.map((r) => [r.subject, r.n]));
    const expectedCounts: Record<string, number> = {};
    for (const r of truth) expectedCounts[r.subject] = (expectedCounts[r.subject] ?? 0) + 1;
    assert.deepEqual(counts, expectedCounts);
  });

  it('gives each entry who, agency (with its name), when, what, why and the dossier, and no one’s identity or personal data', async () => {
    const { all } = await listAll('a');
    const official = all.find((e) => e.channel === 'back_office');
    assert.ok(official);
    assert.equal(official.accessor.kind, 'official');
    assert.match(official.accessor.name, /Cán bộ tiếp nhận|Lãnh đạo/);
    assert.equal(official.agency.code, WARD);
    assert.ok(official.agency.name && official.agency.name.length > 3, 'the agency is named');
    assert.ok([codes.a1, codes.a2].includes(official.reference ?? ''));
    assert.ok(official.data.length > 0 && official.purpose.startsWith('Xử lý hồ sơ'));
    const text = JSON.stringify(all);
    for (const who of [...Object.values(citizens), ...Object.values(officials).map(([p]) => p)]) {
      assert.ok(!text.includes(who.personalId), 'no personal ID in the entries');
      assert.ok(!text.includes(who.fullName), 'no one’s name in the entries');
    }
    assert.ok(!text.includes(accounts.receptionist ?? 'none'), "not the official's account");
    assert.ok(!text.includes('can-bo-17'), "not the client system's acting user");
    assert.ok(!text.includes('Con của'), 'not the form data read');
  });

  it('filters by period (Vietnam dates, both included)', async () => {
    // Around today rather than today: a run that crosses Vietnam's midnight stays right.
    assert.equal((await listAll('a', `&from=${dayFromNow(-1)}&to=${dayFromNow(1)}`)).total, 4);
    assert.equal((await listAll('a', `&from=${dayFromNow(1)}`)).total, 0);
    assert.equal((await listAll('a', `&to=2020-01-01`)).total, 0);
  });
});

describe('an access hidden for an investigation', () => {
  it('appears only on its release date, in the list and in the total', async () => {
    const subject = { kind: 'citizen', personalId: citizens.a.personalId };
    const query = { page: 1, pageSize: 50 };
    const isHidden = (page: { items: { purpose: string }[] }) => !page.items.some((e) => e.purpose === 'Điều tra vụ việc');
    try {
      const now = await tracker.mine(subject, query);
      assert.ok(isHidden(now));
      offsetMs = 86_400_000;
      const dayBefore = await tracker.mine(subject, query);
      assert.ok(isHidden(dayBefore), 'still hidden the day before');
      assert.equal(dayBefore.total, now.total);
      offsetMs = 2 * 86_400_000;
      const released = await tracker.mine(subject, query);
      assert.ok(!isHidden(released), 'shown on its date');
      assert.equal(released.total, now.total + 1);
    } finally {
      offsetMs = 0;
    }
  });

  it('is shown to the auditor of the agency that made it, hidden or not, and to no other agency’s auditor', async () => {
    const ward = await call('auditorWard', 'POST', '/api/v1/data-accesses/search', { subjectPersonalId: citizens.a.personalId });
    assert.equal(ward.statusCode, 200, ward.body);
    const wardEntries = ward.json<{ items: (Entry & { hiddenUntil: string | null; accessorId: string })[] }>().items;
    assert.ok(wardEntries.some((e) => e.hiddenUntil === inTwoDays()), 'the hidden one');
    assert.ok(wardEntries.every((e) => e.agency.code === WARD));
    assert.ok(wardEntries.some((e) => e.accessorId === accounts.receptionist), 'the auditor sees which account read');
    const police = await call('auditorPolice', 'POST', '/api/v1/data-accesses/search', { subjectPersonalId: citizens.a.personalId });
    assert.deepEqual(police.json<{ items: Entry[] }>().items.map((e) => e.agency.code), [POLICE]);
  });
});

describe('nobody edits or deletes an entry', () => {
  it('has no API to change entries', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      assert.equal((await call('leader', method, '/api/v1/me/data-accesses')).statusCode, 404);
    }
    const routes = t.app.declaredRoutes.filter((r) => r.url.includes('data-accesses'));
    assert.deepEqual(routes.map((r) => `${r.method} ${r.url}`).sort(), ['GET /api/v1/me/data-accesses', 'POST /api/v1/data-accesses/search']);
  });

  for (const [what, statement] of [
    ['UPDATE', sql`update tracker.data_access set purpose = 'sửa'`],
    ['DELETE', sql`delete from tracker.data_access`],
    ['TRUNCATE', sql`truncate tracker.data_access`],
  ] as const) {
    it(`refuses ${what} in the database`, async () => {
      const before = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tracker.data_access`);
      await assert.rejects(t.db.database.db.execute(statement), (error: Error & { cause?: { message?: string } }) => /append-only/.test(`${error.message} ${error.cause?.message ?? ''}`));
      const afterwards = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tracker.data_access`);
      assert.equal(afterwards[0]?.n, before[0]?.n);
    });
  }

  it('refuses an invalid entry as a programming error, and records nothing of the batch', async () => {
    const before = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tracker.data_access`);
    await assert.rejects(recordGateway([gatewayCall(citizens.c.personalId), gatewayCall('12345')]), /subjectPersonalId/);
    await assert.rejects(recordGateway([gatewayCall(citizens.c.personalId, { hiddenUntil: '2026-02-30' })]), /hiddenUntil/);
    const afterwards = await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from tracker.data_access`);
    assert.equal(afterwards[0]?.n, before[0]?.n);
  });
});

describe('who may see entries', () => {
  it('answers 401 without a token and 403 to an agency system', async () => {
    assert.equal((await call(null, 'GET', '/api/v1/me/data-accesses')).statusCode, 401);
    const system = await call('system', 'GET', '/api/v1/me/data-accesses');
    assert.equal(system.statusCode, 403);
    assert.equal(system.json<{ code: string }>().code, 'tracker.person_required');
  });

  it('shows an official only the reads of their own data, never those they made', async () => {
    const listed = await listAll('receptionist');
    assert.equal(listed.total, 0);
  });

  it('denies the auditor route to a citizen', async () => {
    const response = await call('a', 'POST', '/api/v1/data-accesses/search', { subjectPersonalId: citizens.b.personalId });
    assert.equal(response.statusCode, 403);
  });

  const bad: [string, string][] = [
    ['page 0', '?page=0'],
    ['pageSize above 100', '?pageSize=101'],
    ['an impossible date', '?from=2026-13-01'],
    ['text for a page', '?page=abc'],
    ['a date in year 1 (year 0 once moved to UTC)', '?from=0001-01-01'],
  ];
  for (const [label, query] of bad) {
    it(`answers 400 problem+json for ${label}`, async () => {
      const response = await call('a', 'GET', `/api/v1/me/data-accesses${query}`);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    });
  }

  it('answers 400 tracker.bad_period when the period ends before it starts', async () => {
    const response = await call('a', 'GET', '/api/v1/me/data-accesses?from=2026-05-02&to=2026-05-01');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code: string }>().code, 'tracker.bad_period');
  });
});
