import { AgencyCode, LoginEventView, NewClientInput, NewOfficialInput, OfficialPostInput, OfficialView } from '@congso/contracts';
import { z } from 'zod';
import type { Accounts } from './accounts.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import { decide } from './access-policy.ts';
import type { ApiCaller } from './bearer.ts';
import { actorOf } from './caller.ts';
import type { NewClient } from './oidc/clients.ts';
import type { AgencyDirectory, Officials } from './officials.ts';
import { PERMISSIONS, type Permission } from './roles.ts';

export type AdminDeps = { accounts: Accounts; officials: Officials; agencies: AgencyDirectory; registerClient: (client: NewClient) => Promise<{ clientId: string; clientSecret?: string }>; today: () => string };

const tags = ['identity administration'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView };
const AgencyParams = z.object({ agencyCode: AgencyCode });
const OfficialParams = z.object({ officialId: z.uuid() });

/** Administration: officials and their posts, OIDC clients, and the login audit of an agency. */
export function adminRoutes(deps: AdminDeps) {
  return (app: App) => {
    const actor = (caller: unknown) => actorOf(caller as ApiCaller);

    app.get('/api/v1/agencies/:agencyCode/officials', { config: { access: { permission: 'officials:manage' } }, schema: { tags, summary: "An agency's officials", security, params: AgencyParams, response: { 200: z.array(OfficialView), ...responses } } }, async (request) =>
      deps.officials.list(actor(request.actor), request.params.agencyCode),
    );

    app.post(
      '/api/v1/agencies/:agencyCode/officials',
      { config: { access: { permission: 'officials:manage', recentLogin: true } }, schema: { tags, summary: 'Appoint an official (recent login required)', security, params: AgencyParams, body: NewOfficialInput, response: { 201: OfficialView, ...responses } } },
      async (request, reply) => {
        const { initialPassword, unitCode, roles, ...person } = request.body;
        const official = await deps.officials.appoint(actor(request.actor), { ...person, password: initialPassword }, { agencyCode: request.params.agencyCode, unitCode, roles });
        return reply.status(201).send(official);
      },
    );

    app.get('/api/v1/officials/:officialId', { config: { access: { permission: 'officials:manage' } }, schema: { tags, summary: 'An official', security, params: OfficialParams, response: { 200: OfficialView, ...responses } } }, async (request) =>
      deps.officials.get(actor(request.actor), request.params.officialId),
    );

    app.put(
      '/api/v1/officials/:officialId/post',
      { config: { access: { permission: 'officials:manage', recentLogin: true } }, schema: { tags, summary: "Change an official's unit and roles (recent login required)", security, params: OfficialParams, body: OfficialPostInput, response: { 200: OfficialView, ...responses } } },
      async (request) => deps.officials.changePost(actor(request.actor), request.params.officialId, request.body),
    );

    app.delete(
      '/api/v1/officials/:officialId/post',
      { config: { access: { permission: 'officials:manage', recentLogin: true } }, schema: { tags, summary: 'End an official’s post (recent login required)', security, params: OfficialParams, response: { 200: z.object({ ok: z.literal(true) }), ...responses } } },
      async (request) => {
        await deps.officials.dismiss(actor(request.actor), request.params.officialId);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/clients',
      { config: { access: { permission: 'clients:manage', recentLogin: true } }, schema: { tags, summary: 'Register an OIDC client (the secret is shown once)', security, body: NewClientInput, response: { 201: z.object({ clientId: z.string(), clientSecret: z.string().optional() }), ...responses } } },
      async (request, reply) => {
        const unknown = request.body.permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
        if (unknown.length > 0) throw new DomainError('invalid', 'identity.unknown_permissions', { vi: 'Quyền không hợp lệ.', en: 'Unknown permissions.' }, { unknown });
        if (!(await deps.agencies.exists(request.body.agencyCode))) throw notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
        const { backchannelLogoutUri, ...rest } = request.body;
        const client: NewClient = { ...rest, permissions: rest.permissions as Permission[], ...(backchannelLogoutUri ? { backchannelLogoutUri } : {}) };
        return reply.status(201).header('cache-control', 'no-store').send(await deps.registerClient(client));
      },
    );

    app.get('/api/v1/agencies/:agencyCode/login-events', { config: { access: { permission: 'audit:read' } }, schema: { tags, summary: "Logins of the agency's officials (audit)", security, params: AgencyParams, response: { 200: z.array(LoginEventView), ...responses } } }, async (request) => {
      if (decide(actor(request.actor), 'audit:read', { agencyCode: request.params.agencyCode }, deps.today()) !== 'allowed') {
        throw notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
      }
      return deps.accounts.eventsOfAgency(request.params.agencyCode);
    });
  };
}
