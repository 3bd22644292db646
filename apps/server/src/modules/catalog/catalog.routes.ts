import { FacetsView, ProcedureCode, ProcedureDetailView, ProcedurePage, ProcedureSearchQuery, ProcedureSourceView } from '@congso/contracts';
import { z } from 'zod';
import { problemResponses } from '../../kernel/http/problem-schema.ts';
import { LruCache } from '../../kernel/lru-cache.ts';
import type { App } from '../../kernel/http/types.ts';
import type { CatalogService } from './catalog.service.ts';
import { PUBLIC } from '../../kernel/http/access.ts';

/** Serialised answers of recent searches, as bytes ready for the socket (see ADR 0003). */
const SERIALISED_ANSWERS = 2000;

export function catalogRoutes(service: CatalogService) {
  const answers = new LruCache<string, Buffer>(SERIALISED_ANSWERS);
  return (app: App) => {
    app.get(
      '/api/v1/procedures',
      {
        config: PUBLIC,
        schema: {
          tags: ['catalog'],
          summary: 'Search the administrative procedures',
          description: 'Ranked search: a match in the name ranks above one in the body; diacritics optional; typos tolerated. Facets count levels and fields.',
          querystring: ProcedureSearchQuery,
          response: { 200: ProcedurePage, ...problemResponses },
        },
      },
      async (request, reply) => {
        // Validated query in a canonical order, with the index version: a rebuild invalidates all.
        const key = `${service.indexVersion()}|${JSON.stringify(request.query)}`;
        let body = answers.get(key);
        if (!body) {
          body = service.searchJson(request.query);
          answers.set(key, body);
        }
        // Bytes go out as they are; searchJson writes the ProcedurePage shape (tested against it).
        return reply.type('application/json; charset=utf-8').send(body as never);
      },
    );

    app.get(
      '/api/v1/procedures/facets',
      { config: PUBLIC, schema: { tags: ['catalog'], summary: 'Levels and fields with their procedure counts, for filters', response: { 200: FacetsView } } },
      async () => service.facets(),
    );

    app.get(
      '/api/v1/procedures/:code',
      {
        config: PUBLIC,
        schema: {
          tags: ['catalog'],
          summary: 'A procedure with its parsed fields',
          params: z.object({ code: ProcedureCode }),
          response: { 200: ProcedureDetailView, ...problemResponses },
        },
      },
      async (request) => service.getProcedure(request.params.code),
    );

    app.get(
      '/api/v1/procedures/:code/source',
      {
        config: PUBLIC,
        schema: {
          tags: ['catalog'],
          summary: 'The source record as published, normalised to NFC',
          params: z.object({ code: ProcedureCode }),
          response: { 200: ProcedureSourceView, ...problemResponses },
        },
      },
      async (request) => service.getSource(request.params.code),
    );
  };
}
