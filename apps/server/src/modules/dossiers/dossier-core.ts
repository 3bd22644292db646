import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Database, Executor } from '../../kernel/db/database.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { NewEvent, Outbox } from '../../kernel/events/outbox.ts';
import { LruCache } from '../../kernel/lru-cache.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { DataAccessLog } from './data-access-log.ts';
import { decide, type Actor, type ApiCaller, type Permission, type Resource } from '../identity/index.ts';
import { append, type AuditEntry } from './domain/audit-chain.ts';
import { availableActions, NATIONAL_STATUS, RULES, type ActionName, type DossierState, type LifecycleSnapshot, type Performer } from './domain/lifecycle.ts';
import type { DossierRow, DossiersRepository, LegRow, ServiceRow } from './dossiers.repository.ts';
import type { ServiceTerms, StoredService } from './service-terms.ts';

// What every part of the dossiers service shares: the dependencies, who the caller is for a dossier,
// the audit and outbox writes, the dossier's view, and the stored service definitions (read once per
// version). Filing, actions and reads are built on it (filing.ts, dossiers.service.ts, dossier-reads.ts).

export type DossiersDeps = {
  database: Database;
  repository: DossiersRepository;
  outbox: Outbox;
  clock: Clock;
  calendar: () => WorkingCalendar;
  /** The caller as the access policy sees it, mandates included (identity's actorFor). */
  actorFor: (caller: ApiCaller) => Promise<Actor>;
  /** Whether an account's post carries a permission over a resource (a handler being assigned). */
  officialMay: (accountId: string, permission: Permission, resource: Resource) => Promise<boolean>;
  /** Where to reach a person (their verified contacts): public tracking checks a phone number against it. */
  contactOf: (who: { accountId: string } | { personalId: string }) => Promise<{ fullName: string; email: string | null; phone: string | null } | undefined>;
  /** Whether an agency is in the directory (consultations and transfers name one). */
  agencyExists: (code: string) => Promise<boolean>;
  /** Reads a stored definition (terms, documents, steps, form schema); validates form data against a schema. */
  readService: (definition: unknown) => StoredService;
  validateForm: (serviceId: string, version: number, schema: object, data: unknown) => { path: string; message: string; keyword: string; limit?: number }[];
  /** The data tracker's recorder: an official's read of a person's dossier is recorded (back-office-reads.ts). */
  dataAccess: DataAccessLog;
  /** A base registry's answer through the exchange gateway, asked as the agency's one-stop-shop system (once-only prefill). */
  registryData: RegistryData;
};

/**
 * Asks a base-registry service through the exchange gateway on behalf of an agency's one-stop-shop
 * system, for the person `userId`, with a purpose: the answer's body, or undefined when it did not
 * answer (down, refused, no record) — the form then waits for the person.
 */
export type RegistryData = (request: { agencyCode: string; service: string; path: string; userId: string; purpose: string; issue: string }) => Promise<unknown>;

export const DOSSIER_NOT_FOUND = { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' };
export const dossierNotFound = () => notFound('dossiers.not_found', DOSSIER_NOT_FOUND);

/** Past-tense event names: dossiers.dossier.<event>. */
export const EVENT_OF: Record<ActionName, string> = {
  submit: 'submitted', withdraw: 'withdrawn', receive: 'received', refuse: 'refused', request_supplement: 'supplement_requested', supplement: 'supplemented',
  forward: 'forwarded', assign: 'assigned', consult: 'consultation_requested', answer_consultation: 'consultation_answered', transfer: 'transferred', return_transfer: 'transfer_returned',
  propose: 'proposed', send_back: 'sent_back', approve: 'approved', reject: 'rejected', request_payment: 'payment_requested', confirm_payment: 'payment_confirmed',
  reschedule: 'rescheduled', stop: 'stopped', return_result: 'result_returned',
};

/** Audit entries that record a fact without a state change, and their events. */
const RECORD_EVENTS: Partial<Record<string, string>> = { attach_result: 'result_attached' };

/** Mandate scope a person needs to act as the applicant. */
export const APPLICANT_SCOPE = 'dossiers:submit' as const;

export const REFUSALS = {
  wrong_state: () => new DomainError('conflict', 'dossiers.wrong_state', { vi: 'Hồ sơ đang ở trạng thái không cho phép thao tác này.', en: 'The dossier is not in a state that allows this action.' }),
  not_allowed: () => new DomainError('forbidden', 'dossiers.action_not_allowed', { vi: 'Bạn không có quyền thực hiện thao tác này với hồ sơ.', en: 'You may not take this action on the dossier.' }),
  reason_required: () => new DomainError('invalid', 'dossiers.reason_required', { vi: 'Cần nêu đầy đủ lý do.', en: 'The reasons are required.' }),
  person_required: () => new DomainError('forbidden', 'dossiers.person_required', { vi: 'Hồ sơ do người dân, doanh nghiệp nộp.', en: 'Dossiers are filed by people and businesses.' }),
  agency_not_found: () => notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' }),
  limit_reached: () => new DomainError('conflict', 'dossiers.limit_reached', { vi: 'Thao tác này chỉ được thực hiện một lần cho mỗi hồ sơ.', en: 'This action is allowed only once per dossier.' }),
  legs_required: () => new DomainError('invalid', 'dossiers.legs_required', { vi: 'Cần nêu cơ quan, đơn vị được xin ý kiến hoặc chuyển liên thông và thời hạn của từng nơi.', en: 'Name the agencies or units consulted or transferred to, each with its deadline.' }),
};

export const snapshotOf = (row: DossierRow): LifecycleSnapshot => ({
  state: row.state as DossierState,
  resumeTo: (row.resumeTo as DossierState | null) ?? null,
  supplementsInProcessing: row.supplementsInProcessing,
  reschedules: row.reschedules,
  openLegs: row.openLegs,
});

/** The competent agency, and the unit within it when the service's handling unit is one of its units. */
export function handlingOf(terms: ServiceTerms, receivingAgency: string): { handlingAgencyCode: string; unitCode: string | null } {
  const handlingAgencyCode = terms.competentAgencyCode ?? receivingAgency;
  const unit = terms.handlingUnitCode;
  return { handlingAgencyCode, unitCode: unit?.startsWith(`${handlingAgencyCode}.`) ? unit : null };
}

export const ownerKindOf = (ownerId: string): 'citizen' | 'business' => (/^\d{12}$/.test(ownerId) ? 'citizen' : 'business');

/** Answering a consultation or a transfer belongs to the agency (or unit) it was addressed to. */
const LEG_ANSWERS: Partial<Record<ActionName, LegRow['kind']>> = { answer_consultation: 'consultation', return_transfer: 'transfer' };

/** How long a filing may use a service definition read earlier (another instance's change shows within it). */
const SERVICE_TTL_MS = 5_000;

export type Who = { performer: Performer | null; visible: boolean; actor: Actor; leg: LegRow | null };

/** Reception work belongs to the receiving agency; appraisal and decisions to the competent one. */
/** States in which the handler or the leader may attach (or replace) the signed result file. */
export const RESULT_STATES: readonly string[] = ['awaiting_approval', 'approved', 'rejected'];

function resourceFor(row: DossierRow, permission: Permission) {
  return permission === 'dossiers:receive' ? { agencyCode: row.agencyCode, unitCode: null } : { agencyCode: row.handlingAgencyCode ?? row.agencyCode, unitCode: row.unitCode };
}

export function createDossierCore(deps: DossiersDeps) {
  const { repository } = deps;
  const today = () => vietnamDate(deps.clock.now());

  /** Appends the audit entry in the caller's transaction; returns the new head. */
  async function appendAudit(tx: Executor, row: Pick<DossierRow, 'id' | 'auditCount' | 'auditLastHash'>, entry: Omit<AuditEntry, 'seq'>) {
    const chained = append({ count: row.auditCount, lastHash: row.auditLastHash }, entry);
    await repository.insertAudit(tx, { dossierId: row.id, seq: chained.row.entry.seq, entry: chained.row.entry, prevHash: chained.row.prevHash, hash: chained.row.hash });
    return chained.head;
  }

  /** The outbox event of an audit entry: codes, agencies and states, no personal data. */
  function eventOf(row: Pick<DossierRow, 'id' | 'code' | 'agencyCode' | 'procedureCode'>, entry: Omit<AuditEntry, 'seq'>, requestId: string | null): NewEvent {
    return {
      topic: `dossiers.dossier.${EVENT_OF[entry.action as ActionName] ?? RECORD_EVENTS[entry.action] ?? entry.action}`,
      aggregateId: row.id,
      payload: { code: row.code, agencyCode: row.agencyCode, procedureCode: row.procedureCode, from: entry.from, to: entry.to, at: entry.at },
      requestId,
    };
  }

  /** Appends the audit entry and writes the outbox event, in the caller's transaction; returns the new head. */
  async function record(tx: Executor, row: Pick<DossierRow, 'id' | 'code' | 'agencyCode' | 'procedureCode' | 'auditCount' | 'auditLastHash'>, entry: Omit<AuditEntry, 'seq'>, requestId: string | null) {
    const head = await appendAudit(tx, row, entry);
    await deps.outbox.append(tx, eventOf(row, entry, requestId));
    return head;
  }

  const legsOf = async (row: DossierRow, executor?: Executor): Promise<LegRow[]> => (row.legCount > 0 ? repository.listLegs(row.id, executor) : []);

  /**
   * Officials of the receiving or of the competent agency who may read dossiers see it, and so do
   * those of an agency or unit it was sent to for an opinion or a liên thông step.
   */
  function mayRead(actor: Actor, row: DossierRow, legs: readonly LegRow[]): boolean {
    const reads = (agencyCode: string, unitCode: string | null) => decide(actor, 'dossiers:read', { agencyCode, unitCode }, today()) === 'allowed';
    return reads(row.agencyCode, null) || reads(row.handlingAgencyCode ?? row.agencyCode, row.unitCode) || legs.some((leg) => reads(leg.toAgencyCode, leg.toUnitCode));
  }

  /**
   * Who the caller is for this dossier: its applicant, an official through a permission, or nobody.
   * For an answer to a consultation or transfer, the open leg addressed to the caller comes with it.
   */
  async function performerFor(caller: ApiCaller, row: DossierRow, action: ActionName): Promise<Who> {
    const actor = await deps.actorFor(caller);
    const asApplicant = decide(actor, 'self', { ownerId: row.ownerId }, today(), APPLICANT_SCOPE) === 'allowed';
    const rule = RULES[action];
    if (asApplicant && rule.by.includes('applicant')) return { performer: 'applicant', visible: true, actor, leg: null };
    const legs = await legsOf(row);
    const answers = LEG_ANSWERS[action];
    if (answers) {
      const leg = openLegFor(actor, legs, answers);
      if (leg) return { performer: 'dossiers:process', visible: true, actor, leg };
    } else {
      for (const permission of rule.by) {
        if (permission !== 'applicant' && decide(actor, permission, resourceFor(row, permission), today()) === 'allowed') return { performer: permission, visible: true, actor, leg: null };
      }
    }
    return { performer: asApplicant ? 'applicant' : null, visible: asApplicant || mayRead(actor, row, legs), actor, leg: null };
  }

  const openLegFor = (actor: Actor, legs: readonly LegRow[], kind: LegRow['kind']) =>
    legs.find((l) => l.kind === kind && l.status === 'open' && decide(actor, 'dossiers:process', { agencyCode: l.toAgencyCode, unitCode: l.toUnitCode }, today()) === 'allowed');

  /**
   * What the caller may see and do with the dossier now: visible or not, and every action open to
   * them through any capacity they hold (applicant, reception, handling, decision, an addressed leg).
   * `offered` adds what is not a transition but is the reader's to do now: attaching the result.
   */
  async function capacitiesOf(caller: ApiCaller, row: DossierRow): Promise<{ visible: boolean; actions: ActionName[]; offered: string[]; actor: Actor; legs: LegRow[] }> {
    const actor = await deps.actorFor(caller);
    const legs = await legsOf(row);
    const snapshot = snapshotOf(row);
    const asApplicant = decide(actor, 'self', { ownerId: row.ownerId }, today(), APPLICANT_SCOPE) === 'allowed';
    const performers: Performer[] = asApplicant ? ['applicant'] : [];
    for (const permission of ['dossiers:receive', 'dossiers:process', 'dossiers:approve'] as const) {
      if (decide(actor, permission, resourceFor(row, permission), today()) === 'allowed') performers.push(permission);
    }
    const actions = new Set(performers.flatMap((p) => availableActions(snapshot, p)).filter((a) => !LEG_ANSWERS[a]));
    for (const [action, kind] of Object.entries(LEG_ANSWERS) as [ActionName, LegRow['kind']][]) {
      if (openLegFor(actor, legs, kind) && availableActions(snapshot, 'dossiers:process').includes(action)) actions.add(action);
    }
    const mayAttachResult = RESULT_STATES.includes(snapshot.state) && performers.some((p) => p === 'dossiers:process' || p === 'dossiers:approve');
    return { visible: asApplicant || mayRead(actor, row, legs), actions: [...actions], offered: [...actions, ...(mayAttachResult ? ['attach_result'] : [])], actor, legs };
  }

  /** The dossier as its reader sees it; `actions` are those open to the reader now. */
  function view(row: DossierRow, actions: readonly string[], terms: ServiceTerms) {
    const snapshot = snapshotOf(row);
    return {
      code: row.code ?? '',
      draftId: row.state === 'draft' ? row.id : null,
      procedureCode: row.procedureCode,
      procedureName: terms.name,
      agencyCode: row.agencyCode,
      handlingAgencyCode: row.handlingAgencyCode ?? row.agencyCode,
      unitCode: row.unitCode,
      handlerId: row.handlerId,
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
      reschedules: row.reschedules,
      allowedActions: [...actions],
    };
  }

  /**
   * The service an agency offers for a procedure, as filings read it: kept for a few seconds so a
   * burst of filings does not read and parse the same definition each time. A change made here is
   * seen at once; one made by another instance within SERVICE_TTL_MS.
   */
  const offered = new LruCache<string, { row: ServiceRow | undefined; until: number }>(1000);
  async function offeredService(agencyCode: string, procedureCode: string): Promise<ServiceRow | undefined> {
    const key = `${agencyCode}|${procedureCode}`;
    const now = Date.now();
    const hit = offered.get(key);
    if (hit && hit.until > now) return hit.row;
    const row = await repository.findService(agencyCode, procedureCode);
    offered.set(key, { row, until: now + SERVICE_TTL_MS });
    return row;
  }
  const forgetOffered = (agencyCode: string, procedureCode: string) => offered.delete(`${agencyCode}|${procedureCode}`);

  /** The dossier as its applicant sees it. */
  const applicantView = (row: DossierRow, terms: ServiceTerms) => view(row, availableActions(snapshotOf(row), 'applicant'), terms);

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

  return { deps, repository, today, appendAudit, eventOf, record, legsOf, mayRead, performerFor, capacitiesOf, view, applicantView, offeredService, forgetOffered, storedOf, loadService, loadTerms };
}

export type DossierCore = ReturnType<typeof createDossierCore>;
export type DossierViewData = ReturnType<DossierCore['view']>;
