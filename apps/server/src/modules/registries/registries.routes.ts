import { RegistryEnterpriseView, RegistryHouseholdView, RegistryParcelQuery, RegistryParcelView, RegistryPersonView, RegistryResidenceMove, RegistryResidenceMoved } from '@congso/contracts';
import { z } from 'zod';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { RegistryRecords } from './registry-records.ts';

// The registries' own API for agency systems (OAuth2 client credentials). Personal IDs travel in the
// path or query: the request log masks 12-digit numbers in URLs.
const tags = ['registries'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView };
const READ = { access: { permission: 'registries:read' } } as const;

export function registriesRoutes(records: RegistryRecords) {
  return (app: App) => {
    app.get(
      '/api/v1/registries/population/persons/:personalId',
      { config: READ, schema: { tags, security, summary: 'A person in the population registry (CSDLQG về dân cư)', params: z.object({ personalId: z.string().max(40) }), response: { 200: RegistryPersonView, ...responses } } },
      async (request) => records.person(request.params.personalId),
    );

    app.get(
      '/api/v1/registries/population/households/:householdId',
      { config: READ, schema: { tags, security, summary: 'A household and its members', params: z.object({ householdId: z.string().max(60) }), response: { 200: RegistryHouseholdView, ...responses } } },
      async (request) => records.household(request.params.householdId),
    );

    app.post(
      '/api/v1/registries/population/persons/:personalId/residence-moves',
      {
        config: { access: { permission: 'registries:manage' } },
        schema: { tags, security, summary: 'Register a new permanent residence (đăng ký thường trú); emits registries.person.moved', params: z.object({ personalId: z.string().max(40) }), body: RegistryResidenceMove, response: { 201: RegistryResidenceMoved, ...responses, 409: ProblemView } },
      },
      async (request, reply) => {
        const moved = await records.moveResidence(request.params.personalId, request.body, String(request.id));
        return reply.code(201).send(moved);
      },
    );

    app.get(
      '/api/v1/registries/enterprises/:code',
      { config: READ, schema: { tags, security, summary: 'An enterprise in the business registry (a branch code answers its parent)', params: z.object({ code: z.string().max(20) }), response: { 200: RegistryEnterpriseView, ...responses } } },
      async (request) => records.enterprise(request.params.code),
    );

    app.get(
      '/api/v1/registries/land/parcels',
      { config: READ, schema: { tags, security, summary: 'Land parcels: one by commune, map sheet and parcel number, or those of a holder', querystring: RegistryParcelQuery, response: { 200: z.array(RegistryParcelView), ...responses } } },
      async (request) => {
        const query = request.query;
        return records.parcels('holder' in query ? { holder: query.holder } : { communeCode: query.commune, mapSheet: query.sheet, parcelNumber: query.parcel });
      },
    );
  };
}
