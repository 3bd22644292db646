import type { FastifyInstance } from 'fastify';

// Every route of ours declares who may call it, in its route config: `public`, or the permission
// it requires (identity's access layer enforces those). A route without a declaration is a mistake
// that the routes test catches.

export type RouteAccess = 'public' | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Our routes with their access declarations, as registered (see trackRouteAccess). */
    declaredRoutes: DeclaredRoute[];
  }
}

/** For route options: `config: PUBLIC`. */
export const PUBLIC = { access: 'public' } as const satisfies { access: RouteAccess };

/** Our own namespaces; plugin routes (API docs UI, static web files) are outside them. */
export const OWN_ROUTE_PREFIXES = ['/api/', '/auth/', '/healthz', '/readyz', '/metrics', '/openapi.json'];

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
