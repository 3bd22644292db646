import type { Subscription } from '../../kernel/events/event-bus.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { decide, type ApiCaller } from '../identity/index.ts';
import type { DataStoreRepository, StoreItemRow } from './data-store.repository.ts';
import { APPLICANT_SCOPE, REFUSALS, type DossierCore } from './dossier-core.ts';
import type { createFiling } from './filing.ts';

// The owner's e-data store (kho quản lý dữ liệu điện tử của tổ chức, cá nhân): Decree 45/2020 Art. 16
// as amended by Decree 118/2025 Art. 40(8) keeps accepted components and results in the applicant's
// store for reuse, and Decree 118/2025 Art. 4(2a) forbids asking again for what the state already
// holds (domain-vn-2025-update.md §5). Here the store holds the electronic results of the owner's
// finished dossiers, under their personal ID (or enterprise code); a later dossier attaches one by
// reference instead of an upload, and the attachment remembers where it came from (766 indicators
// 4.3 and 4.4 count such dossiers).

export const RESULT_RETURNED = 'dossiers.dossier.result_returned';
export const DATA_STORE_CONSUMER = 'dossiers.data-store';

type FilingPart = Pick<ReturnType<typeof createFiling>, 'getDraft' | 'addDraftFiles'>;

const itemNotFound = () => notFound('dossiers.store_item_not_found', { vi: 'Không tìm thấy giấy tờ trong kho dữ liệu điện tử.', en: 'No such item in the e-data store.' });

export type StoreItemView = { id: string; ownerId: string; dossierCode: string; procedureCode: string; procedureName: string; agencyCode: string; attachmentId: string; storedName: string; mediaType: string; size: number; issuedAt: string };

export function createDataStore(core: DossierCore, store: DataStoreRepository, filing: FilingPart) {
  const { deps, repository } = core;

  function view(row: StoreItemRow): StoreItemView {
    return { id: row.id, ownerId: row.ownerId, dossierCode: row.dossierCode, procedureCode: row.procedureCode, procedureName: row.procedureName, agencyCode: row.agencyCode, attachmentId: row.attachmentId, storedName: row.storedName, mediaType: row.mediaType, size: row.size, issuedAt: row.issuedAt.toISOString() };
  }

  /** Whose stores the person may use: their own, and their principals' under a mandate to file for them. */
  async function ownersFor(caller: ApiCaller): Promise<string[]> {
    if (caller.kind === 'client') throw REFUSALS.person_required();
    const actor = await deps.actorFor(caller);
    const principals = actor.kind === 'client' || actor.kind === 'anonymous' ? [] : actor.mandatesFrom.filter((m) => m.scope.includes(APPLICANT_SCOPE)).map((m) => m.principalId);
    return [caller.personalId, ...principals];
  }

  return {
    /** Keeps a returned dossier's results in its owner's store, in the delivery's transaction (once per result). */
    subscription: {
      consumer: DATA_STORE_CONSUMER,
      topics: [RESULT_RETURNED],
      async handle(event, tx) {
        const code = (event.payload as { code?: string }).code;
        if (!code) return;
        const row = await repository.findByCode(code, tx);
        if (!row?.code) return;
        const dossierCode = row.code;
        const results = (await repository.listAttachments(row.id, tx)).filter((file) => file.kind === 'result');
        if (results.length === 0) return;
        const procedureName = (await core.loadTerms(row)).name;
        await store.insertItems(
          tx,
          results.map((file) => ({ id: uuidv7(), ownerId: row.ownerId, dossierId: row.id, dossierCode, procedureCode: row.procedureCode, procedureName, agencyCode: row.agencyCode, attachmentId: file.id, storedName: file.storedName, mediaType: file.mediaType, size: file.size, sha256: file.sha256, issuedAt: event.occurredAt })),
        );
      },
    } satisfies Subscription,

    /** The caller's store and their principals' (or one owner's among them), newest first. */
    async list(caller: ApiCaller, owner?: string): Promise<StoreItemView[]> {
      const owners = await ownersFor(caller);
      if (owner !== undefined && !owners.includes(owner)) return [];
      const rows = await store.listOwned(owner === undefined ? owners : [owner], 200);
      return rows.map(view);
    },

    /**
     * Attaches a stored result to a draft of the same owner, as the document it provides: the file
     * passes that document's rules like an upload, but nothing is uploaded.
     */
    async attachToDraft(caller: ApiCaller, draftId: string, input: { documentCode: string; itemId: string }) {
      const draft = await filing.getDraft(caller, draftId);
      if (caller.kind === 'client') throw REFUSALS.person_required();
      // The draft's filer may use the owner's store only while they may still file for the owner.
      if (decide(await deps.actorFor(caller), 'self', { ownerId: draft.ownerId }, core.today(), APPLICANT_SCOPE) !== 'allowed') throw itemNotFound();
      const item = await store.findOwned(draft.ownerId, input.itemId);
      if (!item) throw itemNotFound();
      const bytes = await store.contentOf(item);
      if (!bytes) throw new DomainError('conflict', 'dossiers.store_item_unavailable', { vi: 'Tệp của giấy tờ này không còn lưu trữ.', en: "This item's file is no longer held." });
      return filing.addDraftFiles(caller, draftId, [{ documentCode: input.documentCode, name: item.storedName, bytes, storeItemId: item.id }]);
    },
  };
}
export type DataStore = ReturnType<typeof createDataStore>;
