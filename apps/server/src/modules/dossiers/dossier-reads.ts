import { vietnamDate } from '../../kernel/clock.ts';
import { createBatchLoader } from '../../kernel/db/batch-loader.ts';
import { DomainError } from '../../kernel/errors.ts';
import { decide, reachOf, type ApiCaller } from '../identity/index.ts';
import { dossierNotFound, REFUSALS, type DossierCore } from './dossier-core.ts';
import { verifyChain, type AuditEntry, type ChainedEntry, type ChainVerdict } from './domain/audit-chain.ts';
import { buildForm, type FormData, type FormNumber } from './domain/forms.ts';
import { NATIONAL_STATUS, type DossierState } from './domain/lifecycle.ts';
import type { DossierRow } from './dossiers.repository.ts';
import { recordBackOfficeRead, recordBackOfficeReads } from './back-office-reads.ts';

// What officials, applicants and the public read: work queues, the register (Mẫu 06), the applicant's
// list, forms 01–05, the audit log and its verification, public tracking.

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
/** The state queues, and `to_answer`: consultations and liên thông transfers addressed to the agency. */
export type QueueName = keyof typeof QUEUES | 'to_answer';

/** Whose queue: the receiving agency's (reception, return), the competent agency's, or either. */
const QUEUE_SIDE: Record<keyof typeof QUEUES, 'receiving' | 'handling' | 'either'> = {
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

const queueItem = (row: DossierRow, now: Date) => ({
  code: row.code ?? '',
  procedureCode: row.procedureCode,
  state: row.state,
  nationalStatus: NATIONAL_STATUS[row.state as DossierState],
  ownerKind: row.ownerKind,
  unitCode: row.unitCode,
  submittedAt: row.submittedAt?.toISOString() ?? null,
  dueAt: row.dueAt?.toISOString() ?? null,
  overdue: row.dueAt !== null && row.dueAt < now,
});

/** Vietnamese phone numbers as written (+84 90…, 090 …): the national significant digits. */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '').replace(/^84(?=\d{9}$)/, '').replace(/^0/, '');

export function createDossierReads(core: DossierCore) {
  const { deps, repository } = core;
  // The public's lookups come in bursts (a result announced, a queue refreshing): coalesced reads.
  const tracking = createBatchLoader((codes: readonly string[]) => repository.tracking(codes));

  async function secondFactorHolds(found: { ownerId: string; filedBy: string; channel: string }, factor: { idLast4: string } | { phone: string }): Promise<boolean> {
    if ('idLast4' in factor) return found.ownerId.slice(-4) === factor.idLast4;
    // The phone is the one the applicant verified: the filer's online, the owner's for a counter filing.
    const contact = await deps.contactOf(found.channel === 'online' ? { accountId: found.filedBy } : { personalId: found.ownerId });
    return !!contact?.phone && phoneDigits(contact.phone) === phoneDigits(factor.phone) && phoneDigits(factor.phone).length >= 9;
  }
  return {
    /** An agency's work queue for officials, keyset-paged by due time (soon due and overdue included). */
    async queue(caller: ApiCaller, agencyCode: string, name: QueueName, cursor: string | null, limit: number, procedureCode: string | null = null) {
      const reach = reachOf(await deps.actorFor(caller), 'dossiers:read');
      if (reach.kind === 'none') throw REFUSALS.not_allowed();
      if (reach.kind === 'agency' && reach.agencyCode !== agencyCode) throw REFUSALS.agency_not_found();
      const now = deps.clock.now();
      const after = decodeCursor(cursor);
      const unitCode = reach.kind === 'agency' ? reach.unitCode : null;
      if (name === 'to_answer') {
        // Asked of this agency by another (or by another unit): each leg is due on its own deadline.
        const rows = await repository.legInbox({ agencyCode, unitCode, ...(procedureCode ? { procedureCode } : {}), ...(after ? { after } : {}), limit: limit + 1 });
        const page = rows.slice(0, limit);
        const last = page.at(-1)?.leg;
        return {
          items: page.map(({ leg, dossier: row }) => ({ ...queueItem(row, now), unitCode: leg.toUnitCode, dueAt: leg.dueAt.toISOString(), overdue: leg.dueAt < now, leg: { id: leg.id, kind: leg.kind, fromAgencyCode: leg.fromAgencyCode, request: leg.request } })),
          nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt, last.id) : null,
        };
      }
      const soon = new Date(`${deps.calendar().addWorkingDays(vietnamDate(now), SOON_DUE_WORKING_DAYS)}T23:59:59+07:00`);
      const rows = await repository.queue({
        agencyCode,
        side: QUEUE_SIDE[name],
        unitCode,
        states: QUEUES[name],
        ...(name === 'overdue' ? { dueBefore: now } : {}),
        ...(name === 'soon_due' ? { dueFrom: now, dueBefore: soon } : {}),
        ...(procedureCode ? { procedureCode } : {}),
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => queueItem(row, now)),
        nextCursor: rows.length > limit && last?.dueAt ? encodeCursor(last.dueAt, last.id) : null,
      };
    },

    /** How many dossiers each of an agency's queues holds now (for the officials' workspace tabs). */
    async queueCounts(caller: ApiCaller, agencyCode: string): Promise<Record<QueueName, number>> {
      const reach = reachOf(await deps.actorFor(caller), 'dossiers:read');
      if (reach.kind === 'none') throw REFUSALS.not_allowed();
      if (reach.kind === 'agency' && reach.agencyCode !== agencyCode) throw REFUSALS.agency_not_found();
      const unitCode = reach.kind === 'agency' ? reach.unitCode : null;
      const now = deps.clock.now();
      const soon = new Date(`${deps.calendar().addWorkingDays(vietnamDate(now), SOON_DUE_WORKING_DAYS)}T23:59:59+07:00`);
      const names = Object.keys(QUEUES) as (keyof typeof QUEUES)[];
      const counts = await Promise.all(
        names.map((name) =>
          repository.countQueue({ agencyCode, side: QUEUE_SIDE[name], unitCode, states: QUEUES[name], ...(name === 'overdue' ? { dueBefore: now } : {}), ...(name === 'soon_due' ? { dueFrom: now, dueBefore: soon } : {}) }),
        ),
      );
      const toAnswer = await repository.countLegInbox({ agencyCode, unitCode });
      return { ...(Object.fromEntries(names.map((name, i) => [name, counts[i] ?? 0])) as Record<keyof typeof QUEUES, number>), to_answer: toAnswer };
    },

    /**
     * The register of dossiers (Mẫu 06 of Circular 01/2018, sổ theo dõi hồ sơ) an agency received
     * between two dates (Vietnam time, `to` included), with their outcome; keyset-paged.
     */
    async register(caller: ApiCaller, agencyCode: string, from: string, to: string, cursor: string | null, limit: number) {
      const actor = await deps.actorFor(caller);
      const decision = decide(actor, 'dossiers:read', { agencyCode, unitCode: null }, core.today());
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
      const names = await Promise.all(page.map(async (row) => (await core.loadTerms(row)).name));
      // The register shows each owner's ID: a read of every citizen listed (data tracker).
      await recordBackOfficeReads(deps, actor, page.map((row, i) => ({ row, procedureName: names[i] ?? '' })), 'register', core.today());
      const items = page.map((row, i) => ({
        code: row.code ?? '',
        procedureName: names[i] ?? '',
        ownerId: row.ownerId,
        receivedAt: row.receivedAt?.toISOString() ?? null,
        dueDate: row.dueDate,
        finishedAt: row.finishedAt?.toISOString() ?? null,
        returnedAt: row.returnedAt?.toISOString() ?? null,
        punctuality: row.punctuality,
        state: row.state,
        nationalStatus: NATIONAL_STATUS[row.state as DossierState],
      }));
      return { agencyCode, from, to, items, nextCursor: rows.length > limit && last?.receivedAt ? encodeCursor(last.receivedAt, last.id) : null };
    },

    /** The person's dossiers: their own and those of whom they act for under a mandate. */
    async mine(caller: ApiCaller) {
      if (caller.kind === 'client') throw REFUSALS.person_required();
      const actor = await deps.actorFor(caller);
      const principals = actor.kind === 'client' || actor.kind === 'anonymous' ? [] : actor.mandatesFrom.filter((m) => m.scope.includes('dossiers:track') || m.scope.includes('dossiers:submit')).map((m) => m.principalId);
      const rows = await repository.listOwned([caller.personalId, ...principals], 200);
      return Promise.all(rows.map(async (row) => core.applicantView(row, await core.loadTerms(row))));
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
      const who = await core.capacitiesOf(caller, row);
      if (!who.visible) throw dossierNotFound();
      const [stored, rows] = await Promise.all([core.loadService(row), repository.listAudit(row.id)]);
      const documents = stored.documents.map((d) => ({ code: d.code, name: d.name ?? d.code }));
      const built = buildForm(form, { code, procedureCode: row.procedureCode, procedureName: stored.terms.name, agencyCode: row.agencyCode, ownerId: row.ownerId, ownerKind: row.ownerKind, channel: row.channel, dueDate: row.dueDate, documents }, rows.map((r) => r.entry as AuditEntry));
      if (!built) throw new DomainError('conflict', 'dossiers.form_not_available', { vi: 'Hồ sơ chưa có biểu mẫu này (chưa phát sinh bước tương ứng).', en: 'The dossier has no such form yet (its step has not happened).' });
      await recordBackOfficeRead(deps, who.actor, row, 'form', stored.terms.name, core.today());
      return built;
    },

    /** The audit log with its verification (officials of the agency who may read dossiers). */
    async audit(caller: ApiCaller, code: string): Promise<{ entries: AuditEntry[]; verdict: ChainVerdict }> {
      const row = await repository.findByCode(code);
      if (!row) throw dossierNotFound();
      const actor = await deps.actorFor(caller);
      if (!core.mayRead(actor, row, await core.legsOf(row))) throw dossierNotFound();
      const rows = await repository.listAudit(row.id);
      // The entries name the applicant (the filing's owner ID, reasons): a read of their data.
      await recordBackOfficeRead(deps, actor, row, 'audit', (await core.loadTerms(row)).name, core.today());
      const chained: ChainedEntry[] = rows.map((r) => ({ entry: r.entry as AuditEntry, prevHash: r.prevHash, hash: r.hash }));
      return { entries: chained.map((c) => c.entry), verdict: verifyChain(chained, { count: row.auditCount, lastHash: row.auditLastHash }) };
    },

    /**
     * Public tracking: the code plus a second factor, the last 4 digits of the applicant's ID or
     * enterprise code, or the applicant's verified phone number. A wrong second factor answers like
     * an unknown code. The timeline carries no personal data.
     */
    async track(code: string, factor: { idLast4: string } | { phone: string }) {
      const found = await tracking.load(code);
      if (!found || !(await secondFactorHolds(found, factor))) throw dossierNotFound();
      const terms = await core.loadTerms(found);
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
