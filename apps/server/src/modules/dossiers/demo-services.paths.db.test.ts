import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../kernel/clock.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../agencies/index.ts';
import type { createCalendarModule } from '../calendar/index.ts';
import { ensureTestClient, signedInActor } from '../identity/testing/actors.ts';
import { syntheticResident } from '../registries/index.ts';
import { dueAfterSupplement, dueFrom } from './domain/deadline.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES, type createDossiersModule } from './index.ts';
import { multipartBody, SMALL_PDF } from './testing/fixtures.ts';

// The five demo services through every path of the one-stop shop, over the API with real tokens:
// straight approval, supplement then approval (clock rule checked), refusal at reception, rejection
// after appraisal, reschedule (a second one and one on the due date refused), consultation,
// inter-agency transfer and return, withdrawal.

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
type CalendarService = ReturnType<typeof createCalendarModule>['service'];
let t: TestApp & { base: string };
const tokens = new Map<string, string>();
let n = 200;
const person = (label: string) => {
  const r = syntheticResident(n++);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: `Pt6-${label}-pass-Hw3q-Nz` };
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

before(async () => {
  t = await createListeningTestApp();
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<DossiersService>(t, 'dossiers');
  for (const definition of DEMO_SERVICES) await dossiers.enableService('platform', definition);
  tokens.set('applicant', (await signedInActor(t, person('applicant'), { verify: true })).token);
  const posts = new Map<string, { agencyCode: string; unitCode: string | null; roles: ('receptionist' | 'handler' | 'leader')[] }>();
  for (const service of DEMO_SERVICES) {
    posts.set(`receptionist@${service.agencyCode}`, { agencyCode: service.agencyCode, unitCode: null, roles: ['receptionist'] });
    const unit = service.handlingUnitCode.startsWith(`${service.competentAgencyCode}.`) ? service.handlingUnitCode : null;
    posts.set(`handler@${service.competentAgencyCode}`, { agencyCode: service.competentAgencyCode, unitCode: unit, roles: ['handler'] });
    posts.set(`leader@${service.competentAgencyCode}`, { agencyCode: service.competentAgencyCode, unitCode: null, roles: ['leader'] });
  }
  // The units and agencies each service consults and transfers to, with a handler there to answer.
  for (const service of DEMO_SERVICES) {
    const { consult, transfer } = legTargets(service);
    posts.set(`handler@${consult.agencyCode}/${consult.unitCode ?? ''}`, { agencyCode: consult.agencyCode, unitCode: consult.unitCode, roles: ['handler'] });
    posts.set(`handler@${transfer.agencyCode}/`, { agencyCode: transfer.agencyCode, unitCode: null, roles: ['handler'] });
  }
  for (const [name, post] of posts) tokens.set(name, (await signedInActor(t, person(name.split('@')[0] ?? 'official'), { post })).token);
});

/** A consultation goes to another unit or agency, a transfer to another agency (not the competent one). */
function legTargets(service: Service): { consult: { agencyCode: string; unitCode: string | null }; transfer: { agencyCode: string; unitCode: null } } {
  if (service.competentAgencyCode === 'H29.25747') return { consult: { agencyCode: 'H29.25747', unitCode: 'H29.25747.02' }, transfer: { agencyCode: 'G01.79.25747', unitCode: null } };
  if (service.competentAgencyCode === 'G01.79.25747') return { consult: { agencyCode: 'H29.25747', unitCode: 'H29.25747.02' }, transfer: { agencyCode: 'H29.25747', unitCode: null } };
  return { consult: { agencyCode: 'H29.25747', unitCode: null }, transfer: { agencyCode: 'H29', unitCode: null } };
}
after(async () => t.close());

type Service = (typeof DEMO_SERVICES)[number];
type View = { code: string; state: string; nationalStatus: number; dueDate: string; reschedules?: number };

function filing(service: Service) {
  const files = service.documents
    .filter((document) => document.requirement === 'mandatory')
    .map((document) => ({ field: document.code, name: `${document.code}.bin`, bytes: document.accepted.includes('pdf') ? SMALL_PDF : PNG }));
  return multipartBody({ agencyCode: service.agencyCode, procedureCode: service.procedureCode, formData: DEMO_FORM_SAMPLES[service.procedureCode] }, files);
}

async function file(service: Service): Promise<View> {
  const body = filing(service);
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${tokens.get('applicant') ?? ''}`, 'content-type': body.contentType }, payload: body.payload });
  assert.equal(response.statusCode, 201, `${service.procedureCode}: ${response.body}`);
  return response.json<View>();
}

/** The token of a role for a service (`receptionist`, `handler`, `leader`, `applicant`), or a token's own name. */
function tokenName(service: Service, role: string): string {
  if (role === 'applicant' || role.includes('@')) return role;
  return role === 'receptionist' ? `receptionist@${service.agencyCode}` : `${role}@${service.competentAgencyCode}`;
}

/** Files a dossier of the service, then runs the steps: [who, action, body?, expected status?]. */
async function walk(service: Service, steps: [string, string, object?, number?][]): Promise<View> {
  const filed = await file(service);
  return (await walkOn(filed.code, steps.map(([role, ...rest]) => [tokenName(service, role), ...rest]))) ?? filed;
}

/** Continues a path on a filed dossier; each step names its token (attach_result uploads the result PDF). */
async function walkOn(code: string, steps: [string, string, object?, number?][]): Promise<View | undefined> {
  let view: View | undefined;
  for (const [name, action, body = {}, status = 200] of steps) {
    const authorization = `Bearer ${tokens.get(name) ?? ''}`;
    if (action === 'attach_result') {
      const upload = multipartBody(null, [{ field: 'result', name: 'ket-qua.pdf', bytes: SMALL_PDF }]);
      const response = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${code}/result`, headers: { authorization, 'content-type': upload.contentType }, payload: upload.payload });
      assert.equal(response.statusCode, status, `${code} attach_result by ${name}: ${response.body}`);
      continue;
    }
    const decision = action === 'approve' || action === 'reject';
    const response = await t.app.inject({ method: 'POST', url: decision ? `/api/v1/dossiers/${code}/decision` : `/api/v1/dossiers/${code}/actions/${action}`, headers: { authorization }, payload: decision ? { decision: action, ...body } : body });
    assert.equal(response.statusCode, status, `${code} ${action} by ${name}: ${response.body}`);
    if (status === 200) view = response.json<View>();
  }
  return view;
}

const approveAndReturn: [string, string, object?][] = [['handler', 'propose'], ['handler', 'attach_result'], ['leader', 'approve'], ['receptionist', 'return_result']];

for (const service of DEMO_SERVICES) {
  describe(`${service.procedureCode} ${service.name.slice(0, 60)}`, () => {
    it('straight approval', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ...approveAndReturn]);
      assert.equal(end.nationalStatus, 10);
      // Each unit's time against its allotment (Circular 01/2018 Art. 13, indicator 2): all four phases, finished.
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${end.code}`, headers: { authorization: `Bearer ${tokens.get(`receptionist@${service.agencyCode}`) ?? ''}` } });
      const phases = read.json<{ phases: { phase: string; finished: boolean; verdict: string | null; allottedHours: number }[] }>().phases;
      assert.deepEqual(phases.map((p) => [p.phase, p.finished]), [['reception', true], ['handling', true], ['approval', true], ['result', true]]);
      assert.ok(phases.every((p) => p.verdict !== null && p.allottedHours >= 0));
      // Circular 01/2018 per-dossier indicators: decided early (same day), no supplement, returned.
      const indicators = read.json<{ indicators: Record<string, number | null> }>().indicators;
      assert.deepEqual([indicators['1'], indicators['3'], indicators['6']], [2, 2, 2]);
      assert.ok(indicators['7'] !== null && indicators['4'] !== null);
    });

    it(`supplement during processing, then approval (clock rule: ${service.clockRule})`, async () => {
      const waiting = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'request_supplement', { reason: 'Bản chụp giấy tờ bị mờ, đề nghị nộp lại bản rõ nét' }]]);
      assert.equal(waiting.nationalStatus, 5);
      const before = waiting.dueDate;
      const supplemented = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${waiting.code}/actions/supplement`, headers: { authorization: `Bearer ${tokens.get('applicant') ?? ''}` }, payload: {} });
      assert.equal(supplemented.statusCode, 200, supplemented.body);
      const after = supplemented.json<View>();
      assert.equal(after.state, 'handling');
      const calendar = moduleService<CalendarService>(t, 'calendar').calendar();
      const today = vietnamDate(new Date());
      const limit = { workingDays: service.timeLimit.workingDays, cutoff: service.timeLimit.cutoff, channel: 'online' as const };
      const expected = dueAfterSupplement(calendar, service.clockRule, { dueDate: before }, today, new Date().toISOString(), limit);
      assert.equal(after.dueDate, expected.dueDate, 'the due date follows the service’s clock rule');
      if (service.clockRule === 'restart') assert.equal(after.dueDate, dueFrom(calendar, new Date().toISOString(), limit).dueDate);
      const again = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${waiting.code}/actions/request_supplement`, headers: { authorization: `Bearer ${tokens.get(`handler@${service.competentAgencyCode}`) ?? ''}` }, payload: { reason: 'Lần hai' } });
      assert.equal(again.statusCode, 409, 'a supplement is asked once, completely');
    });

    it('refusal at reception', async () => {
      const end = await walk(service, [['receptionist', 'refuse', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan' }]]);
      assert.equal(end.nationalStatus, 3);
    });

    it('rejection after appraisal, result returned', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'propose'], ['leader', 'reject', { reason: 'Không đủ điều kiện theo quy định' }], ['receptionist', 'return_result']]);
      assert.equal(end.state, 'result_returned');
    });

    it('reschedule once; a second one, and one on the due date, refused', async () => {
      const started = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward']]);
      const calendar = moduleService<CalendarService>(t, 'calendar').calendar();
      const later = calendar.addWorkingDays(started.dueDate, 3);
      const reason = { reason: 'Cần xác minh thêm thông tin với cơ quan liên quan' };
      const first = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${started.code}/actions/reschedule`, headers: { authorization: `Bearer ${tokens.get(`handler@${service.competentAgencyCode}`) ?? ''}` }, payload: { ...reason, newDueDate: later } });
      if (calendar.workingDaysBetween(vietnamDate(new Date()), started.dueDate) >= 1) {
        assert.equal(first.statusCode, 200, first.body);
        assert.equal(first.json<View>().dueDate, later);
        const second = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${started.code}/actions/reschedule`, headers: { authorization: `Bearer ${tokens.get(`leader@${service.competentAgencyCode}`) ?? ''}` }, payload: { ...reason, newDueDate: calendar.addWorkingDays(later, 2) } });
        assert.equal(second.statusCode, 409);
      } else {
        assert.equal(first.statusCode, 422, 'a same-day service is due today: too late to reschedule');
      }
      const onDueDate = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward']]);
      await t.db.database.db.execute(sql`update dossiers.dossier set due_date = ${vietnamDate(new Date())} where code = ${onDueDate.code}`);
      const tooLate = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${onDueDate.code}/actions/reschedule`, headers: { authorization: `Bearer ${tokens.get(`handler@${service.competentAgencyCode}`) ?? ''}` }, payload: { ...reason, newDueDate: later } });
      assert.equal(tooLate.statusCode, 422);
      assert.equal(tooLate.json<{ code: string }>().code, 'dossiers.reschedule_too_late');
    });

    it('consultation with its own deadline, answered by the consulted unit; its time is its own', async () => {
      const { consult } = legTargets(service);
      const consulted = `handler@${consult.agencyCode}/${consult.unitCode ?? ''}`;
      const request = { reason: 'Xin ý kiến về hiện trạng, hạn 02 ngày làm việc', targets: [{ ...consult, workingDays: 2 }] };
      const asking = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'consult', request]]);
      assert.equal(asking.state, 'consulting');
      // The lead cannot answer its own question; the consulted unit finds it in its queue and answers.
      await walkOn(asking.code, [[tokenName(service, 'handler'), 'answer_consultation', { reason: 'Tự trả lời' }, 403]]);
      const inbox = await t.app.inject({ method: 'GET', url: `/api/v1/agencies/${consult.agencyCode}/dossiers?queue=to_answer&limit=100`, headers: { authorization: `Bearer ${tokens.get(consulted) ?? ''}` } });
      assert.equal(inbox.statusCode, 200, inbox.body);
      const item = inbox.json<{ items: { code: string; leg?: { kind: string } }[] }>().items.find((i) => i.code === asking.code);
      assert.equal(item?.leg?.kind, 'consultation');
      await walkOn(asking.code, [[consulted, 'answer_consultation', { reason: 'Đồng ý, đủ điều kiện' }], ...approveAndReturn.map(([role, ...rest]): [string, string, object?] => [tokenName(service, role), ...rest])]);
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${asking.code}`, headers: { authorization: `Bearer ${tokens.get(consulted) ?? ''}` } });
      assert.equal(read.statusCode, 200, 'the consulted unit can read what it was asked about');
      const body = read.json<{ nationalStatus: number; legs: { kind: string; status: string; allottedHours: number; verdict: string | null; answer: string }[] }>();
      assert.equal(body.nationalStatus, 10);
      assert.deepEqual(body.legs.map((l) => [l.kind, l.status, l.allottedHours, l.answer]), [['consultation', 'answered', 16, 'Đồng ý, đủ điều kiện']]);
      assert.ok(body.legs[0]?.verdict === 'early' || body.legs[0]?.verdict === 'on_time');
    });

    it('inter-agency transfer and return: one code, the other agency’s time on its leg', async () => {
      const { transfer } = legTargets(service);
      const other = `handler@${transfer.agencyCode}/`;
      const sent = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'transfer', { reason: 'Chuyển cơ quan phối hợp giải quyết liên thông', targets: [{ agencyCode: transfer.agencyCode, workingHours: 8 }] }]]);
      assert.equal(sent.state, 'transferred');
      await walkOn(sent.code, [[other, 'return_transfer', { reason: 'Đã xác nhận thông tin, chuyển trả' }]]);
      const end = await walkOn(sent.code, approveAndReturn.map(([role, ...rest]): [string, string, object?] => [tokenName(service, role), ...rest]));
      assert.equal(end?.nationalStatus, 10);
      assert.equal(end?.code, sent.code);
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${sent.code}`, headers: { authorization: `Bearer ${tokens.get(`handler@${service.competentAgencyCode}`) ?? ''}` } });
      const legs = read.json<{ legs: { kind: string; toAgencyCode: string; status: string }[] }>().legs;
      assert.deepEqual(legs.map((l) => [l.kind, l.toAgencyCode, l.status]), [['transfer', transfer.agencyCode, 'answered']]);
    });

    it('withdrawal by the applicant', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['applicant', 'withdraw']]);
      assert.equal(end.nationalStatus, 7);
    });
  });
}

describe('statistics over the paths above (Circular 01/2018; each dossier counted once)', () => {
  const today = vietnamDate(new Date());
  const statistics = async (token: string, agencyCode: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/agencies/${agencyCode}/statistics?from=${today}&to=${today}`, headers: { authorization: `Bearer ${tokens.get(token) ?? ''}` } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ received: { total: number; online: number }; decided: { total: number; early: number; onTime: number; late: number }; legs: { consultation: { answered: number }; transfer: { answered: number } }; indicators: { dossiers: number; averages: Record<string, number | null> } }>();
  };

  it('counts each dossier for its receiving agency only; what other agencies did shows as their legs', async () => {
    const receiving = [...new Set(DEMO_SERVICES.map((s) => s.agencyCode))];
    const perAgency = await Promise.all(receiving.map((code) => statistics(`receptionist@${code}`, code)));
    const [row] = await t.db.database.db.execute<{ received: number }>(sql`select count(*)::int as received from dossiers.dossier where received_at is not null`);
    assert.equal(perAgency.reduce((sum, s) => sum + s.received.total, 0), row?.received, 'the agencies’ totals add up to the dossiers, none twice');
    const police = await statistics('handler@G01.79.25747/', 'G01.79.25747');
    assert.equal(police.received.total, 0, 'the police received no dossier of these services themselves');
    assert.ok(police.legs.transfer.answered >= 1, 'their liên thông work is counted as legs');
    for (const s of perAgency) {
      assert.equal(s.decided.early + s.decided.onTime + s.decided.late, s.decided.total);
      assert.equal(s.indicators.dossiers, s.decided.total, 'every decided dossier is scored');
      for (const average of Object.values(s.indicators.averages)) assert.ok(average === null || (average >= 0 && average <= 2));
    }
  });
});

describe('parallel consultation', () => {
  it('waits for every consulted unit; a second answer from the same one, sent at the same time, is refused', async () => {
    const service = DEMO_SERVICES.find((s) => s.competentAgencyCode === 'H29.25747') ?? assert.fail('no ward service');
    const targets = [{ agencyCode: 'H29.25747', unitCode: 'H29.25747.02', workingDays: 2 }, { agencyCode: 'G01.79.25747', workingHours: 4 }];
    const asking = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'consult', { reason: 'Xin ý kiến hai nơi', targets }]]);
    const answer = () => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${asking.code}/actions/answer_consultation`, headers: { authorization: `Bearer ${tokens.get('handler@H29.25747/H29.25747.02') ?? ''}` }, payload: { reason: 'Đồng ý' } });
    const [first, second] = await Promise.all([answer(), answer()]);
    // The loser is refused: under the row lock (409) or, if it came after, as no longer asked (403).
    const codes = [first.statusCode, second.statusCode].sort();
    assert.ok(codes[0] === 200 && (codes[1] === 409 || codes[1] === 403), String(codes));
    const still = (first.statusCode === 200 ? first : second).json<View>();
    assert.equal(still.state, 'consulting', 'the police have not answered yet');
    const last = await walkOn(asking.code, [['handler@G01.79.25747/', 'answer_consultation', { reason: 'Không có ý kiến khác' }]]);
    assert.equal(last?.state, 'handling');
  });
});
