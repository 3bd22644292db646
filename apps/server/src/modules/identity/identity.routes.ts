import { BusinessView, EnterpriseCode, MandateView, NewMandateInput } from '@congso/contracts';
import { z } from 'zod';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { ApiCaller } from './bearer.ts';
import type { Businesses } from './businesses.ts';
import { personOf } from './caller.ts';

const WhoAmIView = z
  .object({
    kind: z.enum(['citizen', 'official', 'client']),
    subject: z.string(),
    assuranceLevel: z.number().int().optional(),
    amr: z.array(z.string()).optional(),
    post: z.object({ agencyCode: z.string(), unitCode: z.string().nullable(), roles: z.array(z.string()) }).nullable().optional(),
    officialPowers: z.boolean().optional().describe('false when the person holds a post but signed in without a second factor'),
    agencyCode: z.string().optional(),
    permissions: z.array(z.string()).optional(),
  })
  .meta({ id: 'WhoAmI' });

const tags = ['identity'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView, 422: ProblemView };
const ME = { access: 'authenticated' } as const;
const Code = z.object({ enterpriseCode: EnterpriseCode });

/** Who the caller is (for relying parties and agency systems), and business accounts with their mandates. */
export function identityRoutes(deps: { businesses: Businesses }) {
  return (app: App) => {
    app.get('/api/v1/auth/whoami', { config: ME, schema: { tags, summary: 'The caller behind the bearer token', security, response: { 200: WhoAmIView } } }, async (request) => {
      const caller = request.actor as ApiCaller;
      if (caller.kind === 'client') return { kind: caller.kind, subject: caller.subject, agencyCode: caller.agencyCode, permissions: caller.permissions };
      return { kind: caller.kind, subject: caller.subject, assuranceLevel: caller.assuranceLevel, amr: caller.amr, post: caller.post, officialPowers: caller.kind === 'official' };
    });

    app.post('/api/v1/businesses', { config: ME, schema: { tags, summary: 'Open a business account as its legal representative (level 2)', security, body: Code, response: { 201: BusinessView, ...responses } } }, async (request, reply) =>
      reply.status(201).send(await deps.businesses.register(personOf(request), request.body.enterpriseCode)),
    );

    app.get('/api/v1/businesses/:enterpriseCode', { config: ME, schema: { tags, summary: 'A business I represent or hold a mandate for', security, params: Code, response: { 200: BusinessView, ...responses } } }, async (request) =>
      deps.businesses.get(personOf(request), request.params.enterpriseCode),
    );

    app.get('/api/v1/businesses/:enterpriseCode/mandates', { config: ME, schema: { tags, summary: "The business's mandates (legal representative only)", security, params: Code, response: { 200: z.array(MandateView), ...responses } } }, async (request) =>
      deps.businesses.listForBusiness(personOf(request), request.params.enterpriseCode),
    );

    app.post('/api/v1/businesses/:enterpriseCode/mandates', { config: ME, schema: { tags, summary: 'Mandate a citizen to act for the business', security, params: Code, body: NewMandateInput, response: { 201: MandateView, ...responses } } }, async (request, reply) =>
      reply.status(201).send(await deps.businesses.grantForBusiness(personOf(request), request.params.enterpriseCode, request.body)),
    );

    app.delete(
      '/api/v1/businesses/:enterpriseCode/mandates/:mandateId',
      { config: ME, schema: { tags, summary: 'Revoke a mandate of the business', security, params: Code.extend({ mandateId: z.uuid() }), response: { 200: z.object({ ok: z.literal(true) }), ...responses } } },
      async (request) => {
        await deps.businesses.revokeForBusiness(personOf(request), request.params.enterpriseCode, request.params.mandateId);
        return { ok: true as const };
      },
    );
  };
}
