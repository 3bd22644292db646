import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { problemsOf, type DataAccess } from './data-access.ts';
import type { DataAccessRow, EntryFilter, TrackerRepository } from './tracker.repository.ts';

/**
 * Who is calling, read structurally from the identity module's caller (this module is below identity
 * and imports none of it): a person carries their personal ID, an official also their post.
 */
export type TrackerCaller = { kind: string; personalId?: string; post?: { agencyCode: string } | null };

/** The gateway and the back office hand their reads to this port, inside their own transaction. */
export type DataAccessRecorder = { record(tx: Executor, accesses: readonly DataAccess[]): Promise<void> };

export type TrackerDeps = {
  repository: TrackerRepository;
  clock: Clock;
  /** An agency's name for the citizen's list (the agencies module, wired by the composition root). */
  agencyName: (code: string) => Promise<string | undefined>;
};

export type ListQuery = { page: number; pageSize: number; from?: string | undefined; to?: string | undefined };

const personRequired = () => new DomainError('forbidden', 'tracker.person_required', { vi: 'Chỉ người dân xem được nhật ký khai thác dữ liệu của chính mình.', en: 'Only a person can see the record of reads of their own data.' });
const badPeriod = () => new DomainError('invalid', 'tracker.bad_period', { vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu phải trước ngày kết thúc.', en: 'Invalid period: the start must not be after the end.' });
const noPost = () => new DomainError('forbidden', 'tracker.post_required', { vi: 'Cần là cán bộ kiểm toán, thanh tra của một cơ quan.', en: 'Only an auditor holding a post may do this.' });

/** A period of Vietnam dates as instants: from 00:00 of `from` to the end of `to` (included). */
function periodOf(query: ListQuery): Pick<EntryFilter, 'from' | 'to'> {
  if (query.from && query.to && query.to < query.from) throw badPeriod();
  return {
    ...(query.from ? { from: new Date(`${query.from}T00:00:00+07:00`) } : {}),
    ...(query.to ? { to: new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
  };
}

export function createTrackerService(deps: TrackerDeps) {
  const { repository } = deps;

  async function agencyNames(rows: readonly DataAccessRow[]): Promise<Map<string, string | null>> {
    const codes = [...new Set(rows.map((r) => r.agencyCode))];
    const names = await Promise.all(codes.map(async (code) => (await deps.agencyName(code)) ?? null));
    return new Map(codes.map((code, i) => [code, names[i] ?? null]));
  }

  /**
   * The entry as its subject sees it: who (a system's name or an official's capacity, never a person's
   * name or ID, so no third party is revealed), which agency, when, what, why, for which dossier.
   */
  const citizenEntry = (row: DataAccessRow, names: Map<string, string | null>) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel,
    agency: { code: row.agencyCode, name: names.get(row.agencyCode) ?? null },
    accessor: { kind: row.accessorKind, name: row.accessorName },
    data: row.data,
    service: row.service,
    purpose: row.purpose,
    reference: row.reference,
  });

  const recorder: DataAccessRecorder = {
    /** Records reads in the caller's transaction; an invalid entry is a programming error and throws. */
    async record(tx, accesses) {
      const rows = accesses.map((access, i) => {
        const problems = problemsOf(access);
        if (problems.length > 0) throw new Error(`tracker: data access #${i} is invalid: ${problems.join('; ')}`);
        return { id: uuidv7(), ...access };
      });
      await repository.insert(tx, rows);
    },
  };

  return {
    recorder,

    /**
     * The caller's own entries, newest first. Entries hidden for an investigation are left out until
     * their date (Vietnam time), and are not counted either: the total must not betray them.
     */
    async mine(caller: TrackerCaller, query: ListQuery) {
      if (caller.kind === 'client' || typeof caller.personalId !== 'string') throw personRequired();
      const today = vietnamDate(deps.clock.now());
      const { rows, total } = await repository.page({ subjectPersonalId: caller.personalId, visibleOn: today, ...periodOf(query) }, (query.page - 1) * query.pageSize, query.pageSize);
      const names = await agencyNames(rows);
      return { items: rows.map((row) => citizenEntry(row, names)), page: query.page, pageSize: query.pageSize, total };
    },

    /**
     * An auditor's view of one person's entries made by their own agency and its units, hidden ones
     * included, with the accessor's account and the acting user (the Estonian tracker's Verifier).
     */
    async audit(caller: TrackerCaller, subjectPersonalId: string, query: ListQuery) {
      const agencyCode = caller.kind === 'official' ? caller.post?.agencyCode : undefined;
      if (!agencyCode) throw noPost();
      const { rows, total } = await repository.page({ subjectPersonalId, agencyCode, ...periodOf(query) }, (query.page - 1) * query.pageSize, query.pageSize);
      const names = await agencyNames(rows);
      return {
        items: rows.map((row) => ({ ...citizenEntry(row, names), accessorId: row.accessorId, userId: row.userId, hiddenUntil: row.hiddenUntil, recordedAt: row.recordedAt.toISOString() })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },
  };
}

export type TrackerService = ReturnType<typeof createTrackerService>;
