import { DataAccessAuditPage, DataAccessAuditQuery, DataAccessPage, DataAccessQuery } from '@congso/contracts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { TrackerCaller, TrackerService } from './tracker.service.ts';

const tags = ['tracker'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView };

/** The citizen's view of who read their data, and the auditors' view of one person's entries. */
export function trackerRoutes(service: TrackerService) {
  return (app: App) => {
    app.get(
      '/api/v1/me/data-accesses',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Who read my data: agencies, officials (by capacity) and systems, when, what and why; newest first (entries hidden for an investigation appear on their release date)',
          security,
          querystring: DataAccessQuery,
          response: { 200: DataAccessPage, ...responses },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return service.mine(request.actor as TrackerCaller, request.query);
      },
    );

    // POST so that the person's ID travels in the body, never in a URL or an access log.
    app.post(
      '/api/v1/data-accesses/search',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags,
          summary: "An auditor's view of one person's data-access entries made by their agency and its units, hidden ones included",
          security,
          body: DataAccessAuditQuery,
          response: { 200: DataAccessAuditPage, ...responses },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        const { subjectPersonalId, ...query } = request.body;
        return service.audit(request.actor as TrackerCaller, subjectPersonalId, query);
      },
    );
  };
}
