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
  for (const [name, post] of posts) tokens.set(name, (await signedInActor(t, person(name.split('@')[0] ?? 'official'), { post })).token);
});
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

/** Runs one path; each step is [who, action, body?, expected status?]. */
async function walk(service: Service, steps: [string, string, object?, number?][]): Promise<View> {
  let view = await file(service);
  const who = (role: string) => {
    if (role === 'applicant') return 'applicant';
    return role === 'receptionist' ? `receptionist@${service.agencyCode}` : `${role}@${service.competentAgencyCode}`;
  };
  for (const [role, action, body = {}, status = 200] of steps) {
    const url = action === 'approve' || action === 'reject' ? `/api/v1/dossiers/${view.code}/decision` : `/api/v1/dossiers/${view.code}/actions/${action}`;
    const payload = action === 'approve' || action === 'reject' ? { decision: action, ...body } : body;
    const response = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens.get(who(role)) ?? ''}` }, payload });
    assert.equal(response.statusCode, status, `${service.procedureCode} ${action} by ${role}: ${response.body}`);
    if (status === 200) view = response.json<View>();
  }
  return view;
}

const approveAndReturn: [string, string, object?][] = [['handler', 'propose'], ['leader', 'approve'], ['receptionist', 'return_result']];

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

    it('consultation', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'consult', { reason: 'Xin ý kiến đơn vị liên quan, hạn 02 ngày làm việc' }], ['handler', 'answer_consultation'], ...approveAndReturn]);
      assert.equal(end.nationalStatus, 10);
    });

    it('inter-agency transfer and return', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['receptionist', 'forward'], ['handler', 'transfer', { reason: 'Chuyển cơ quan phối hợp giải quyết liên thông' }], ['handler', 'return_transfer'], ...approveAndReturn]);
      assert.equal(end.nationalStatus, 10);
    });

    it('withdrawal by the applicant', async () => {
      const end = await walk(service, [['receptionist', 'receive'], ['applicant', 'withdraw']]);
      assert.equal(end.nationalStatus, 7);
    });
  });
}
