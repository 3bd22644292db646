import { scopeOfPermission, type MandateScope, type Permission, type Role } from './roles.ts';

// One authorization decision for every route: who (actor) may do what (permission) on which object.
// 'hidden' means the caller must answer 404, as for an object that does not exist, so a denied
// actor cannot learn that it exists; 'forbidden' (403) is for what the actor may know exists
// (a route its role does not reach).

export type AssuranceLevel = 1 | 2; // Decree 69/2024: level 1 self-registered, level 2 verified

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; personalId: string; assurance: AssuranceLevel; mandatesFrom: readonly MandateHeld[] }
  | { kind: 'official'; officialId: string; personalId: string; agencyCode: string; unitCode: string | null; roles: readonly Role[]; mandatesFrom: readonly MandateHeld[] }
  | { kind: 'client'; clientId: string; agencyCode: string; permissions: readonly Permission[] };

/** A mandate the actor holds from a principal (business or citizen), valid from/until (inclusive dates). */
export type MandateHeld = { principalId: string; from: string; until: string; scope: readonly MandateScope[] };

/** What an object tells the policy about itself. */
export type Resource = {
  /** The citizen or business whose object this is (their personal ID or enterprise code). */
  ownerId?: string;
  /** The agency that handles it, and the unit within it. */
  agencyCode?: string;
  unitCode?: string | null;
};

export type Decision = 'allowed' | 'forbidden' | 'hidden';

/**
 * People act on their own objects, or a principal's under a mandate valid on `today` (YYYY-MM-DD)
 * whose scope covers the action (any scope, when no action is named: seeing the object).
 */
function personMayReach(actor: { personalId: string; mandatesFrom: readonly MandateHeld[] }, resource: Resource, today: string, action: MandateScope | undefined): boolean {
  if (!resource.ownerId) return false;
  if (resource.ownerId === actor.personalId) return true;
  return actor.mandatesFrom.some(
    (mandate) => mandate.principalId === resource.ownerId && mandate.from <= today && mandate.until >= today && (action === undefined || mandate.scope.includes(action)),
  );
}

/**
 * `self` is what a person does as a citizen (own dossiers, profile, representation); `action` narrows
 * what a mandate must cover. Official permissions reach objects of the holder's agency or unit.
 */
export function decide(actor: Actor, permission: Permission | 'self', resource: Resource, today: string, action?: MandateScope): Decision {
  switch (actor.kind) {
    case 'anonymous':
      return 'forbidden';
    case 'citizen':
      // Citizens hold no official permission; `self` covers their own dossiers, profile and data tracker.
      if (permission !== 'self') return 'forbidden';
      return personMayReach(actor, resource, today, action) ? 'allowed' : 'hidden';
    case 'official': {
      // Officials are citizens too: their own affairs go by the citizen rule.
      if (permission === 'self') return personMayReach(actor, resource, today, action) ? 'allowed' : 'hidden';
      const scope = scopeOfPermission(actor.roles, permission);
      if (!scope) return 'forbidden';
      if (scope === 'platform') return 'allowed';
      if (resource.agencyCode !== actor.agencyCode) return 'hidden';
      if (scope === 'unit' && resource.unitCode && resource.unitCode !== actor.unitCode) return 'hidden';
      return 'allowed';
    }
    case 'client':
      if (permission === 'self' || !actor.permissions.includes(permission)) return 'forbidden';
      return resource.agencyCode === undefined || resource.agencyCode === actor.agencyCode ? 'allowed' : 'hidden';
  }
}

export type Reach = { kind: 'none' } | { kind: 'platform' } | { kind: 'agency'; agencyCode: string; unitCode: string | null };

/**
 * Which objects a permission reaches for this actor, for listing (a queue) rather than one object:
 * nothing, everything, or one agency (and one unit for unit-scoped roles). Agrees with `decide`.
 */
export function reachOf(actor: Actor, permission: Permission): Reach {
  switch (actor.kind) {
    case 'official': {
      const scope = scopeOfPermission(actor.roles, permission);
      if (!scope) return { kind: 'none' };
      if (scope === 'platform') return { kind: 'platform' };
      return { kind: 'agency', agencyCode: actor.agencyCode, unitCode: scope === 'unit' ? actor.unitCode : null };
    }
    case 'client':
      return actor.permissions.includes(permission) ? { kind: 'agency', agencyCode: actor.agencyCode, unitCode: null } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
