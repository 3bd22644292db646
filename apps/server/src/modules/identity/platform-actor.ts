import type { Actor } from './access-policy.ts';

/** The platform itself acting (CLI, demo data): a system administrator without an agency limit. */
export const PLATFORM = { kind: 'official', officialId: 'platform', personalId: '', agencyCode: '', unitCode: null, roles: ['system_admin'], mandatesFrom: [] } as const satisfies Actor;
