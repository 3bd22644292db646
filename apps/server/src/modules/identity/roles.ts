// Officials' roles as sets of permissions. A route declares one permission; an actor holds it through
// a role. Names follow docs/GLOSSARY.md; permissions are `area:action`.

export const PERMISSIONS = [
  'dossiers:receive', // tiếp nhận: accept, request supplements, refuse at reception
  'dossiers:process', // chuyên viên xử lý: review, propose a decision
  'dossiers:approve', // lãnh đạo phê duyệt: decide, sign
  'dossiers:read',
  'officials:manage', // create officials of the own agency, assign roles
  'agencies:manage', // agencies, units, reception centres
  'catalog:manage', // procedure settings (e.g. reception cut-off)
  'calendar:manage', // announced schedules, office hours
  'clients:manage', // OIDC clients of agency systems
  'audit:read',
  'exchange:call', // an agency system calls services through the data exchange gateway (its client's permission)
  'exchange:manage', // access rights to the agency's services, the agency's client subsystems
  'registries:read', // an agency system reads the base registries' records (population, enterprises, land)
  'registries:manage', // the residence-management system registers a move of permanent residence
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = {
  receptionist: { vi: 'Cán bộ tiếp nhận', permissions: ['dossiers:receive', 'dossiers:read'], scope: 'agency' },
  handler: { vi: 'Chuyên viên xử lý', permissions: ['dossiers:process', 'dossiers:read'], scope: 'unit' },
  leader: { vi: 'Lãnh đạo phê duyệt', permissions: ['dossiers:approve', 'dossiers:read'], scope: 'agency' },
  agency_admin: { vi: 'Quản trị cơ quan', permissions: ['officials:manage', 'catalog:manage', 'exchange:manage'], scope: 'agency' },
  system_admin: {
    vi: 'Quản trị hệ thống',
    permissions: ['agencies:manage', 'officials:manage', 'catalog:manage', 'calendar:manage', 'clients:manage'],
    scope: 'platform',
  },
  auditor: { vi: 'Kiểm toán, thanh tra', permissions: ['audit:read', 'dossiers:read'], scope: 'agency' },
} as const satisfies Record<string, { vi: string; permissions: readonly Permission[]; scope: 'unit' | 'agency' | 'platform' }>;
export type Role = keyof typeof ROLES;

/** Which objects a permission reaches: the holder's unit, the agency, or the whole platform. */
export type Scope = 'unit' | 'agency' | 'platform';

const SCOPE_RANK: Record<Scope, number> = { unit: 0, agency: 1, platform: 2 };

/** The widest scope in which any of the roles grants the permission, or undefined. */
export function scopeOfPermission(roles: readonly Role[], permission: Permission): Scope | undefined {
  let best: Scope | undefined;
  for (const role of roles) {
    const definition = ROLES[role];
    if ((definition.permissions as readonly Permission[]).includes(permission)) {
      if (best === undefined || SCOPE_RANK[definition.scope] > SCOPE_RANK[best]) best = definition.scope;
    }
  }
  return best;
}

/**
 * What a mandate (ủy quyền) may let an agent do for a principal on the citizen side. A business's
 * legal representative holds all of them; `representatives:manage` (granting mandates) is theirs only.
 */
export const MANDATE_SCOPES = ['dossiers:submit', 'dossiers:track', 'results:receive', 'payments:pay'] as const;
export type MandateScope = (typeof MANDATE_SCOPES)[number] | 'representatives:manage';
export const LEGAL_REPRESENTATIVE_SCOPES: readonly MandateScope[] = [...MANDATE_SCOPES, 'representatives:manage'];

/** Roles only a platform-wide administrator may grant (an agency administrator grants the others). */
export const PLATFORM_ROLES: readonly Role[] = ['system_admin'];
