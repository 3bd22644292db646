import { vietnamDate } from '../../kernel/clock.ts';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { decide, type ApiCaller } from '../identity/index.ts';
import { createDossierCore, dossierNotFound, REFUSALS, RESULT_STATES, snapshotOf, type DossiersDeps } from './dossier-core.ts';
import { createDossierReads } from './dossier-reads.ts';
import { createDossierStatistics, dossierFacts } from './dossier-statistics.ts';
import { canonicalJson, type AuditEntry } from './domain/audit-chain.ts';
import { checkAttachment } from './domain/attachments.ts';
import { checkReschedule, dueAfterSupplement, dueFrom, punctuality } from './domain/deadline.ts';
import { scoreDossier } from './domain/indicators.ts';
import { legTimes } from './domain/leg-times.ts';
import { transition, type ActionName } from './domain/lifecycle.ts';
import { phaseTimes } from './domain/phase-times.ts';
import type { DossierRow, LegRow, NewLeg } from './dossiers.repository.ts';
import { createDataStore } from './data-store.ts';
import { createDataStoreRepository } from './data-store.repository.ts';
import { checkFile, createFiling, type SubmittedFile } from './filing.ts';
import { recordBackOfficeRead } from './back-office-reads.ts';
import { checkServiceDefinition, type ServiceDefinition } from './services/service-definition.ts';

export type { DossiersDeps } from './dossier-core.ts';
export type { SubmittedFile, SubmitInput } from './filing.ts';
export { QUEUES, type QueueName } from './dossier-reads.ts';

/** Where a consultation or transfer goes, and the time it is given (working days or hours). */
export type LegTarget = { agencyCode: string; unitCode?: string | null | undefined; workingDays?: number | undefined; workingHours?: number | undefined };
export type Delivery = 'electronic' | 'pickup' | 'post';
export type ActionInput = {
  reason?: string | null;
  newDueDate?: string | null;
  targets?: readonly LegTarget[] | undefined;
  handlerId?: string | null;
  delivery?: readonly Delivery[] | undefined;
  /** supplement: the documents asked for (each checked as at filing). */
  files?: readonly SubmittedFile[] | undefined;
};

/** A leg is given at most 60 working days; hours are office hours (8 a day). */
const MAX_LEG_HOURS = 60 * 8;
/** The result file the agency issues (an electronic result, signed in a later step). */
const RESULT_RULES = { maxBytes: 20 * 1024 * 1024, accepted: ['pdf'] as const };

const badTarget = (target: string) =>
  new DomainError('invalid', 'dossiers.bad_leg_target', { vi: 'Cơ quan, đơn vị được xin ý kiến hoặc chuyển liên thông không hợp lệ.', en: 'The agency or unit consulted or transferred to is not valid.' }, { target });

export function createDossiersService(deps: DossiersDeps) {
  const core = createDossierCore(deps);
  const { repository } = core;

  /** Checks the targets of a consultation or transfer and gives each its deadline from now. */
  async function plannedLegs(kind: LegRow['kind'], row: DossierRow, targets: readonly LegTarget[], request: string, now: Date): Promise<NewLeg[]> {
    const lead = row.handlingAgencyCode ?? row.agencyCode;
    const calendar = deps.calendar();
    const seen = new Set<string>();
    const legs: NewLeg[] = [];
    for (const target of targets) {
      const unitCode = target.unitCode ?? null;
      const where = `${target.agencyCode}/${unitCode ?? ''}`;
      if (seen.has(where) || !(await deps.agencyExists(target.agencyCode))) throw badTarget(where);
      if (unitCode && (!unitCode.startsWith(`${target.agencyCode}.`) || !(await deps.agencyExists(unitCode)))) throw badTarget(where);
      // Liên thông goes to another agency (Art. 19.6–19.7); an opinion may come from a unit of one's own.
      if (kind === 'transfer' && target.agencyCode === lead) throw badTarget(where);
      if (kind === 'consultation' && target.agencyCode === lead && (unitCode ?? null) === (row.unitCode ?? null)) throw badTarget(where);
      const hours = target.workingHours ?? (target.workingDays ?? 0) * 8;
      if (!(Number.isInteger(hours) && hours >= 1 && hours <= MAX_LEG_HOURS)) throw badTarget(where);
      seen.add(where);
      const due = calendar.dueByWorkingHours(now.toISOString(), hours, { channel: 'online', cutoff: null });
      legs.push({ id: uuidv7(), dossierId: row.id, kind, fromAgencyCode: lead, toAgencyCode: target.agencyCode, toUnitCode: unitCode, request, requestedAt: now, allottedHours: hours, dueAt: new Date(due.dueAt), status: 'open' as const });
    }
    return legs;
  }

  /** The handler must hold a post that handles dossiers at the competent agency (and unit). */
  async function checkHandler(row: DossierRow, handlerId: string | null | undefined): Promise<string> {
    const resource = { agencyCode: row.handlingAgencyCode ?? row.agencyCode, unitCode: row.unitCode };
    if (!handlerId || !(await deps.officialMay(handlerId, 'dossiers:process', resource))) {
      throw new DomainError('invalid', 'dossiers.bad_handler', { vi: 'Người được phân công không phải cán bộ thụ lý của cơ quan, đơn vị giải quyết.', en: 'The assignee is not a handling official of the competent agency or unit.' });
    }
    return handlerId;
  }

  /** A dossier with each unit's time against its allotment, its legs and its files. */
  async function get(caller: ApiCaller, code: string) {
    const row = await repository.findByCode(code);
    if (!row) throw dossierNotFound();
    const who = await core.capacitiesOf(caller, row);
    if (!who.visible) throw dossierNotFound();
    const [stored, audit, files] = await Promise.all([core.loadService(row), repository.listAudit(row.id), repository.listAttachments(row.id)]);
    await recordBackOfficeRead(deps, who.actor, row, 'dossier', stored.terms.name, core.today());
    const calendar = deps.calendar();
    const now = deps.clock.now().toISOString();
    const hoursBetween = (from: string, to: string) => calendar.workingHoursBetween(from, to);
    const entries = audit.map((r) => r.entry as AuditEntry);
    return {
      ...core.view(row, who.offered, stored.terms),
      phases: phaseTimes(entries, stored.steps, now, hoursBetween),
      legs: legTimes(who.legs, now, hoursBetween),
      indicators: scoreDossier(dossierFacts(row, entries, who.legs, stored, now, hoursBetween)),
      attachments: files.map((f) => ({ id: f.id, documentCode: f.documentCode, kind: f.kind, storedName: f.storedName, mediaType: f.mediaType, size: f.size })),
    };
  }

  const filing = createFiling(core);
  const reads = createDossierReads(core);
  const statistics = createDossierStatistics(core);
  const dataStore = createDataStore(core, createDataStoreRepository(deps.database.db), filing);

  return {
    ...filing,
    ...reads,
    ...statistics,
    dataStore,

    get,

    /** Takes a lifecycle action (one at a time per dossier: the row is locked). */
    async act(caller: ApiCaller, code: string, action: ActionName, input: ActionInput, requestId: string | null) {
      const found = await repository.findByCode(code);
      if (!found) throw dossierNotFound();
      const who = await core.performerFor(caller, found, action);
      if (!who.visible) throw dossierNotFound();
      if (!who.performer) throw REFUSALS.not_allowed();
      const performer = who.performer;
      const now = deps.clock.now();
      const calendar = deps.calendar();
      const opens = action === 'consult' ? 'consultation' : action === 'transfer' ? 'transfer' : null;
      const handlerId = action === 'assign' ? await checkHandler(found, input.handlerId) : null;
      // Files come only with a supplement, and are checked before anything is written.
      if (input.files && input.files.length > 0 && action !== 'supplement') throw new DomainError('invalid', 'dossiers.files_not_expected', { vi: 'Thao tác này không kèm tệp.', en: 'This action takes no files.' });
      const documents = input.files && input.files.length > 0 ? (await core.loadService(found)).documents : [];
      const supplied = (input.files ?? []).map((file) => checkFile(documents, file));
      const updated = await deps.database.db.transaction(async (tx) => {
        const row = await repository.lockByCode(tx, code);
        if (!row) throw dossierNotFound();
        const stored = await core.loadService(row, tx);
        const terms = stored.terms;
        // Without named targets, the consultations or liên thông steps the service plans (its process).
        const targets = input.targets ?? (opens === 'consultation' ? stored.plannedLegs.consultation : opens === 'transfer' ? stored.plannedLegs.transfer.filter((l) => l.agencyCode !== (row.handlingAgencyCode ?? row.agencyCode)) : []);
        const step = transition(snapshotOf(row), action, performer, input.reason ?? null, undefined, opens ? targets.length : 1);
        if (!step.ok) throw REFUSALS[step.refusal]();
        const patch: Partial<DossierRow> = { state: step.next.state, resumeTo: step.next.resumeTo, supplementsInProcessing: step.next.supplementsInProcessing, reschedules: step.next.reschedules, openLegs: step.next.openLegs };
        const data: Record<string, unknown> = {};
        const limit = { ...terms.timeLimit, channel: row.channel === 'online' ? ('online' as const) : ('in_person' as const) };
        if (action === 'receive') {
          // The time limit runs from the valid reception shown on the receipt (309/2026 Art. 8(3)).
          const due = dueFrom(calendar, now.toISOString(), limit);
          Object.assign(patch, { receivedAt: now, dueDate: due.dueDate, dueAt: new Date(due.dueAt) });
        }
        if (action === 'supplement' && row.state === 'supplement_requested' && step.next.state !== 'submitted' && row.dueDate) {
          // Nothing else changes a dossier waiting for a supplement, so its last update is the request.
          const due = dueAfterSupplement(calendar, terms.clockRule, { dueDate: row.dueDate }, vietnamDate(row.updatedAt), now.toISOString(), limit);
          Object.assign(patch, { dueDate: due.dueDate, dueAt: new Date(due.dueAt) });
          data.clockRule = terms.clockRule;
        }
        if (action === 'reschedule') {
          const newDueDate = input.newDueDate ?? '';
          const check = row.dueDate ? checkReschedule(calendar, vietnamDate(now), row.dueDate, newDueDate) : ({ ok: false, reason: 'too_late' } as const);
          if (!check.ok) {
            throw new DomainError('unprocessable', `dossiers.reschedule_${check.reason}`, check.reason === 'too_late'
              ? { vi: 'Phải xin lỗi, hẹn lại trước ngày hẹn trả ít nhất 01 ngày làm việc.', en: 'An apology and new date must come at least one working day before the due date.' }
              : { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', en: 'The new date must be later than the current one.' });
          }
          Object.assign(patch, { dueDate: newDueDate, dueAt: new Date(`${newDueDate}T17:00:00+07:00`) });
          Object.assign(data, { previousDueDate: row.dueDate, newDueDate });
        }
        if (supplied.length > 0) {
          for (const f of supplied) await repository.insertAttachment(tx, { id: uuidv7(), dossierId: row.id, documentCode: f.documentCode, storedName: f.storedName, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.bytes });
          data.files = supplied.map((f) => ({ documentCode: f.documentCode, sha256: f.sha256 }));
        }
        if (handlerId) {
          patch.handlerId = handlerId;
          data.handlerId = handlerId;
        }
        if (opens) {
          const legs = await plannedLegs(opens, row, targets, step.event.reason ?? '', now);
          await repository.insertLegs(tx, legs);
          patch.legCount = row.legCount + legs.length;
          data.legs = legs.map((l) => ({ id: l.id, agencyCode: l.toAgencyCode, unitCode: l.toUnitCode, allottedHours: l.allottedHours, dueAt: l.dueAt.toISOString() }));
        }
        if (who.leg) {
          // Two answers to one leg at once: the second finds it answered under the lock.
          const current = (await repository.listLegs(row.id, tx)).find((l) => l.id === who.leg?.id);
          if (current?.status !== 'open') throw REFUSALS.wrong_state();
          await repository.answerLeg(tx, who.leg.id, { answer: step.event.reason ?? '', answeredAt: now, answeredBy: caller.subject });
          Object.assign(data, { legId: who.leg.id, agencyCode: who.leg.toAgencyCode, unitCode: who.leg.toUnitCode });
        }
        if ((action === 'withdraw' || action === 'stop') && row.openLegs > 0) await repository.closeOpenLegs(tx, row.id);
        if (action === 'approve' || action === 'reject') {
          const result = row.dueDate && row.dueAt ? punctuality(now.toISOString(), { dueDate: row.dueDate, dueAt: row.dueAt.toISOString() }, (at) => vietnamDate(new Date(at))) : null;
          Object.assign(patch, { finishedAt: now, punctuality: result });
        }
        if (action === 'return_result') {
          // Art. 20: an electronic result goes back online to an online applicant; paper is handed over at the counter.
          const delivery = [...new Set(input.delivery ?? (row.channel === 'online' && terms.resultElectronic ? ['electronic'] : ['pickup']))].sort() as Delivery[];
          if (delivery.includes('electronic') && row.state === 'approved' && !(await repository.listAttachments(row.id, tx)).some((f) => f.kind === 'result')) {
            throw new DomainError('conflict', 'dossiers.result_file_missing', { vi: 'Chưa có tệp kết quả điện tử để trả cho người nộp.', en: 'There is no electronic result file to return.' });
          }
          Object.assign(patch, { returnedAt: now, resultDelivery: delivery });
          data.delivery = delivery;
        }
        // The audit names the power exercised (the permission), not just the person.
        const head = await core.record(tx, row, { at: now.toISOString(), actor: { kind: caller.kind, id: caller.subject, role: performer === 'applicant' ? null : performer }, action, from: row.state, to: step.next.state, reason: step.event.reason, ...(Object.keys(data).length > 0 ? { data } : {}) }, requestId);
        const saved = await repository.updateDossier(tx, row.id, { ...patch, auditCount: head.count, auditLastHash: head.lastHash });
        return { saved, terms };
      });
      return core.view(updated.saved, (await core.capacitiesOf(caller, updated.saved)).offered, updated.terms);
    },

    /**
     * Attaches the result the competent agency issued (Art. 20, stored for reuse): a PDF, replacing an
     * earlier one, once the dossier is up for decision or decided. Recorded in the audit.
     */
    async attachResult(caller: ApiCaller, code: string, file: { name: string; bytes: Uint8Array }, requestId: string | null) {
      const found = await repository.findByCode(code);
      if (!found) throw dossierNotFound();
      const who = await core.capacitiesOf(caller, found);
      const resource = { agencyCode: found.handlingAgencyCode ?? found.agencyCode, unitCode: found.unitCode };
      const power = (['dossiers:process', 'dossiers:approve'] as const).find((p) => decide(who.actor, p, resource, core.today()) === 'allowed');
      if (!power) throw who.visible ? REFUSALS.not_allowed() : dossierNotFound();
      const checked = checkAttachment(file, { maxBytes: RESULT_RULES.maxBytes, accepted: [...RESULT_RULES.accepted] });
      if (!checked.ok) throw new DomainError('invalid', 'dossiers.attachment_refused', { vi: 'Tệp kết quả không được chấp nhận (chỉ nhận PDF hợp lệ).', en: 'The result file was refused (a valid PDF only).' }, { reason: checked.reason });
      const now = deps.clock.now();
      await deps.database.db.transaction(async (tx: Executor) => {
        const row = await repository.lockByCode(tx, code);
        if (!row) throw dossierNotFound();
        if (!RESULT_STATES.includes(row.state)) throw REFUSALS.wrong_state();
        for (const old of (await repository.listAttachments(row.id, tx)).filter((f) => f.kind === 'result')) await repository.deleteAttachment(tx, row.id, old.id);
        const id = uuidv7();
        await repository.insertAttachment(tx, { id, dossierId: row.id, documentCode: 'result', kind: 'result', storedName: checked.storedName, mediaType: checked.mediaType, size: checked.size, sha256: checked.sha256, content: file.bytes });
        const head = await core.record(tx, row, { at: now.toISOString(), actor: { kind: caller.kind, id: caller.subject, role: power }, action: 'attach_result', from: row.state, to: row.state, reason: null, data: { attachmentId: id, sha256: checked.sha256 } }, requestId);
        await repository.updateDossier(tx, row.id, { auditCount: head.count, auditLastHash: head.lastHash });
      });
      return get(caller, code);
    },

    /** One file of a dossier, for its applicant and the officials who may read it. */
    async attachment(caller: ApiCaller, code: string, id: string) {
      const row = await repository.findByCode(code);
      if (!row) throw dossierNotFound();
      const who = await core.capacitiesOf(caller, row);
      if (!who.visible) throw dossierNotFound();
      const file = await repository.findAttachment(row.id, id);
      if (!file) throw notFound('dossiers.attachment_not_found', { vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' });
      await recordBackOfficeRead(deps, who.actor, row, 'attachment', (await core.loadTerms(row)).name, core.today());
      return { storedName: file.storedName, mediaType: file.mediaType, content: file.content };
    },

    /**
     * Enables (or updates) a catalogue procedure as an online service at an agency, after checking the
     * whole definition. Saving the same definition again changes nothing (no new version).
     */
    async enableService(caller: ApiCaller | 'platform', input: unknown): Promise<{ id: string; version: number; changed: boolean }> {
      const check = checkServiceDefinition(input);
      if (!check.ok) throw new DomainError('invalid', 'dossiers.invalid_service', { vi: 'Cấu hình dịch vụ công chưa hợp lệ.', en: 'The service definition is not valid.' }, { errors: check.issues });
      const definition = check.definition;
      if (caller !== 'platform') {
        const decision = decide(await deps.actorFor(caller), 'catalog:manage', { agencyCode: definition.agencyCode }, core.today());
        if (decision === 'hidden') throw REFUSALS.agency_not_found();
        if (decision === 'forbidden') throw REFUSALS.not_allowed();
      }
      const existing = await repository.findService(definition.agencyCode, definition.procedureCode);
      if (existing && canonicalJson(existing.definition) === canonicalJson(definition) && existing.enabled) return { id: existing.id, version: existing.version, changed: false };
      const saved = await repository.saveService({ id: existing?.id ?? uuidv7(), agencyCode: definition.agencyCode, procedureCode: definition.procedureCode, definition, enabled: true });
      core.forgetOffered(definition.agencyCode, definition.procedureCode);
      return { id: saved.id, version: saved.version, changed: true };
    },

    /** Online services across agencies, as the portal lists them (what, where, how fully online, how long). */
    async offeredServices(procedureCode: string | null) {
      const rows = await repository.listOffered(procedureCode, 500);
      return rows.map((row) => {
        const { terms } = core.storedOf(row);
        return { agencyCode: row.agencyCode, procedureCode: row.procedureCode, name: terms.name, onlineLevel: terms.onlineLevel, workingDays: terms.timeLimit.workingDays };
      });
    },

    /** The services an agency offers online, with what the portal needs to show and fill them. */
    async listServices(agencyCode: string) {
      const rows = await repository.listServices(agencyCode);
      return rows.map((row) => ({ id: row.id, version: row.version, definition: row.definition as ServiceDefinition }));
    },
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;
