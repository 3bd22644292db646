import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createListeningTestApp, moduleService, type TestApp } from '../kernel/testing/test-app.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from '../modules/agencies/index.ts';
import { DEMO_SERVICES, type createDossiersModule } from '../modules/dossiers/index.ts';
import type { createExchangeModule } from '../modules/exchange/index.ts';
import { ensureTestClient, signedInActor } from '../modules/identity/testing/actors.ts';
import { syntheticResident } from '../modules/registries/index.ts';
import { grantDemoRegistryAccess, PLATFORM_CALLER } from './one-stop-exchange.ts';

// Once-only across modules: a level-2 citizen starting a birth registration gets the declarant's
// name and personal ID from the population registry, through the exchange gateway as the ward's
// one-stop shop, with the purpose "dossier <draft id>"; the read is in the message log and in the
// citizen's data tracker. Nothing is read for a level-1 account, and a registry the shop may not read
// leaves the fields empty and says so.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
type ExchangeService = ReturnType<typeof createExchangeModule>['service'];
type Draft = { id: string; formData: Record<string, Record<string, unknown>>; prefill: { fields: { pointer: string; service: string; source: { vi: string } }[]; unavailable: { service: string }[] } | null };

const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193');
const POPULATION = BIRTH?.prefill[0]?.service ?? '';
let t: TestApp & { base: string };
let exchange: ExchangeService;
const resident = syntheticResident(4321);
const levelOne = syntheticResident(4322);
const tokens = new Map<string, string>();

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<DossiersService>(t, 'dossiers');
  for (const definition of DEMO_SERVICES) await dossiers.enableService('platform', definition);
  exchange = moduleService<ExchangeService>(t, 'exchange');
  assert.equal(await grantDemoRegistryAccess(exchange, async (code) => DEMO_AGENCIES.find((a) => a.code === code)?.name, DEMO_SERVICES), 1, 'one form reads one registry service');
  const person = (r: typeof resident, label: string) => ({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Oo6-${label}-pass-Rt5y-Hq` });
  tokens.set('level2', (await signedInActor(t, person(resident, 'two'), { verify: true })).token);
  tokens.set('level1', (await signedInActor(t, person(levelOne, 'one'))).token);
});
after(async () => t.close());

async function startDraft(who: string): Promise<Draft> {
  assert.ok(BIRTH);
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: { authorization: `Bearer ${tokens.get(who) ?? ''}` }, payload: { agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: {} } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<Draft>();
}

describe('once-only prefill through the exchange gateway', () => {
  it('fills the declarant from the population registry and marks where each value came from', async () => {
    const draft = await startDraft('level2');
    assert.equal(draft.formData.declarant?.fullName, resident.fullName);
    assert.equal(draft.formData.declarant?.personalId, resident.personalId);
    assert.deepEqual(draft.prefill?.fields.map((f) => f.pointer).sort(), ['/declarant/fullName', '/declarant/personalId']);
    assert.ok(draft.prefill?.fields.every((f) => f.service === POPULATION && f.source.vi === 'Cơ sở dữ liệu quốc gia về dân cư'));
    assert.deepEqual(draft.prefill?.unavailable, []);
    // A reload of the draft says the same.
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${draft.id}`, headers: { authorization: `Bearer ${tokens.get('level2') ?? ''}` } });
    assert.deepEqual(again.json<Draft>().prefill, draft.prefill);

    // The gateway logged the call as the ward centre's one-stop shop, with the purpose.
    const logged = await t.db.database.db.execute<{ client: string; service: string; status: number; purpose: string | null }>(sql`select * from exchange.message_log where service = ${POPULATION} order by seq desc limit 1`);
    assert.equal(logged[0]?.client, `VN/GOV/${BIRTH?.agencyCode ?? ''}/mot-cua`);
    assert.equal(logged[0]?.status, 200);

    // The citizen sees the read in their data tracker: the agency, the purpose, the dossier.
    const tracked = await t.app.inject({ method: 'GET', url: '/api/v1/me/data-accesses', headers: { authorization: `Bearer ${tokens.get('level2') ?? ''}` } });
    assert.equal(tracked.statusCode, 200, tracked.body);
    const entries = tracked.json<{ items: { channel: string; purpose: string; agency: { code: string; name: string | null } }[] }>().items.filter((e) => e.purpose === `dossier ${draft.id}`);
    assert.equal(entries.length, 1, tracked.body);
    assert.equal(entries[0]?.channel, 'exchange');
    assert.equal(entries[0]?.agency.code, BIRTH?.agencyCode);
    assert.ok(entries[0]?.agency.name, 'the agency is named');
  });

  it('granting the demo rights again (every start) changes and records nothing', async () => {
    const audits = async () => Number((await t.db.database.db.execute<{ n: string }>(sql`select count(*) as n from exchange.admin_audit`))[0]?.n ?? 0);
    const before = await audits();
    await grantDemoRegistryAccess(exchange, async (code) => DEMO_AGENCIES.find((a) => a.code === code)?.name, DEMO_SERVICES);
    assert.equal(await audits(), before);
  });

  it('never overwrites what the person already typed', async () => {
    assert.ok(BIRTH);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: { authorization: `Bearer ${tokens.get('level2') ?? ''}` }, payload: { agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: { declarant: { fullName: 'Tên Tự Gõ' } } } });
    const draft = response.json<Draft>();
    assert.equal(draft.formData.declarant?.fullName, 'Tên Tự Gõ');
    assert.equal(draft.formData.declarant?.personalId, resident.personalId);
  });

  it('reads nothing for an account at level 1 (identity not proven)', async () => {
    const before = await t.db.database.db.execute<{ n: string }>(sql`select count(*) as n from exchange.message_log where service = ${POPULATION}`);
    const draft = await startDraft('level1');
    assert.equal(draft.prefill, null);
    assert.deepEqual(draft.formData, {});
    const after = await t.db.database.db.execute<{ n: string }>(sql`select count(*) as n from exchange.message_log where service = ${POPULATION}`);
    assert.equal(after[0]?.n, before[0]?.n);
  });

  it('without the access right the gateway refuses, the fields stay empty and the draft says so', async () => {
    assert.ok(BIRTH);
    await exchange.administration.revoke(PLATFORM_CALLER, { client: `VN/GOV/${BIRTH.agencyCode}/mot-cua`, service: POPULATION });
    const draft = await startDraft('level2');
    assert.deepEqual(draft.prefill?.fields, []);
    assert.deepEqual(draft.prefill?.unavailable.map((u) => u.service), [POPULATION]);
    assert.equal(draft.formData.declarant, undefined);
    const refused = await t.db.database.db.execute<{ status: number }>(sql`select status from exchange.message_log where service = ${POPULATION} order by seq desc limit 1`);
    assert.equal(refused[0]?.status, 403, 'the refusal is logged too');
  });
});
