import {
  ExchangeAccessRight,
  ExchangeAccessRightInput,
  ExchangeAccessRightQuery,
  ExchangeCatalogue,
  ExchangeCode,
  ExchangeJwks,
  ExchangeMemberCode,
  ExchangeServicePath,
  ExchangeSubsystemInput,
  ExchangeSubsystemView,
} from '@congso/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Caller } from '../../kernel/http/access.ts';
import { PUBLIC } from '../../kernel/http/access.ts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { Administration } from './administration.ts';
import type { Gateway } from './gateway.ts';
import { parseMessagePath, serviceIdOf } from './identifiers.ts';
import type { GatewaySigner } from './signer.ts';

const tags = ['data exchange'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView };
/** Message bodies up to 1 MiB (X-Road TM-08: body size caps). */
const MESSAGE_BODY_LIMIT = 1_048_576;
const MESSAGE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Query parameters, each at most once (a repeated one is a non-normalised request); undefined otherwise. */
export function parseQuery(raw: string): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (Object.hasOwn(query, key)) return undefined;
    query[key] = value;
  }
  return query;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

const callerOf = (request: FastifyRequest) => request.actor as Caller;

export function exchangeRoutes(deps: { gateway: Gateway; administration: Administration; signer: () => GatewaySigner }) {
  const { administration } = deps;

  async function message(request: FastifyRequest, reply: FastifyReply) {
    const raw = request.raw.url ?? '';
    const parsed = parseMessagePath(raw);
    // An agency system's caller (identity's ClientCaller) names the agency its client belongs to.
    const actor: (Caller & { agencyCode?: string }) | undefined = request.actor;
    const out = await deps.gateway.handle({
      method: request.method,
      target: raw,
      service: parsed?.service,
      rest: parsed?.rest ?? '',
      query: parsed ? parseQuery(parsed.query) : undefined,
      headers: {
        client: header(request, 'x-road-client'),
        messageId: header(request, 'x-road-id'),
        userId: header(request, 'x-road-userid'),
        issue: header(request, 'x-road-issue'),
        purpose: header(request, 'x-road-purpose'),
        date: header(request, 'x-road-date'),
        discloseAfter: header(request, 'x-road-disclose-after'),
        signature: header(request, 'x-road-signature'),
      },
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      contentType: request.headers['content-type'],
      oauth: { clientId: actor?.subject ?? '', agencyCode: actor?.agencyCode ?? null },
    });
    return reply.status(out.status).headers(out.headers).type(out.contentType).send(out.body);
  }

  return (app: App) => {
    // X-Road's REST message protocol. Bodies are kept as bytes: their hash is part of what is signed.
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MESSAGE_BODY_LIMIT }, (_request, body, done) => done(null, body));
      // Refusals by the access layer (no token: 401; not an agency system: 403) carry an X-Road code too.
      scope.addHook('onSend', async (request, reply) => {
        if (!reply.hasHeader('x-road-error') && (reply.statusCode === 401 || reply.statusCode === 403)) {
          reply.header('x-road-error', reply.statusCode === 401 ? 'Server.ClientProxy.Unauthenticated' : 'Server.ClientProxy.NotAnAgencySystem');
        }
      });
      scope.route({
        method: MESSAGE_METHODS,
        url: '/r1/*',
        config: { access: { permission: 'exchange:call' } },
        schema: { hide: true },
        handler: message,
      });
    });

    app.get(
      '/api/v1/exchange/services',
      { config: PUBLIC, schema: { tags, summary: 'The catalogue: members, subsystems and their services', response: { 200: ExchangeCatalogue, ...problemResponses } } },
      async () => administration.catalogue(),
    );
    app.get(
      '/api/v1/exchange/services/:instance/:memberClass/:memberCode/:subsystem/:service/openapi',
      { config: PUBLIC, schema: { tags, summary: "A service's OpenAPI description", params: ExchangeServicePath, response: { 200: z.record(z.string(), z.unknown()), ...problemResponses } } },
      async (request) => administration.openapi(serviceIdOf(request.params)),
    );
    app.get(
      '/api/v1/exchange/keys',
      { config: PUBLIC, schema: { tags, summary: "The gateway's public signing keys (JWKS, ES256)", response: { 200: ExchangeJwks } } },
      async () => deps.signer().publicJwks(),
    );
    app.get(
      '/api/v1/exchange/members/:memberCode/access-rights',
      { config: { access: { permission: 'exchange:manage' } }, schema: { tags, summary: "Access rights to a member's services (its administrator)", security, params: z.object({ memberCode: ExchangeMemberCode }), response: { 200: z.array(ExchangeAccessRight), ...responses } } },
      async (request) => administration.rightsOnMember(callerOf(request), request.params.memberCode),
    );
    app.put(
      '/api/v1/exchange/access-rights',
      { config: { access: { permission: 'exchange:manage' } }, schema: { tags, summary: 'Grant a client subsystem access to a service (the provider’s administrator)', security, body: ExchangeAccessRightInput, response: { 200: ExchangeAccessRight, ...responses } } },
      async (request) => administration.grant(callerOf(request), request.body),
    );
    app.delete(
      '/api/v1/exchange/access-rights',
      { config: { access: { permission: 'exchange:manage' } }, schema: { tags, summary: 'Revoke an access right (the provider’s administrator)', security, querystring: ExchangeAccessRightQuery, response: { 204: z.null(), ...responses } } },
      async (request, reply) => {
        await administration.revoke(callerOf(request), request.query);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/v1/exchange/members/:memberCode/subsystems/:subsystemCode',
      {
        config: { access: { permission: 'exchange:manage' } },
        schema: { tags, summary: 'Register a client subsystem: its OAuth client, signing key and quotas (the member’s administrator)', security, params: z.object({ memberCode: ExchangeMemberCode, subsystemCode: ExchangeCode }), body: ExchangeSubsystemInput, response: { 200: ExchangeSubsystemView, ...responses } },
      },
      async (request) => administration.saveSubsystem(callerOf(request), request.params.memberCode, request.params.subsystemCode, request.body),
    );
  };
}
