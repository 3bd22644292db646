import { decide, type Actor } from '../identity/index.ts';
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

/**
 * The tracker entries for a read of a dossier: one for its owner when the owner is a person and the
 * reader is not reading as the applicant (their own dossier, or one they file under a mandate). A
 * business's dossier is not a person's data; a citizen reading their own is not tracked.
 */
export function backOfficeReads(actor: Actor, row: DossierRow, what: keyof typeof READ_WHAT, procedureName: string, at: Date, today: string): DataAccessRecord[] {
  if (decide(actor, 'self', { ownerId: row.ownerId }, today, APPLICANT_SCOPE) === 'allowed') return [];
  if (row.ownerKind !== 'citizen' || !row.code) return [];
  if (actor.kind !== 'official' && actor.kind !== 'client') return [];
  const common = {
    subjectPersonalId: row.ownerId,
    channel: 'back_office' as const,
    userId: null,
    data: `${READ_WHAT[what]} (${procedureName.length > 300 ? `${procedureName.slice(0, 299)}…` : procedureName})`,
    service: row.procedureCode,
    purpose: PURPOSE[what]?.(row.code) ?? `Xử lý hồ sơ ${row.code}`,
    reference: row.code,
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
