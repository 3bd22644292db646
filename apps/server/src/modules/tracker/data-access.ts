import type { DataAccess } from '../../kernel/data-access.ts';

// Checks of the data tracker's records (kernel/data-access.ts: one read of a person's data, as the
// gateway and the back office hand it over). A record names the category of data read, never the
// values: the tracker must not become a copy of the data.

export type { DataAccess } from '../../kernel/data-access.ts';

const CHANNELS = ['exchange', 'back_office', 'direct'] as const;
const ACCESSOR_KINDS = ['system', 'official'] as const;
const PERSONAL_ID = /^\d{12}$/;
/** Text fields are labels; a long text is likely personal data pasted in by mistake. */
const MAX_TEXT = 1000;

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * The problems of an entry, empty when it may be recorded. Callers are our own modules: a problem is
 * a programming error (the recorder throws), not a user's mistake.
 */
export function problemsOf(access: DataAccess): string[] {
  const problems: string[] = [];
  const text = (name: keyof DataAccess, value: string | null, required: boolean) => {
    if (value === null) {
      if (required) problems.push(`${name} is required`);
      return;
    }
    if (typeof value !== 'string' || (required && value.trim() === '')) problems.push(`${name} must be a non-empty text`);
    else if (value.length > MAX_TEXT) problems.push(`${name} is longer than ${MAX_TEXT} characters`);
  };
  if (typeof access.subjectPersonalId !== 'string' || !PERSONAL_ID.test(access.subjectPersonalId)) problems.push('subjectPersonalId must be a 12-digit personal ID');
  if (!(CHANNELS as readonly string[]).includes(access.channel)) problems.push('channel must be exchange, back_office or direct');
  if (!(ACCESSOR_KINDS as readonly string[]).includes(access.accessorKind)) problems.push('accessorKind must be system or official');
  text('accessorId', access.accessorId, true);
  text('accessorName', access.accessorName, true);
  text('agencyCode', access.agencyCode, true);
  text('userId', access.userId, false);
  text('data', access.data, true);
  text('service', access.service, false);
  text('purpose', access.purpose, true);
  text('reference', access.reference, false);
  if (!(access.occurredAt instanceof Date) || Number.isNaN(access.occurredAt.getTime())) problems.push('occurredAt must be a valid Date');
  if (access.hiddenUntil !== null && (typeof access.hiddenUntil !== 'string' || !isRealDate(access.hiddenUntil))) problems.push('hiddenUntil must be a real date YYYY-MM-DD or null');
  // The subject's ID is the entry's key; repeated in a free-text field it would leak to auditors' exports.
  for (const name of ['data', 'purpose', 'reference', 'accessorName'] as const) {
    if (access[name]?.includes(access.subjectPersonalId)) problems.push(`${name} must not contain the subject's personal ID`);
  }
  return problems;
}

