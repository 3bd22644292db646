import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';

export type HttpMetrics = {
  registry: Registry;
  instrument(app: FastifyInstance): void;
};

/** A registry per app (not prom-client's global one), so tests can run several apps in one process. */
export function createMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'congso_' });
  const duration = new Histogram({
    name: 'congso_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const total = new Counter({
    name: 'congso_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  return {
    registry,
    instrument(app) {
      app.addHook('onResponse', async (request, reply) => {
        // The route pattern, never the raw URL: raw URLs would explode label cardinality and
        // could carry personal data in query strings.
        const route = request.routeOptions.url ?? 'unmatched';
        const labels = { method: request.method, route, status: String(reply.statusCode) };
        duration.observe(labels, reply.elapsedTime / 1000);
        total.inc(labels);
      });
    },
  };
}
