import { checkPersonalId, decide, type Actor } from '../identity/index.ts';
import type { DataAccessRecord } from './data-access-log.ts';
import { APPLICANT_SCOPE, type DossiersDeps } from './dossier-core.ts';
import type { DossierRow } from './dossiers.repository.ts';

// Reads of a person's data in the back office, handed to the data tracker (issue 6; reliability plan
// §2.5: an official opening a dossier is a read of its owner's data). Recorded before the data is
// returned: if the tracker cannot record, the official does not get the data.

/** What the official read, as a category the citizen understands (never the values themselves). */
export const READ_WHAT = {
  dossier: 'Hồ sơ thủ tục hành chính: thông tin người nộp, tờ khai',
  attachment: 'Tệp giấy tờ trong hồ sơ',
  form: 'Biểu mẫu của hồ sơ (phiếu tiếp nhận, phiếu kiểm soát…)',
  register: 'Sổ theo dõi hồ sơ (Mẫu 06): số định danh, tình trạng hồ sơ',
  audit: 'Nhật ký xử lý hồ sơ: các bước, người nộp, lý do',
} as const;

const PURPOSE: Partial<Record<keyof typeof READ_WHAT, (code: string) => string>> = {
  register: () => 'Lập sổ theo dõi hồ sơ tiếp nhận (Mẫu 06)',
  audit: (code) => `Kiểm tra nhật ký xử lý hồ sơ ${code}`,
};

/** The capacity an official reads in, shown to the citizen instead of the official's name. */
function capacityOf(actor: Extract<Actor, { kind: 'official' }>, row: DossierRow, today: string): string {
  const handling = { agencyCode: row.handlingAgencyCode ?? row.agencyCode, unitCode: row.unitCode };
  if (decide(actor, 'dossiers:approve', handling, today) === 'allowed') return 'Lãnh đạo phê duyệt';
  if (decide(actor, 'dossiers:process', handling, today) === 'allowed') return 'Chuyên viên xử lý hồ sơ';
  if (decide(actor, 'dossiers:receive', { agencyCode: row.agencyCode, unitCode: null }, today) === 'allowed') return 'Cán bộ tiếp nhận hồ sơ';
  return 'Cán bộ, công chức';
}

/** Deepest nesting searched in form data (forms are a few levels deep; this bounds a hostile one). */
const MAX_DEPTH = 8;

/**
 * Other persons a dossier's form names by personal ID (a child's parents, a household's members):
 * every string in the form data that is a structurally valid personal ID, except the owner's. Whoever
 * reads the form reads their data too (reliability plan §2.5: recall 1.0).
 */
export function personsNamedIn(formData: unknown, ownerId: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value !== ownerId && checkPersonalId(value).valid) found.add(value);
    } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
      for (const item of Array.isArray(value) ? value : Object.values(value)) walk(item, depth + 1);
    }
  };
  walk(formData, 0);
  return [...found].sort();
}

/**
 * The tracker entries for a read of a dossier, unless the reader reads as the applicant (their own
 * dossier, or one they file under a mandate): one for its owner when the owner is a person (a
 * business is not a person), and, when the dossier itself is opened, one for each other person its
 * form names by personal ID.
 */
export function backOfficeReads(actor: Actor, row: DossierRow, what: keyof typeof READ_WHAT, procedureName: string, at: Date, today: string): DataAccessRecord[] {
  if (decide(actor, 'self', { ownerId: row.ownerId }, today, APPLICANT_SCOPE) === 'allowed') return [];
  const code = row.code;
  if (!code) return [];
  if (actor.kind !== 'official' && actor.kind !== 'client') return [];
  const procedure = procedureName.length > 300 ? `${procedureName.slice(0, 299)}…` : procedureName;
  const subjects = [
    ...(row.ownerKind === 'citizen' ? [{ personalId: row.ownerId, data: `${READ_WHAT[what]} (${procedure})` }] : []),
    ...(what === 'dossier' ? personsNamedIn(row.formData, row.ownerId).map((personalId) => ({ personalId, data: `Thông tin về bạn ghi trong tờ khai của hồ sơ (${procedure})` })) : []),
  ];
  return subjects.flatMap((subject) => entriesFor(actor, row, code, what, subject, at, today));
}

function entriesFor(actor: Extract<Actor, { kind: 'official' } | { kind: 'client' }>, row: DossierRow, code: string, what: keyof typeof READ_WHAT, subject: { personalId: string; data: string }, at: Date, today: string): DataAccessRecord[] {
  const common = {
    subjectPersonalId: subject.personalId,
    channel: 'back_office' as const,
    userId: null,
    data: subject.data,
    service: row.procedureCode,
    purpose: PURPOSE[what]?.(code) ?? `Xử lý hồ sơ ${code}`,
    reference: code,
    occurredAt: at,
    hiddenUntil: null,
  };
  return actor.kind === 'official'
    ? [{ ...common, accessorKind: 'official', accessorId: actor.officialId, accessorName: capacityOf(actor, row, today), agencyCode: actor.agencyCode }]
    : [{ ...common, accessorKind: 'system', accessorId: actor.clientId, accessorName: `Hệ thống thông tin ${actor.clientId}`, agencyCode: actor.agencyCode }];
}

/** Records the read (if it is one) in the data tracker; throws, and so withholds the data, if it cannot. */
export async function recordBackOfficeRead(deps: Pick<DossiersDeps, 'dataAccess' | 'database' | 'clock'>, actor: Actor, row: DossierRow, what: keyof typeof READ_WHAT, procedureName: string, today: string): Promise<void> {
  await recordBackOfficeReads(deps, actor, [{ row, procedureName }], what, today);
}

/** The same for a list that shows several people's data (the register): one entry per person listed. */
export async function recordBackOfficeReads(deps: Pick<DossiersDeps, 'dataAccess' | 'database' | 'clock'>, actor: Actor, rows: readonly { row: DossierRow; procedureName: string }[], what: keyof typeof READ_WHAT, today: string): Promise<void> {
  const at = deps.clock.now();
  const reads = rows.flatMap(({ row, procedureName }) => backOfficeReads(actor, row, what, procedureName, at, today));
  if (reads.length > 0) await deps.dataAccess.record(deps.database.db, reads);
}
