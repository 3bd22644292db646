import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { LruCache } from '../../kernel/lru-cache.ts';
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

/** Seconds of clock difference tolerated on exp/nbf, as jwtVerify is told. */
const CLOCK_TOLERANCE = 60;

/**
 * Verified tokens, by their exact text: a client presents the same access token for its whole
 * 10-minute life, and an RSA signature check costs more than the rest of a typical request. A cached
 * token is still refused once expired; any other text (a tampered copy) is verified afresh.
 */
const VERIFIED_TOKENS = 5_000;

/**
 * Checks a bearer access token as the API's resource server: an RS256 JWT (never `none`, never an
 * HMAC, whatever its header says) signed by one of our keys, from our issuer, for the API audience,
 * of type at+jwt, not expired (60 s clock tolerance). Then maps it to a caller; a disabled account
 * stops working at once, whatever tokens it still holds.
 */
export function createBearerGuard(deps: { issuer: string; audience: string; publicJwks: () => JSONWebKeySet; accounts: Accounts; clock: Clock }): AccessGuard {
  const verified = new LruCache<string, JWTPayload>(VERIFIED_TOKENS);
  let cachedKeys: JSONWebKeySet | undefined;
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  const keys = () => {
    const current = deps.publicJwks();
    if (current !== cachedKeys) {
      cachedKeys = current;
      keySet = createLocalJWKSet(current);
      verified.clear();
    }
    return keySet as ReturnType<typeof createLocalJWKSet>;
  };

  async function verify(token: string): Promise<JWTPayload | null> {
    const now = deps.clock.now();
    const cached = verified.get(token);
    if (cached) return (cached.exp ?? 0) + CLOCK_TOLERANCE > now.getTime() / 1000 ? cached : null;
    try {
      const { payload } = await jwtVerify(token, keys(), {
        issuer: deps.issuer,
        audience: deps.audience,
        algorithms: ['RS256'],
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE,
        currentDate: now,
        requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
      });
      verified.set(token, payload);
      return payload;
    } catch {
      return null;
    }
  }

  return {
    async authenticate(authorization) {
      const token = BEARER.exec(authorization ?? '')?.[1];
      if (!token) return null;
      const payload = await verify(token);
      if (!payload) return null;
      const agency = payload[AGENCY_CLAIM];
      if (typeof agency === 'string' && payload.sub === payload.client_id) {
        const granted = Array.isArray(payload[PERMISSIONS_CLAIM]) ? (payload[PERMISSIONS_CLAIM] as unknown[]) : [];
        const permissions = granted.filter((p): p is Permission => (PERMISSIONS as readonly unknown[]).includes(p));
        return { kind: 'client', subject: String(payload.client_id), agencyCode: agency, permissions } satisfies ClientCaller;
      }
      const account = payload.sub ? await deps.accounts.findCaller(payload.sub) : undefined;
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
