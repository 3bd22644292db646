import type { Executor } from './db/database.ts';

// The data tracker's port (issue 6; Estonia's Andmejälgija usage record; Decree 47/2020 Art. 45: time,
// requester, content): one read of a person's data, as the exchange gateway and the back office
// (dossiers) hand it to the tracker module. Kept in the kernel, like the AccessGuard, so that the
// modules that record and the one that stores share one shape without importing each other. It
// names the category of data read, never the values: the tracker must not become a copy of the data.

export type DataAccess = {
  subjectPersonalId: string;
  /** Through the exchange gateway, by an official in the back office, or on a registry's own API (direct connection). */
  channel: 'exchange' | 'back_office' | 'direct';
  accessorKind: 'system' | 'official';
  /** The client subsystem id, or the official's account id. */
  accessorId: string;
  accessorName: string;
  agencyCode: string;
  /** The person acting inside the client system (X-Road-UserId), when the system names one. */
  userId: string | null;
  data: string;
  /** The gateway service id, for reads through the exchange. */
  service: string | null;
  purpose: string;
  /** X-Road-Issue or the dossier code. */
  reference: string | null;
  occurredAt: Date;
  /** Hidden from the subject until this Vietnam date (YYYY-MM-DD, an investigation); null: shown at once. */
  hiddenUntil: string | null;
};

/** Records reads in the caller's transaction: awaited before the data is returned, so an unrecorded read fails. */
export type DataAccessRecorder = { record(tx: Executor, accesses: readonly DataAccess[]): Promise<void> };

const UUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;

/**
 * Whether free text a caller states (a purpose, a case reference) holds twelve digits in a row: a
 * personal ID, or something that cannot be told from one. Such text goes into logs and the data
 * tracker and is shown to the data subject, so it must not carry anyone's ID. A UUID is not one,
 * though its last group is twelve digits once in about 270 (the platform names drafts by UUID).
 */
export function mentionsPersonalId(text: string): boolean {
  return /\d{12}/.test(text.replace(UUID, '-'));
}
