import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { AccessGuard, Caller } from '../../kernel/http/access.ts';
import type { Accounts } from './accounts.ts';
import { AGENCY_CLAIM, PERMISSIONS_CLAIM } from './oidc/provider.ts';
import { PERMISSIONS, type Permission } from './roles.ts';

export type ApiCaller =
  | (Caller & { kind: 'citizen'; personalId: string; assuranceLevel: number })
  | (Caller & { kind: 'client'; agencyCode: string; permissions: Permission[] });

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Checks a bearer access token as the API's resource server: an RS256 JWT (never `none`, never an
 * HMAC, whatever its header says) signed by one of our keys, from our issuer, for the API audience,
 * of type at+jwt, not expired (60 s clock tolerance). Then maps it to a caller.
 */
export function createBearerGuard(deps: { issuer: string; audience: string; publicJwks: () => JSONWebKeySet; accounts: Accounts }): AccessGuard {
  let cachedKeys: JSONWebKeySet | undefined;
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  const keys = () => {
    const current = deps.publicJwks();
    if (current !== cachedKeys) {
      cachedKeys = current;
      keySet = createLocalJWKSet(current);
    }
    return keySet as ReturnType<typeof createLocalJWKSet>;
  };

  return {
    async authenticate(authorization) {
      const token = BEARER.exec(authorization ?? '')?.[1];
      if (!token) return null;
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys(), {
          issuer: deps.issuer,
          audience: deps.audience,
          algorithms: ['RS256'],
          typ: 'at+jwt',
          clockTolerance: 60,
          requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
        }));
      } catch {
        return null;
      }
      const agency = payload[AGENCY_CLAIM];
      if (typeof agency === 'string' && payload.sub === payload.client_id) {
        const granted = Array.isArray(payload[PERMISSIONS_CLAIM]) ? (payload[PERMISSIONS_CLAIM] as unknown[]) : [];
        const permissions = granted.filter((p): p is Permission => (PERMISSIONS as readonly unknown[]).includes(p));
        return { kind: 'client', subject: String(payload.client_id), agencyCode: agency, permissions } satisfies ApiCaller;
      }
      const account = payload.sub ? await deps.accounts.findById(payload.sub) : undefined;
      if (!account) return null;
      return { kind: 'citizen', subject: account.id, personalId: account.personalId, assuranceLevel: account.assuranceLevel } satisfies ApiCaller;
    },
    holds(caller, permission) {
      const api = caller as ApiCaller;
      return api.kind === 'client' && (api.permissions as string[]).includes(permission);
    },
  };
}
