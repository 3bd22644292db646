import type { FastifyInstance } from 'fastify';
import { buildProblem, sendProblem } from './problem.ts';

// Every route of ours declares who may call it, in its route config: `public`, or the permission
// it requires (identity's access layer enforces those), and whether it is a sensitive action that needs
// a recent login (`recentLogin`: signing, approving, changing roles). A route without a declaration
// is a mistake that the routes test catches.

export type RouteAccess = 'public' | 'authenticated' | { permission?: string; recentLogin?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Caller;
  }
  interface FastifyInstance {
    /** Our routes with their access declarations, as registered (see trackRouteAccess). */
    declaredRoutes: DeclaredRoute[];
  }
}

/** Who is calling, as the identity module understands it; routes receive it as `request.actor`. */
export type Caller = { kind: string; subject: string };

/**
 * Port implemented by the identity module: who is calling (from the bearer token), and whether that
 * caller holds a permission. Object-level rules (own dossier, own agency) stay in the services.
 */
export type AccessGuard = {
  authenticate(authorization: string | undefined): Promise<Caller | null>;
  holds(caller: Caller, permission: string): boolean;
  /** Whether the person behind the caller authenticated recently enough for a sensitive action. */
  isRecentLogin(caller: Caller): boolean;
};

/** For route options: `config: PUBLIC`. */
export const PUBLIC = { access: 'public' } as const satisfies { access: RouteAccess };

/** Our own namespaces; plugin routes (API docs UI, static web files) are outside them. */
export const OWN_ROUTE_PREFIXES = ['/api/', '/auth/', '/dev/', '/healthz', '/readyz', '/metrics', '/openapi.json'];

export type DeclaredRoute = { method: string; url: string; access: RouteAccess | undefined };

/** Records every route as it is added, so a test can list the ones without a declaration. */
export function trackRouteAccess(app: FastifyInstance): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!OWN_ROUTE_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  return routes;
}

const unauthenticated = {
  vi: 'Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).',
  en: 'Authentication required: the access token is missing or invalid.',
};
const recentLoginRequired = {
  vi: 'Thao tác quan trọng: vui lòng đăng nhập lại để xác nhận.',
  en: 'A sensitive action: please sign in again to confirm.',
};
/** Seconds; matches identity's RECENT_LOGIN_SECONDS (the guard decides, this tells the client). */
const RECENT_LOGIN_MAX_AGE = 300;
const forbidden = { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' };

/**
 * Enforces each route's declaration before its handler: public routes pass; others need a caller the
 * guard recognises (401 with WWW-Authenticate otherwise) and, for a permission, that the caller holds
 * it (403). Installed on the root instance before any route, so it covers every module.
 */
export function enforceAccess(app: FastifyInstance, guard: () => AccessGuard | undefined): void {
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const current = guard();
    if (!current) return sendProblem(reply, buildProblem(503, 'identity.starting', { vi: 'Dịch vụ định danh đang khởi động.', en: 'The identity service is starting.' }));
    const caller = await current.authenticate(request.headers.authorization);
    if (!caller) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return sendProblem(reply, buildProblem(401, 'auth.unauthenticated', unauthenticated, { instance: request.url, requestId: String(request.id) }));
    }
    if (typeof access === 'object' && access.permission !== undefined && !current.holds(caller, access.permission)) {
      return sendProblem(reply, buildProblem(403, 'auth.forbidden', forbidden, { instance: request.url, requestId: String(request.id), permission: access.permission }));
    }
    if (typeof access === 'object' && access.recentLogin && !current.isRecentLogin(caller)) {
      // RFC 9470: the client re-authenticates the user (prompt=login, max_age) and retries.
      reply.header('www-authenticate', `Bearer error="insufficient_user_authentication", error_description="A recent login is required", max_age=${RECENT_LOGIN_MAX_AGE}`);
      return sendProblem(reply, buildProblem(401, 'auth.recent_login_required', recentLoginRequired, { instance: request.url, requestId: String(request.id), maxAge: RECENT_LOGIN_MAX_AGE }));
    }
    request.actor = caller;
  });
}
