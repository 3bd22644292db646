import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Clock } from '../../kernel/clock.ts';
import type { AccessGuard, Caller } from '../../kernel/http/access.ts';
import type { Accounts } from './accounts.ts';
import { AGENCY_CLAIM, PERMISSIONS_CLAIM } from './oidc/provider.ts';
import { PERMISSIONS, ROLES, type Permission, type Role } from './roles.ts';

export type PersonCaller = Caller & {
  /** `official` when the person holds a post and signed in with a second factor; `citizen` otherwise. */
  kind: 'citizen' | 'official';
  accountId: string;
  personalId: string;
  assuranceLevel: number;
  /** When the person last authenticated (seconds since the epoch) and how (RFC 8176 amr values). */
  authTime: number;
  amr: string[];
  post: { agencyCode: string; unitCode: string | null; roles: Role[] } | null;
};
export type ClientCaller = Caller & { kind: 'client'; agencyCode: string; permissions: Permission[] };
export type ApiCaller = PersonCaller | ClientCaller;

/** Methods that make a login phishing-resistant or multi-factor; officials' powers require one. */
export const SECOND_FACTOR_AMR = ['otp', 'hwk', 'swk', 'mfa'];

/** A sensitive action needs a login at most this old (RFC 9470 step-up). */
export const RECENT_LOGIN_SECONDS = 300;

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Checks a bearer access token as the API's resource server: an RS256 JWT (never `none`, never an
 * HMAC, whatever its header says) signed by one of our keys, from our issuer, for the API audience,
 * of type at+jwt, not expired (60 s clock tolerance). Then maps it to a caller; a disabled account
 * stops working at once, whatever tokens it still holds.
 */
export function createBearerGuard(deps: { issuer: string; audience: string; publicJwks: () => JSONWebKeySet; accounts: Accounts; clock: Clock }): AccessGuard {
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
          currentDate: deps.clock.now(),
          requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
        }));
      } catch {
        return null;
      }
      const agency = payload[AGENCY_CLAIM];
      if (typeof agency === 'string' && payload.sub === payload.client_id) {
        const granted = Array.isArray(payload[PERMISSIONS_CLAIM]) ? (payload[PERMISSIONS_CLAIM] as unknown[]) : [];
        const permissions = granted.filter((p): p is Permission => (PERMISSIONS as readonly unknown[]).includes(p));
        return { kind: 'client', subject: String(payload.client_id), agencyCode: agency, permissions } satisfies ClientCaller;
      }
      const account = payload.sub ? await deps.accounts.findById(payload.sub) : undefined;
      if (!account || account.disabledAt) return null;
      const amr = Array.isArray(payload.amr) ? payload.amr.filter((m): m is string => typeof m === 'string') : [];
      const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : 0;
      const post = account.agencyCode ? { agencyCode: account.agencyCode, unitCode: account.unitCode, roles: account.roles as Role[] } : null;
      const strong = amr.some((method) => SECOND_FACTOR_AMR.includes(method));
      return {
        kind: post && strong ? 'official' : 'citizen',
        subject: account.id,
        accountId: account.id,
        personalId: account.personalId,
        assuranceLevel: account.assuranceLevel,
        authTime,
        amr,
        post,
      } satisfies PersonCaller;
    },
    holds(caller, permission) {
      const api = caller as ApiCaller;
      if (api.kind === 'client') return (api.permissions as string[]).includes(permission);
      if (api.kind === 'official' && api.post) return api.post.roles.some((role) => (ROLES[role].permissions as readonly string[]).includes(permission));
      return false;
    },
    isRecentLogin(caller) {
      const api = caller as ApiCaller;
      return api.kind !== 'client' && deps.clock.now().getTime() / 1000 - api.authTime <= RECENT_LOGIN_SECONDS;
    },
  };
}
