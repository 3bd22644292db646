import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { countPendingDeliveries } from '../events/outbox.ts';
import type { HttpMetrics } from '../metrics.ts';
import type { Module } from '../module.ts';
import { buildProblem, sendProblem } from './problem.ts';
import type { App } from './types.ts';
import { PUBLIC } from './access.ts';

const HealthView = z.object({ status: z.literal('ok') });
const ReadyView = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.unknown()),
});

/** Liveness (the process answers), readiness (it can serve: database reachable) and Prometheus metrics. */
export function systemRoutes(deps: { database: Database; metrics: HttpMetrics; modules: readonly Module[] }) {
  return (app: App) => {
    app.get(
      '/healthz',
      { config: PUBLIC, schema: { tags: ['system'], summary: 'Liveness', response: { 200: HealthView } }, logLevel: 'warn' },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      { config: PUBLIC, schema: { tags: ['system'], summary: 'Readiness', response: { 200: ReadyView, 503: z.unknown() } }, logLevel: 'warn' },
      async (request, reply) => {
        try {
          await deps.database.db.execute(sql`select 1`);
          const outbox = await countPendingDeliveries(deps.database.db);
          const checks: Record<string, unknown> = { database: 'ok', outbox };
          for (const module of deps.modules) {
            if (module.readiness) checks[module.name] = module.readiness();
          }
          return { status: 'ready' as const, checks };
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
          return sendProblem(
            reply,
            buildProblem(503, 'system.not_ready', {
              vi: 'Hệ thống chưa sẵn sàng: không kết nối được cơ sở dữ liệu.',
              en: 'Not ready: the database is not reachable.',
            }),
          );
        }
      },
    );

    app.get('/metrics', { config: PUBLIC, schema: { tags: ['system'], summary: 'Prometheus metrics', hide: false }, logLevel: 'warn' }, async (_request, reply) => {
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });
  };
}
