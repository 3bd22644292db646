import { createHash } from 'node:crypto';
import { vietnamDate } from '../../kernel/clock.ts';
import { isUniqueViolation } from '../../kernel/db/database.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { decide, type Actor, type ApiCaller } from '../identity/index.ts';
import { APPLICANT_SCOPE, handlingOf, ownerKindOf, REFUSALS, type DossierCore, type DossierViewData } from './dossier-core.ts';
import { append, canonicalJson, GENESIS_HASH } from './domain/audit-chain.ts';
import { checkAttachment, type MediaKind } from './domain/attachments.ts';
import { dueFrom } from './domain/deadline.ts';
import { applyPrefill, type PrefillRecord } from './domain/prefill.ts';
import { NEW_DOSSIER, transition } from './domain/lifecycle.ts';
import type { DraftRow, ServiceRow } from './dossiers.repository.ts';
import { createFilingBatcher, type PreparedFiling } from './filing-batch.ts';
import type { DocumentTerms, StoredService } from './service-terms.ts';

// Filing (Decree 61/2018 Art. 16, Decree 118/2025 Art. 17): online by the applicant or an agent under
// a mandate, at the counter or by post through a receptionist who enters it, or from a draft saved
// while the applicant prepared it. Every filing is checked whole before anything is written, then
// committed with its code through the filing batcher (group commit, filing-batch.ts).

export type Channel = 'online' | 'in_person' | 'postal';

export type SubmitInput = { agencyCode: string; procedureCode: string; onBehalfOf?: string | undefined; channel?: Channel | undefined; formData: Record<string, unknown> };
export type DraftInput = { agencyCode: string; procedureCode: string; onBehalfOf?: string | undefined; formData: Record<string, unknown> };

/** A file attached at submission, under the code of the document it provides. */
export type SubmittedFile = { documentCode: string; name: string; bytes: Uint8Array; storeItemId?: string };

export type CheckedFile = { documentCode: string; storedName: string; mediaType: string; size: number; sha256: string; bytes: Uint8Array; storeItemId?: string | undefined };

/** A file must answer a listed document of the procedure and pass that document's rules. */
export function checkFile(documents: readonly DocumentTerms[], file: SubmittedFile): CheckedFile {
  const document = documents.find((d) => d.code === file.documentCode);
  if (!document) {
    throw new DomainError('invalid', 'dossiers.unknown_document', { vi: 'Tệp đính kèm không thuộc thành phần hồ sơ nào của thủ tục.', en: 'The attachment answers no document of the procedure.' }, { document: file.documentCode });
  }
  const result = checkAttachment({ name: file.name, bytes: file.bytes }, { maxBytes: document.maxBytes, accepted: document.accepted as MediaKind[] });
  if (!result.ok) {
    throw new DomainError('invalid', 'dossiers.attachment_refused', { vi: 'Tệp đính kèm không được chấp nhận (loại tệp, dung lượng hoặc nội dung không hợp lệ).', en: 'The attachment was refused (file type, size or content).' }, { document: file.documentCode, reason: result.reason });
  }
  return { documentCode: file.documentCode, storedName: result.storedName, mediaType: result.mediaType, size: result.size, sha256: result.sha256, bytes: file.bytes, storeItemId: file.storeItemId };
}

/** Every mandatory document must be provided (61/2018 Art. 17: a complete dossier). */
function requireMandatory(documents: readonly DocumentTerms[], provided: readonly string[]): void {
  const missing = documents.filter((d) => d.requirement === 'mandatory' && !provided.includes(d.code)).map((d) => d.code);
  if (missing.length > 0) throw new DomainError('invalid', 'dossiers.missing_documents', { vi: 'Thiếu thành phần hồ sơ bắt buộc.', en: 'Mandatory documents are missing.' }, { missing });
}

const serviceNotFound = () => notFound('dossiers.service_not_found', { vi: 'Cơ quan chưa cung cấp dịch vụ công trực tuyến cho thủ tục này.', en: 'The agency offers no online service for this procedure.' });
const draftNotFound = () => notFound('dossiers.draft_not_found', { vi: 'Không tìm thấy hồ sơ lưu nháp.', en: 'Draft not found.' });
const keyReused = () => new DomainError('conflict', 'dossiers.idempotency_key_reused', { vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác.', en: 'The Idempotency-Key was used for a different request.' });

/** What the caller's identity allows them to file: for whom, through which channel. */
type Filer = { kind: 'citizen' | 'official'; accountId: string; ownerId: string; channel: Channel };

export function createFiling(core: DossierCore) {
  const { deps, repository } = core;
  const batcher = createFilingBatcher(deps.database, deps.outbox, {
    async consumeDraft(tx, draftId, dossierId) {
      // Two submissions of one draft at once: the second finds it gone and is refused.
      if (!(await repository.deleteDraft(tx, draftId))) throw new DomainError('conflict', 'dossiers.draft_already_filed', { vi: 'Hồ sơ lưu nháp này đã được nộp.', en: 'This draft has already been filed.' });
      await repository.moveAttachments(tx, draftId, dossierId);
    },
  });

  /**
   * Who files for whom. Online: the person themself, or for someone under a mandate. At the counter
   * or by post (61/2018 Art. 16): a receptionist of the receiving agency enters the applicant's dossier.
   */
  async function filerOf(caller: ApiCaller, agencyCode: string, onBehalfOf: string | undefined, channel: Channel): Promise<Filer> {
    if (caller.kind === 'client') throw REFUSALS.person_required();
    if (channel !== 'online') {
      if (!onBehalfOf) throw new DomainError('invalid', 'dossiers.applicant_required', { vi: 'Cần nhập số định danh cá nhân hoặc mã số doanh nghiệp của người nộp hồ sơ.', en: "The applicant's personal ID or enterprise code is required." });
      const decision = decide(await deps.actorFor(caller), 'dossiers:receive', { agencyCode, unitCode: null }, core.today());
      if (decision !== 'allowed') throw new DomainError('forbidden', 'dossiers.counter_not_allowed', { vi: 'Chỉ cán bộ tiếp nhận của cơ quan được nhập hồ sơ nộp trực tiếp hoặc qua bưu chính.', en: 'Only the agency’s receptionists enter dossiers filed in person or by post.' });
      return { kind: caller.kind, accountId: caller.accountId, ownerId: onBehalfOf, channel };
    }
    const ownerId = onBehalfOf ?? caller.personalId;
    // Filing for oneself needs no mandate: the mandates are read only when filing for someone else.
    const actor: Actor = onBehalfOf ? await deps.actorFor(caller) : { kind: 'citizen', personalId: caller.personalId, assurance: caller.assuranceLevel === 2 ? 2 : 1, mandatesFrom: [] };
    if (decide(actor, 'self', { ownerId }, core.today(), APPLICANT_SCOPE) !== 'allowed') {
      throw new DomainError('forbidden', 'dossiers.no_mandate', { vi: 'Bạn chưa được ủy quyền nộp hồ sơ cho người/doanh nghiệp này.', en: 'You hold no mandate to file for this person or business.' });
    }
    return { kind: caller.kind, accountId: caller.accountId, ownerId, channel };
  }

  async function enabledService(agencyCode: string, procedureCode: string): Promise<{ svc: ServiceRow; stored: StoredService }> {
    const svc = await core.offeredService(agencyCode, procedureCode);
    if (!svc?.enabled) throw serviceNotFound();
    return { svc, stored: core.storedOf(svc) };
  }

  function validateForm(svc: ServiceRow, stored: StoredService, formData: unknown): void {
    const errors = deps.validateForm(svc.id, svc.version, stored.formSchema, formData);
    if (errors.length > 0) throw new DomainError('invalid', 'dossiers.invalid_form', { vi: 'Tờ khai chưa hợp lệ.', en: 'The form is not valid.' }, { errors });
  }

  /** The dossier a key already made for this filer: the same request answers it again; another is a 409. */
  async function replayOf(accountId: string, key: string | null, requestHash: string, stored: StoredService): Promise<{ created: false; dossier: DossierViewData } | undefined> {
    if (!key) return undefined;
    const existing = await repository.findByIdempotencyKey(deps.database.db, accountId, key);
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash) throw keyReused();
    return { created: false, dossier: core.applicantView(existing, stored.terms) };
  }

  /** Prepares every row of the filing, then commits it in the next batch; a lost key race answers as a replay. */
  async function fileChecked(args: { filer: Filer; svc: ServiceRow; stored: StoredService; agencyCode: string; procedureCode: string; formData: Record<string, unknown>; files: readonly CheckedFile[]; fromDraft: string | null; key: string | null; requestHash: string | null; requestId: string | null }): Promise<{ created: boolean; dossier: DossierViewData }> {
    const { filer, svc, stored } = args;
    const now = deps.clock.now();
    // Paper dossiers (counter, post) follow the in-person receipt rules (15:00 cut-off, Art. 18).
    const due = dueFrom(deps.calendar(), now.toISOString(), { ...stored.terms.timeLimit, channel: filer.channel === 'online' ? 'online' : 'in_person' });
    const step = transition(NEW_DOSSIER, 'submit', 'applicant');
    if (!step.ok) throw new Error('a new dossier cannot be submitted');
    const id = uuidv7();
    const entry = { at: now.toISOString(), actor: { kind: filer.kind, id: filer.accountId, role: filer.channel === 'online' ? null : 'dossiers:receive' }, action: 'submit', from: 'draft', to: step.next.state, reason: null, data: { ownerId: filer.ownerId, channel: filer.channel } };
    const chained = append({ count: 0, lastHash: GENESIS_HASH }, entry);
    const prepared: PreparedFiling = {
      dossier: {
        id, code: null, serviceId: svc.id, serviceVersion: svc.version, agencyCode: args.agencyCode, ...handlingOf(stored.terms, args.agencyCode), procedureCode: args.procedureCode,
        ownerId: filer.ownerId, ownerKind: ownerKindOf(filer.ownerId), filedBy: filer.accountId, channel: filer.channel, state: step.next.state, formData: args.formData,
        submittedAt: now, dueDate: due.dueDate, dueAt: new Date(due.dueAt), idempotencyKey: args.key, requestHash: args.requestHash, auditCount: chained.head.count, auditLastHash: chained.head.lastHash,
      },
      audit: { dossierId: id, seq: chained.row.entry.seq, entry: chained.row.entry, prevHash: chained.row.prevHash, hash: chained.row.hash },
      attachments: args.files.map((f) => ({ id: uuidv7(), dossierId: id, documentCode: f.documentCode, storedName: f.storedName, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.bytes })),
      day: vietnamDate(now),
      fromDraft: args.fromDraft,
      event: (row) => core.eventOf(row, entry, args.requestId),
    };
    try {
      return { created: true, dossier: core.applicantView(await batcher.file(prepared), stored.terms) };
    } catch (error) {
      // Two requests with the same key at once: the loser answers like a replay.
      const again = args.requestHash && isUniqueViolation(error) ? await replayOf(filer.accountId, args.key, args.requestHash, stored) : undefined;
      if (again) return again;
      throw error;
    }
  }

  function draftView(row: DraftRow, stored: StoredService, attachments: Awaited<ReturnType<typeof repository.listAttachments>>) {
    return {
      id: row.id,
      agencyCode: row.agencyCode,
      procedureCode: row.procedureCode,
      procedureName: stored.terms.name,
      ownerId: row.ownerId,
      formData: row.formData as Record<string, unknown>,
      prefill: (row.prefill as PrefillRecord | null) ?? null,
      attachments: attachments.map((a) => ({ id: a.id, documentCode: a.documentCode, storedName: a.storedName, mediaType: a.mediaType, size: a.size, storeItemId: a.storeItemId })),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /**
   * Once-only (domain/prefill.ts): a person at assurance level 2 (identity proven, domain-vn.md §7.3)
   * starting a dossier for themself gets the form's registry fields filled through the gateway, asked
   * as the receiving agency's one-stop shop with the purpose "dossier <draft id>"; every such read is
   * in the person's data tracker. Filing for someone else fills nothing: that person's data is theirs.
   */
  async function prefilled(caller: ApiCaller, filer: Filer, stored: StoredService, input: DraftInput, id: string): Promise<{ formData: Record<string, unknown>; record: PrefillRecord | null }> {
    if (caller.kind === 'client' || stored.prefill.length === 0 || caller.assuranceLevel < 2 || filer.ownerId !== caller.personalId) return { formData: input.formData, record: null };
    const personalId = caller.personalId;
    const answers = await Promise.all(
      stored.prefill.map(async (rule) => {
        const body = await deps
          .registryData({ agencyCode: input.agencyCode, service: rule.service, path: `/${personalId}`, userId: personalId, purpose: `dossier ${id}`, issue: `dossier ${id}` })
          .catch(() => undefined);
        return { rule, body };
      }),
    );
    return applyPrefill(input.formData, answers);
  }

  async function ownDraft(caller: ApiCaller, id: string): Promise<{ row: DraftRow; stored: StoredService; svc: ServiceRow }> {
    if (caller.kind === 'client') throw REFUSALS.person_required();
    const row = await repository.findDraft(id, caller.accountId);
    if (!row) throw draftNotFound();
    const { svc, stored } = await enabledService(row.agencyCode, row.procedureCode);
    return { row, stored, svc };
  }

  return {
    /** Files a dossier (Decree 118/2025 Art. 17; code per Circular 01/2018 Art. 19). Idempotent per key. */
    async submit(caller: ApiCaller, input: SubmitInput, idempotencyKey: string | null, requestId: string | null, files: readonly SubmittedFile[] = []): Promise<{ created: boolean; dossier: DossierViewData }> {
      const filer = await filerOf(caller, input.agencyCode, input.onBehalfOf, input.channel ?? 'online');
      const { svc, stored } = await enabledService(input.agencyCode, input.procedureCode);
      validateForm(svc, stored, input.formData);
      const checked = files.map((file) => checkFile(stored.documents, file));
      requireMandatory(stored.documents, checked.map((f) => f.documentCode));
      // The request's fingerprint matters only to tell a replay from a reuse of its key.
      const requestHash = idempotencyKey ? createHash('sha256').update(canonicalJson({ ...input, onBehalfOf: filer.ownerId, channel: filer.channel, files: checked.map((f) => [f.documentCode, f.sha256]) })).digest('hex') : null;
      const replayed = requestHash ? await replayOf(filer.accountId, idempotencyKey, requestHash, stored) : undefined;
      if (replayed) return replayed;
      return fileChecked({ filer, svc, stored, agencyCode: input.agencyCode, procedureCode: input.procedureCode, formData: input.formData, files: checked, fromDraft: null, key: idempotencyKey, requestHash, requestId });
    },

    /** Saves a draft (no check of the form yet: it is being filled). */
    async createDraft(caller: ApiCaller, input: DraftInput) {
      const filer = await filerOf(caller, input.agencyCode, input.onBehalfOf, 'online');
      const { stored } = await enabledService(input.agencyCode, input.procedureCode);
      const id = uuidv7();
      const { formData, record } = await prefilled(caller, filer, stored, input, id);
      const row = await repository.insertDraft({ id, filedBy: filer.accountId, ownerId: filer.ownerId, agencyCode: input.agencyCode, procedureCode: input.procedureCode, formData, prefill: record });
      return draftView(row, stored, []);
    },

    async getDraft(caller: ApiCaller, id: string) {
      const { row, stored } = await ownDraft(caller, id);
      return draftView(row, stored, await repository.listAttachments(row.id));
    },

    async updateDraft(caller: ApiCaller, id: string, formData: Record<string, unknown>) {
      const { stored } = await ownDraft(caller, id);
      const row = await repository.updateDraft(id, caller.kind === 'client' ? '' : caller.accountId, formData);
      if (!row) throw draftNotFound();
      return draftView(row, stored, await repository.listAttachments(row.id));
    },

    /** Discards a draft and its files (even when its service is no longer offered). */
    async deleteDraft(caller: ApiCaller, id: string): Promise<void> {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const row = await repository.findDraft(id, caller.accountId);
      if (!row) throw draftNotFound();
      await deps.database.db.transaction(async (tx) => {
        if (!(await repository.deleteDraft(tx, row.id))) throw draftNotFound();
        for (const file of await repository.listAttachments(row.id, tx)) await repository.deleteAttachment(tx, row.id, file.id);
      });
    },

    /** Uploads files to a draft, each checked now (type from content, size, executables, archives). */
    async addDraftFiles(caller: ApiCaller, id: string, files: readonly SubmittedFile[]) {
      const { row, stored } = await ownDraft(caller, id);
      if (files.length === 0) throw new DomainError('invalid', 'dossiers.no_file', { vi: 'Chưa chọn tệp để tải lên.', en: 'No file was sent.' });
      const checked = files.map((file) => checkFile(stored.documents, file));
      await deps.database.db.transaction(async (tx) => {
        for (const f of checked) await repository.insertAttachment(tx, { id: uuidv7(), dossierId: row.id, documentCode: f.documentCode, storedName: f.storedName, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: f.bytes, storeItemId: f.storeItemId ?? null });
      });
      return draftView(row, stored, await repository.listAttachments(row.id));
    },

    async removeDraftFile(caller: ApiCaller, id: string, attachmentId: string) {
      const { row, stored } = await ownDraft(caller, id);
      const removed = await deps.database.db.transaction((tx) => repository.deleteAttachment(tx, row.id, attachmentId));
      if (!removed) throw notFound('dossiers.attachment_not_found', { vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' });
      return draftView(row, stored, await repository.listAttachments(row.id));
    },

    async myDrafts(caller: ApiCaller) {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const rows = await repository.listDrafts(caller.accountId, 100);
      return Promise.all(rows.map(async (row) => {
        const found = await repository.findService(row.agencyCode, row.procedureCode);
        return { id: row.id, agencyCode: row.agencyCode, procedureCode: row.procedureCode, procedureName: found ? core.storedOf(found).terms.name : row.procedureCode, updatedAt: row.updatedAt.toISOString() };
      }));
    },

    /**
     * What filing the draft would refuse now, without filing it: the form's errors (where, which rule)
     * and the mandatory documents still missing. The portal shows them next to their fields.
     */
    async checkDraft(caller: ApiCaller, id: string) {
      const { row, stored, svc } = await ownDraft(caller, id);
      const files = await repository.listAttachments(row.id);
      return {
        errors: deps.validateForm(svc.id, svc.version, stored.formSchema, row.formData),
        missingDocuments: stored.documents.filter((d) => d.requirement === 'mandatory' && !files.some((f) => f.documentCode === d.code)).map((d) => d.code),
      };
    },

    /** Files the draft as it stands: the form and the files are checked as for any filing. */
    async submitDraft(caller: ApiCaller, id: string, idempotencyKey: string | null, requestId: string | null): Promise<{ created: boolean; dossier: DossierViewData }> {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const draftHash = createHash('sha256').update(canonicalJson({ draft: id })).digest('hex');
      const row = await repository.findDraft(id, caller.accountId);
      if (!row) {
        // Filed already: the same key answers with the dossier it made.
        const existing = idempotencyKey ? await repository.findByIdempotencyKey(deps.database.db, caller.accountId, idempotencyKey) : undefined;
        if (existing && existing.requestHash === draftHash) return { created: false, dossier: core.applicantView(existing, await core.loadTerms(existing)) };
        if (existing) throw keyReused();
        throw draftNotFound();
      }
      const filer = await filerOf(caller, row.agencyCode, row.ownerId === caller.personalId ? undefined : row.ownerId, 'online');
      const { svc, stored } = await enabledService(row.agencyCode, row.procedureCode);
      validateForm(svc, stored, row.formData);
      const files = await repository.listAttachments(row.id);
      requireMandatory(stored.documents, files.map((f) => f.documentCode));
      const replayed = await replayOf(filer.accountId, idempotencyKey, draftHash, stored);
      if (replayed) return replayed;
      return fileChecked({ filer, svc, stored, agencyCode: row.agencyCode, procedureCode: row.procedureCode, formData: row.formData as Record<string, unknown>, files: [], fromDraft: row.id, key: idempotencyKey, requestHash: draftHash, requestId });
    },
  };
}

export type Filing = ReturnType<typeof createFiling>;
