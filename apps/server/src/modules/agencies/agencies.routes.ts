import { AgencyCode, AgencyListQuery, AgencyPage, AgencyView } from '@congso/contracts';
import { z } from 'zod';
import { problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { AgenciesService } from './agencies.service.ts';
import { PUBLIC } from '../../kernel/http/access.ts';

export function agenciesRoutes(service: AgenciesService) {
  return (app: App) => {
    app.get(
      '/api/v1/agencies',
      {
        config: PUBLIC,
        schema: { tags: ['agencies'], summary: 'List agencies', querystring: AgencyListQuery, response: { 200: AgencyPage, ...problemResponses } },
      },
      async (request) => service.listAgencies(request.query),
    );
    app.get(
      '/api/v1/agencies/:code',
      {
        config: PUBLIC,
        schema: {
          tags: ['agencies'],
          summary: 'An agency by its QĐ 20/2020 code',
          params: z.object({ code: AgencyCode }),
          response: { 200: AgencyView, ...problemResponses },
        },
      },
      async (request) => service.getAgency(request.params.code),
    );
  };
}
