import { createHash } from 'node:crypto';
import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../kernel/db/database.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { Outbox } from '../../kernel/events/outbox.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { LruCache } from '../../kernel/lru-cache.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { decide, reachOf, type Actor, type ApiCaller, type Permission } from '../identity/index.ts';
import { allocateDossierCode } from './dossier-codes.ts';
import { checkServiceDefinition, type ServiceDefinition } from './services/service-definition.ts';
import { checkAttachment, type MediaKind } from './domain/attachments.ts';
import { buildForm, type FormData, type FormNumber } from './domain/forms.ts';
import type { DocumentTerms, ServiceTerms, StoredService } from './service-terms.ts';
import { phaseTimes } from './domain/phase-times.ts';
import type { DossierRow, DossiersRepository } from './dossiers.repository.ts';
import { append, canonicalJson, verifyChain, type AuditEntry, type ChainedEntry, type ChainVerdict } from './domain/audit-chain.ts';
import { checkReschedule, dueAfterSupplement, dueFrom, punctuality } from './domain/deadline.ts';
import { availableActions, NATIONAL_STATUS, NEW_DOSSIER, RULES, transition, type ActionName, type DossierState, type LifecycleSnapshot, type Performer } from './domain/lifecycle.ts';

export type DossiersDeps = {
  database: Database;
  repository: DossiersRepository;
  outbox: Outbox;
  clock: Clock;
  calendar: () => WorkingCalendar;
  /** The caller as the access policy sees it, mandates included (identity's actorFor). */
  actorFor: (caller: ApiCaller) => Promise<Actor>;
  /** Reads a stored definition's terms, and validates form data against its schema (errors, or none). */
  /** Reads a stored definition (terms, documents, steps, form schema); validates form data against a schema. */
  readService: (definition: unknown) => StoredService;
  validateForm: (serviceId: string, version: number, schema: object, data: unknown) => { path: string; message: string }[];
};

export type SubmitInput = { agencyCode: string; procedureCode: string; onBehalfOf?: string | undefined; formData: Record<string, unknown> };

/** A file attached at submission, under the code of the document it provides. */
export type SubmittedFile = { documentCode: string; name: string; bytes: Uint8Array };

type CheckedFile = { documentCode: string; storedName: string; mediaType: string; size: number; sha256: string; bytes: Uint8Array };

/** Each file must answer a listed document and pass its rules; every mandatory document must be there. */
function checkFiles(documents: readonly DocumentTerms[], files: readonly SubmittedFile[]): CheckedFile[] {
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const document = documents.find((d) => d.code === file.documentCode);
    if (!document) {
      throw new DomainError('invalid', 'dossiers.unknown_document', { vi: 'Tệp đính kèm không thuộc thành phần hồ sơ nào của thủ tục.', en: 'The attachment answers no document of the procedure.' }, { document: file.documentCode });
    }
    const result = checkAttachment({ name: file.name, bytes: file.bytes }, { maxBytes: document.maxBytes, accepted: document.accepted as MediaKind[] });
    if (!result.ok) {
      throw new DomainError('invalid', 'dossiers.attachment_refused', { vi: 'Tệp đính kèm không được chấp nhận (loại tệp, dung lượng hoặc nội dung không hợp lệ).', en: 'The attachment was refused (file type, size or content).' }, { document: file.documentCode, reason: result.reason });
    }
    checked.push({ documentCode: file.documentCode, storedName: result.storedName, mediaType: result.mediaType, size: result.size, sha256: result.sha256, bytes: file.bytes });
  }
  const missing = documents.filter((d) => d.requirement === 'mandatory' && !checked.some((f) => f.documentCode === d.code)).map((d) => d.code);
  if (missing.length > 0) {
    throw new DomainError('invalid', 'dossiers.missing_documents', { vi: 'Thiếu thành phần hồ sơ bắt buộc.', en: 'Mandatory documents are missing.' }, { missing });
  }
  return checked;
}

const DOSSIER_NOT_FOUND = { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' };
const dossierNotFound = () => notFound('dossiers.not_found', DOSSIER_NOT_FOUND);

/** Past-tense event names: dossiers.dossier.<event>. */
const EVENT_OF: Record<ActionName, string> = {
  submit: 'submitted', withdraw: 'withdrawn', receive: 'received', refuse: 'refused', request_supplement: 'supplement_requested', supplement: 'supplemented',
  forward: 'forwarded', consult: 'consultation_requested', answer_consultation: 'consultation_answered', transfer: 'transferred', return_transfer: 'transfer_returned',
  propose: 'proposed', send_back: 'sent_back', approve: 'approved', reject: 'rejected', request_payment: 'payment_requested', confirm_payment: 'payment_confirmed',
  reschedule: 'rescheduled', stop: 'stopped', return_result: 'result_returned',
};

/** Officials' queues (Decree 61/2018 Art. 17–19 steps) and the states each lists. */
export const QUEUES = {
  to_receive: ['submitted'],
  to_handle: ['handling', 'consulting', 'transferred'],
  to_approve: ['awaiting_approval'],
  to_return: ['approved', 'rejected'],
  // A dossier waiting for the applicant (supplement, payment) is not the agency's delay.
  overdue: ['received', 'handling', 'consulting', 'transferred', 'awaiting_approval'],
  soon_due: ['received', 'handling', 'consulting', 'transferred', 'awaiting_approval'],
} as const satisfies Record<string, readonly DossierState[]>;
export type QueueName = keyof typeof QUEUES;

/** Whose queue: the receiving agency's (reception, return), the competent agency's, or either. */
const QUEUE_SIDE: Record<QueueName, 'receiving' | 'handling' | 'either'> = {
  to_receive: 'receiving', to_return: 'receiving', to_handle: 'handling', to_approve: 'handling', overdue: 'either', soon_due: 'either',
};

/** "Soon due": within this many working days. */
const SOON_DUE_WORKING_DAYS = 2;

const encodeCursor = (dueAt: Date, id: string) => Buffer.from(`${dueAt.toISOString()}|${id}`).toString('base64url');
function decodeCursor(cursor: string | null): { dueAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const dueAt = new Date(at ?? '');
  if (Number.isNaN(dueAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new DomainError('invalid', 'dossiers.bad_cursor', { vi: 'Con trỏ phân trang không hợp lệ.', en: 'Invalid page cursor.' });
  }
  return { dueAt, id: id ?? '' };
}

/** Mandate scope a person needs to act as the applicant. */
const APPLICANT_SCOPE = 'dossiers:submit' as const;

const REFUSALS = {
  wrong_state: () => new DomainError('conflict', 'dossiers.wrong_state', { vi: 'Hồ sơ đang ở trạng thái không cho phép thao tác này.', en: 'The dossier is not in a state that allows this action.' }),
  not_allowed: () => new DomainError('forbidden', 'dossiers.action_not_allowed', { vi: 'Bạn không có quyền thực hiện thao tác này với hồ sơ.', en: 'You may not take this action on the dossier.' }),
  reason_required: () => new DomainError('invalid', 'dossiers.reason_required', { vi: 'Cần nêu đầy đủ lý do.', en: 'The reasons are required.' }),
  person_required: () => new DomainError('forbidden', 'dossiers.person_required', { vi: 'Hồ sơ do người dân, doanh nghiệp nộp.', en: 'Dossiers are filed by people and businesses.' }),
  agency_not_found: () => notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' }),
  limit_reached: () => new DomainError('conflict', 'dossiers.limit_reached', { vi: 'Thao tác này chỉ được thực hiện một lần cho mỗi hồ sơ.', en: 'This action is allowed only once per dossier.' }),
};

const snapshotOf = (row: DossierRow): LifecycleSnapshot => ({
  state: row.state as DossierState,
  resumeTo: (row.resumeTo as DossierState | null) ?? null,
  supplementsInProcessing: row.supplementsInProcessing,
  reschedules: row.reschedules,
});

/** The competent agency, and the unit within it when the service's handling unit is one of its units. */
function handlingOf(terms: ServiceTerms, receivingAgency: string): { handlingAgencyCode: string; unitCode: string | null } {
  const handlingAgencyCode = terms.competentAgencyCode ?? receivingAgency;
  const unit = terms.handlingUnitCode;
  return { handlingAgencyCode, unitCode: unit?.startsWith(`${handlingAgencyCode}.`) ? unit : null };
}

const ownerKindOf = (ownerId: string): 'citizen' | 'business' => (/^\d{12}$/.test(ownerId) ? 'citizen' : 'business');

export function createDossiersService(deps: DossiersDeps) {
  const { repository } = deps;
  const today = () => vietnamDate(deps.clock.now());

  /** Appends the audit entry, updates the head, writes the outbox event: one transaction. */
  async function appendAudit(tx: Executor, row: Pick<DossierRow, 'id' | 'auditCount' | 'auditLastHash'>, entry: Omit<AuditEntry, 'seq'>) {
    const chained = append({ count: row.auditCount, lastHash: row.auditLastHash }, entry);
    await repository.insertAudit(tx, { dossierId: row.id, seq: chained.row.entry.seq, entry: chained.row.entry, prevHash: chained.row.prevHash, hash: chained.row.hash });
    return chained.head;
  }

  async function emit(tx: Executor, row: Pick<DossierRow, 'id' | 'code' | 'agencyCode' | 'procedureCode'>, entry: Omit<AuditEntry, 'seq'>, requestId: string | null) {
    await deps.outbox.append(tx, {
      topic: `dossiers.dossier.${EVENT_OF[entry.action as ActionName]}`,
      aggregateId: row.id,
      payload: { code: row.code, agencyCode: row.agencyCode, procedureCode: row.procedureCode, from: entry.from, to: entry.to, at: entry.at },
      requestId,
    });
  }

  /** Appends the audit entry and writes the outbox event, in the caller's transaction; returns the new head. */
  async function record(tx: Executor, row: Pick<DossierRow, 'id' | 'code' | 'agencyCode' | 'procedureCode' | 'auditCount' | 'auditLastHash'>, entry: Omit<AuditEntry, 'seq'>, requestId: string | null) {
    const head = await appendAudit(tx, row, entry);
    await emit(tx, row, entry, requestId);
    return head;
  }

  /** Officials of the receiving or of the competent agency who may read dossiers see it. */
  function mayRead(actor: Actor, row: DossierRow): boolean {
    return (
      decide(actor, 'dossiers:read', { agencyCode: row.agencyCode, unitCode: null }, today()) === 'allowed' ||
      decide(actor, 'dossiers:read', { agencyCode: row.handlingAgencyCode ?? row.agencyCode, unitCode: row.unitCode }, today()) === 'allowed'
    );
  }

  /** Who the caller is for this dossier: its applicant, an official through a permission, or nobody. */
  async function performerFor(caller: ApiCaller, row: DossierRow, action: ActionName | null): Promise<{ performer: Performer | null; visible: boolean; actor: Actor }> {
    const actor = await deps.actorFor(caller);
    const asApplicant = decide(actor, 'self', { ownerId: row.ownerId }, today(), APPLICANT_SCOPE) === 'allowed';
    const rule = action ? RULES[action] : null;
    if (asApplicant && (!rule || rule.by.includes('applicant'))) return { performer: 'applicant', visible: true, actor };
    // Reception work belongs to the receiving agency; appraisal and decisions to the competent one.
    const receiving = { agencyCode: row.agencyCode, unitCode: null };
    const handling = { agencyCode: row.handlingAgencyCode ?? row.agencyCode, unitCode: row.unitCode };
    const resourceFor = (permission: Permission) => (permission === 'dossiers:receive' ? receiving : handling);
    const permissions: Permission[] = rule ? rule.by.filter((p): p is Exclude<Performer, 'applicant'> => p !== 'applicant') : [];
    for (const permission of permissions) {
      if (decide(actor, permission, resourceFor(permission), today()) === 'allowed') return { performer: permission as Performer, visible: true, actor };
    }
    const visible = asApplicant || mayRead(actor, row);
    return { performer: null, visible, actor };
  }

  function view(row: DossierRow, performer: Performer | null, terms: ServiceTerms) {
    const snapshot = snapshotOf(row);
    return {
      code: row.code ?? '',
      procedureCode: row.procedureCode,
      procedureName: terms.name,
      agencyCode: row.agencyCode,
      unitCode: row.unitCode,
      ownerId: row.ownerId,
      ownerKind: row.ownerKind,
      channel: row.channel,
      state: snapshot.state,
      nationalStatus: NATIONAL_STATUS[snapshot.state],
      formData: row.formData as Record<string, unknown>,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      receivedAt: row.receivedAt?.toISOString() ?? null,
      dueDate: row.dueDate,
      dueAt: row.dueAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      returnedAt: row.returnedAt?.toISOString() ?? null,
      punctuality: row.punctuality,
      allowedActions: performer ? availableActions(snapshot, performer) : [],
    };
  }

  // A service version never changes (a new definition is a new version): it is read once and kept.
  const services = new LruCache<string, StoredService>(500);
  const storedOf = (row: { id: string; version: number; definition: unknown }): StoredService => {
    const key = `${row.id}@${row.version}`;
    let stored = services.get(key);
    if (!stored) {
      stored = deps.readService(row.definition);
      services.set(key, stored);
    }
    return stored;
  };
  async function loadService(row: Pick<DossierRow, 'serviceId' | 'serviceVersion'>, executor?: Executor): Promise<StoredService> {
    const cached = services.get(`${row.serviceId}@${row.serviceVersion}`);
    if (cached) return cached;
    const found = await repository.findServiceById(row.serviceId, executor);
    if (!found) throw new Error(`service ${row.serviceId} of a stored dossier is missing`);
    // Stored under the version it is; a dossier filed under an older version reads the current one.
    return storedOf(found);
  }
  const loadTerms = async (row: Pick<DossierRow, 'serviceId' | 'serviceVersion'>, executor?: Executor): Promise<ServiceTerms> => (await loadService(row, executor)).terms;

  return {
    /** Files a dossier online (Decree 118/2025 Art. 17; code per Circular 01/2018 Art. 19). Idempotent per key. */
    async submit(caller: ApiCaller, input: SubmitInput, idempotencyKey: string | null, requestId: string | null, files: readonly SubmittedFile[] = []): Promise<{ created: boolean; dossier: ReturnType<typeof view> }> {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const ownerId = input.onBehalfOf ?? caller.personalId;
      // Filing for oneself needs no mandate: the mandates are read only when filing for someone else.
      const actor: Actor = input.onBehalfOf ? await deps.actorFor(caller) : { kind: 'citizen', personalId: caller.personalId, assurance: caller.assuranceLevel === 2 ? 2 : 1, mandatesFrom: [] };
      if (decide(actor, 'self', { ownerId }, today(), APPLICANT_SCOPE) !== 'allowed') {
        throw new DomainError('forbidden', 'dossiers.no_mandate', { vi: 'Bạn chưa được ủy quyền nộp hồ sơ cho người/doanh nghiệp này.', en: 'You hold no mandate to file for this person or business.' });
      }
      const svc = await repository.findService(input.agencyCode, input.procedureCode);
      if (!svc?.enabled) throw notFound('dossiers.service_not_found', { vi: 'Cơ quan chưa cung cấp dịch vụ công trực tuyến cho thủ tục này.', en: 'The agency offers no online service for this procedure.' });
      const stored = storedOf(svc);
      const terms = stored.terms;
      const errors = deps.validateForm(svc.id, svc.version, stored.formSchema, input.formData);
      if (errors.length > 0) throw new DomainError('invalid', 'dossiers.invalid_form', { vi: 'Tờ khai chưa hợp lệ.', en: 'The form is not valid.' }, { errors });
      const attachments = checkFiles(stored.documents, files);
      const requestHash = createHash('sha256').update(canonicalJson({ ...input, onBehalfOf: ownerId, files: attachments.map((f) => [f.documentCode, f.sha256]) })).digest('hex');

      const replay = async (): Promise<{ created: boolean; dossier: ReturnType<typeof view> } | undefined> => {
        if (!idempotencyKey) return undefined;
        const existing = await repository.findByIdempotencyKey(deps.database.db, caller.accountId, idempotencyKey);
        if (!existing) return undefined;
        if (existing.requestHash !== requestHash) {
          throw new DomainError('conflict', 'dossiers.idempotency_key_reused', { vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác.', en: 'The Idempotency-Key was used for a different request.' });
        }
        return { created: false, dossier: view(existing, 'applicant', terms) };
      };
      const replayed = await replay();
      if (replayed) return replayed;

      const now = deps.clock.now();
      const due = dueFrom(deps.calendar(), now.toISOString(), { ...terms.timeLimit, channel: 'online' });
      try {
        const row = await deps.database.db.transaction(async (tx) => {
          const step = transition(NEW_DOSSIER, 'submit', 'applicant');
          if (!step.ok) throw new Error('a new dossier cannot be submitted');
          const base = {
            id: uuidv7(), code: null, serviceId: svc.id, serviceVersion: svc.version, agencyCode: input.agencyCode, ...handlingOf(terms, input.agencyCode), procedureCode: input.procedureCode,
            ownerId, ownerKind: ownerKindOf(ownerId), filedBy: caller.accountId, channel: 'online' as const, state: step.next.state, formData: input.formData,
            submittedAt: now, dueDate: due.dueDate, dueAt: new Date(due.dueAt), idempotencyKey, requestHash, auditCount: 0, auditLastHash: '0'.repeat(64),
          };
          const entry = { at: now.toISOString(), actor: { kind: caller.kind, id: caller.accountId, role: null }, action: 'submit', from: 'draft', to: step.next.state, reason: null, data: { ownerId } };
          const head = await appendAudit(tx, base, entry);
          await repository.insertDossier(tx, { ...base, auditCount: head.count, auditLastHash: head.lastHash });
          for (const file of attachments) {
            await repository.insertAttachment(tx, { id: uuidv7(), dossierId: base.id, documentCode: file.documentCode, storedName: file.storedName, mediaType: file.mediaType, size: file.size, sha256: file.sha256, content: file.bytes });
          }
          // The code is drawn last: the agency's daily sequence row stays locked only for these final
          // statements and the commit, so concurrent filings queue as briefly as possible.
          const code = await allocateDossierCode(tx, input.agencyCode, vietnamDate(now));
          const inserted = await repository.updateDossier(tx, base.id, { code });
          await emit(tx, inserted, entry, requestId);
          return inserted;
        });
        return { created: true, dossier: view(row, 'applicant', terms) };
      } catch (error) {
        // Two requests with the same key at once: the loser answers like a replay.
        if (idempotencyKey && isUniqueViolation(error)) {
          const again = await replay();
          if (again) return again;
        }
        throw error;
      }
    },

    async get(caller: ApiCaller, code: string) {
      const row = await repository.findByCode(code);
      if (!row) throw dossierNotFound();
      const who = await performerFor(caller, row, null);
      if (!who.visible) throw dossierNotFound();
      const performer = who.performer ?? (decide(who.actor, 'self', { ownerId: row.ownerId }, today(), APPLICANT_SCOPE) === 'allowed' ? 'applicant' : null);
      const [stored, audit] = await Promise.all([loadService(row), repository.listAudit(row.id)]);
      const calendar = deps.calendar();
      const phases = phaseTimes(audit.map((r) => r.entry as AuditEntry), stored.steps, deps.clock.now().toISOString(), (from, to) => calendar.workingHoursBetween(from, to));
      return { ...view(row, performer, stored.terms), phases };
    },

    /** Takes a lifecycle action (one at a time per dossier: the row is locked). */
    async act(caller: ApiCaller, code: string, action: ActionName, input: { reason?: string | null; newDueDate?: string | null }, requestId: string | null) {
      const found = await repository.findByCode(code);
      if (!found) throw dossierNotFound();
      const who = await performerFor(caller, found, action);
      if (!who.visible) throw dossierNotFound();
      if (!who.performer) throw REFUSALS.not_allowed();
      const performer = who.performer;
      const now = deps.clock.now();
      const calendar = deps.calendar();
      const updated = await deps.database.db.transaction(async (tx) => {
        const row = await repository.lockByCode(tx, code);
        if (!row) throw dossierNotFound();
        const terms = await loadTerms(row, tx);
        const step = transition(snapshotOf(row), action, performer, input.reason ?? null);
        if (!step.ok) throw REFUSALS[step.refusal]();
        const patch: Partial<DossierRow> = { state: step.next.state, resumeTo: step.next.resumeTo, supplementsInProcessing: step.next.supplementsInProcessing, reschedules: step.next.reschedules };
        const data: Record<string, unknown> = {};
        const limit = { ...terms.timeLimit, channel: 'online' as const };
        if (action === 'receive') {
          // The time limit runs from the valid reception shown on the receipt (309/2026 Art. 8(3)).
          const due = dueFrom(calendar, now.toISOString(), limit);
          Object.assign(patch, { receivedAt: now, dueDate: due.dueDate, dueAt: new Date(due.dueAt) });
        }
        if (action === 'supplement' && row.state === 'supplement_requested' && step.next.state !== 'submitted' && row.dueDate) {
          // Nothing else changes a dossier waiting for a supplement, so its last update is the request.
          const requestedOn = vietnamDate(row.updatedAt);
          const due = dueAfterSupplement(calendar, terms.clockRule, { dueDate: row.dueDate }, requestedOn, now.toISOString(), limit);
          Object.assign(patch, { dueDate: due.dueDate, dueAt: new Date(due.dueAt) });
          data.clockRule = terms.clockRule;
        }
        if (action === 'reschedule') {
          const newDueDate = input.newDueDate ?? '';
          const check = row.dueDate ? checkReschedule(calendar, today(), row.dueDate, newDueDate) : ({ ok: false, reason: 'too_late' } as const);
          if (!check.ok) {
            throw new DomainError('unprocessable', `dossiers.reschedule_${check.reason}`, check.reason === 'too_late'
              ? { vi: 'Phải xin lỗi, hẹn lại trước ngày hẹn trả ít nhất 01 ngày làm việc.', en: 'An apology and new date must come at least one working day before the due date.' }
              : { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', en: 'The new date must be later than the current one.' });
          }
          Object.assign(patch, { dueDate: newDueDate, dueAt: new Date(`${newDueDate}T17:00:00+07:00`) });
          data.previousDueDate = row.dueDate;
          data.newDueDate = newDueDate;
        }
        if (action === 'approve' || action === 'reject') {
          const result = row.dueDate && row.dueAt ? punctuality(now.toISOString(), { dueDate: row.dueDate, dueAt: row.dueAt.toISOString() }, (at) => vietnamDate(new Date(at))) : null;
          Object.assign(patch, { finishedAt: now, punctuality: result });
        }
        if (action === 'return_result') Object.assign(patch, { returnedAt: now });
        // The audit names the power exercised (the permission), not just the person.
        const head = await record(tx, row, { at: now.toISOString(), actor: { kind: caller.kind, id: caller.subject, role: performer === 'applicant' ? null : performer }, action, from: row.state, to: step.next.state, reason: step.event.reason, ...(Object.keys(data).length > 0 ? { data } : {}) }, requestId);
        const saved = await repository.updateDossier(tx, row.id, { ...patch, auditCount: head.count, auditLastHash: head.lastHash });
        return { saved, terms };
      });
      return view(updated.saved, performer, updated.terms);
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
        const decision = decide(await deps.actorFor(caller), 'catalog:manage', { agencyCode: definition.agencyCode }, today());
        if (decision === 'hidden') throw REFUSALS.agency_not_found();
        if (decision === 'forbidden') throw REFUSALS.not_allowed();
      }
      const existing = await repository.findService(definition.agencyCode, definition.procedureCode);
      if (existing && canonicalJson(existing.definition) === canonicalJson(definition) && existing.enabled) return { id: existing.id, version: existing.version, changed: false };
      const saved = await repository.saveService({ id: existing?.id ?? uuidv7(), agencyCode: definition.agencyCode, procedureCode: definition.procedureCode, definition, enabled: true });
      return { id: saved.id, version: saved.version, changed: true };
    },

    /** The services an agency offers online, with what the portal needs to show and fill them. */
    async listServices(agencyCode: string) {
      const rows = await repository.listServices(agencyCode);
      return rows.map((row) => ({ id: row.id, version: row.version, definition: row.definition as ServiceDefinition }));
    },

    /** An agency's work queue for officials, keyset-paged by due time (soon due and overdue included). */
    async queue(caller: ApiCaller, agencyCode: string, name: QueueName, cursor: string | null, limit: number) {
      const reach = reachOf(await deps.actorFor(caller), 'dossiers:read');
      if (reach.kind === 'none') throw REFUSALS.not_allowed();
      if (reach.kind === 'agency' && reach.agencyCode !== agencyCode) throw REFUSALS.agency_not_found();
      const now = deps.clock.now();
      const after = decodeCursor(cursor);
      const soon = new Date(`${deps.calendar().addWorkingDays(vietnamDate(now), SOON_DUE_WORKING_DAYS)}T23:59:59+07:00`);
      const rows = await repository.queue({
        agencyCode,
        side: QUEUE_SIDE[name],
        unitCode: reach.kind === 'agency' ? reach.unitCode : null,
        states: QUEUES[name],
        ...(name === 'overdue' ? { dueBefore: now } : {}),
        ...(name === 'soon_due' ? { dueFrom: now, dueBefore: soon } : {}),
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({ code: row.code ?? '', procedureCode: row.procedureCode, state: row.state, nationalStatus: NATIONAL_STATUS[row.state as DossierState], ownerKind: row.ownerKind, unitCode: row.unitCode, submittedAt: row.submittedAt?.toISOString() ?? null, dueAt: row.dueAt?.toISOString() ?? null, overdue: row.dueAt !== null && row.dueAt < now })),
        nextCursor: rows.length > limit && last?.dueAt ? encodeCursor(last.dueAt, last.id) : null,
      };
    },

    /**
     * The register of dossiers (Mẫu 06 of Circular 01/2018, sổ theo dõi hồ sơ) an agency received
     * between two dates (Vietnam time, `to` included), with their outcome; keyset-paged.
     */
    async register(caller: ApiCaller, agencyCode: string, from: string, to: string, cursor: string | null, limit: number) {
      const actor = await deps.actorFor(caller);
      const decision = decide(actor, 'dossiers:read', { agencyCode, unitCode: null }, today());
      if (decision === 'hidden') throw REFUSALS.agency_not_found();
      if (decision === 'forbidden') throw REFUSALS.not_allowed();
      if (to < from) throw new DomainError('invalid', 'dossiers.bad_period', { vi: 'Khoảng thời gian không hợp lệ.', en: 'Invalid period.' });
      const after = decodeCursor(cursor);
      const rows = await repository.register({
        agencyCode,
        from: new Date(`${from}T00:00:00+07:00`),
        to: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000),
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const items = await Promise.all(
        page.map(async (row) => ({
          code: row.code ?? '',
          procedureName: (await loadTerms(row)).name,
          ownerId: row.ownerId,
          receivedAt: row.receivedAt?.toISOString() ?? null,
          dueDate: row.dueDate,
          finishedAt: row.finishedAt?.toISOString() ?? null,
          returnedAt: row.returnedAt?.toISOString() ?? null,
          punctuality: row.punctuality,
          state: row.state,
          nationalStatus: NATIONAL_STATUS[row.state as DossierState],
        })),
      );
      return { agencyCode, from, to, items, nextCursor: rows.length > limit && last?.receivedAt ? encodeCursor(last.receivedAt, last.id) : null };
    },

    /** The person's dossiers: their own and those of whom they act for under a mandate. */
    async mine(caller: ApiCaller) {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const actor = await deps.actorFor(caller);
      const principals = actor.kind === 'client' || actor.kind === 'anonymous' ? [] : actor.mandatesFrom.filter((m) => m.scope.includes('dossiers:track') || m.scope.includes('dossiers:submit')).map((m) => m.principalId);
      const rows = await repository.listOwned([caller.personalId, ...principals], 200);
      return Promise.all(rows.map(async (row) => view(row, 'applicant', await loadTerms(row))));
    },

    /**
     * Verifies every dossier's audit chain against its head (or one dossier's), for the CLI and
     * periodic checks. Returns the broken ones with the first bad row.
     */
    async verifyAuditChains(code?: string): Promise<{ checked: number; broken: { code: string | null; verdict: ChainVerdict }[] }> {
      const broken: { code: string | null; verdict: ChainVerdict }[] = [];
      let checked = 0;
      const check = async (head: Pick<DossierRow, 'id' | 'code' | 'auditCount' | 'auditLastHash'>) => {
        const rows = await repository.listAudit(head.id);
        const verdict = verifyChain(rows.map((r) => ({ entry: r.entry as AuditEntry, prevHash: r.prevHash, hash: r.hash })), { count: head.auditCount, lastHash: head.auditLastHash });
        checked++;
        if (!verdict.ok) broken.push({ code: head.code, verdict });
      };
      if (code) {
        const row = await repository.findByCode(code);
        if (!row) throw dossierNotFound();
        await check(row);
        return { checked, broken };
      }
      for (let after: string | null = null; ; ) {
        const batch = await repository.dossierHeads(after, 500);
        for (const head of batch) await check(head);
        if (batch.length < 500) break;
        after = batch.at(-1)?.id ?? null;
      }
      return { checked, broken };
    },

    /** A standard form (01–05) of a dossier, derived from its audit entries; for its applicant and its agencies. */
    async form(caller: ApiCaller, code: string, form: FormNumber): Promise<FormData> {
      const row = await repository.findByCode(code);
      if (!row) throw dossierNotFound();
      if (!(await performerFor(caller, row, null)).visible) throw dossierNotFound();
      const [stored, rows] = await Promise.all([loadService(row), repository.listAudit(row.id)]);
      const documents = stored.documents.map((d) => ({ code: d.code, name: d.name ?? d.code }));
      const built = buildForm(form, { code, procedureCode: row.procedureCode, procedureName: stored.terms.name, agencyCode: row.agencyCode, ownerId: row.ownerId, ownerKind: row.ownerKind, channel: row.channel, dueDate: row.dueDate, documents }, rows.map((r) => r.entry as AuditEntry));
      if (!built) throw new DomainError('conflict', 'dossiers.form_not_available', { vi: 'Hồ sơ chưa có biểu mẫu này (chưa phát sinh bước tương ứng).', en: 'The dossier has no such form yet (its step has not happened).' });
      return built;
    },

    /** The audit log with its verification (officials of the agency who may read dossiers). */
    async audit(caller: ApiCaller, code: string): Promise<{ entries: AuditEntry[]; verdict: ChainVerdict }> {
      const row = await repository.findByCode(code);
      if (!row) throw dossierNotFound();
      const actor = await deps.actorFor(caller);
      if (!mayRead(actor, row)) throw dossierNotFound();
      const rows = await repository.listAudit(row.id);
      const chained: ChainedEntry[] = rows.map((r) => ({ entry: r.entry as AuditEntry, prevHash: r.prevHash, hash: r.hash }));
      return { entries: chained.map((c) => c.entry), verdict: verifyChain(chained, { count: row.auditCount, lastHash: row.auditLastHash }) };
    },

    /**
     * Public tracking: the code plus the last 4 digits of the applicant's ID or enterprise code. A
     * wrong second factor answers like an unknown code. The timeline carries no personal data.
     */
    async track(code: string, idLast4: string) {
      const found = await repository.tracking(code);
      if (!found || found.ownerId.slice(-4) !== idLast4) throw dossierNotFound();
      const terms = await loadTerms(found);
      return {
        code,
        procedureName: terms.name,
        agencyCode: found.agencyCode,
        state: found.state as DossierState,
        nationalStatus: NATIONAL_STATUS[found.state as DossierState],
        dueDate: found.dueDate,
        timeline: found.timeline,
      };
    },
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;
