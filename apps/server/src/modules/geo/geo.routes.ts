import {
  AdminUnitListQuery,
  AdminUnitPage,
  AdminUnitQuery,
  AdminUnitView,
  ResolveQuery,
  ResolveView,
  UnitCode,
} from '@congso/contracts';
import { z } from 'zod';
import { problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { GeoService } from './geo.service.ts';
import { PUBLIC } from '../../kernel/http/access.ts';

export function geoRoutes(service: GeoService) {
  return (app: App) => {
    app.get(
      '/api/v1/admin-units',
      {
        config: PUBLIC,
        schema: {
          tags: ['geo'],
          summary: 'List or search administrative units in force on a date',
          querystring: AdminUnitListQuery,
          response: { 200: AdminUnitPage, ...problemResponses },
        },
      },
      async (request) => service.listUnits(request.query),
    );

    app.get(
      '/api/v1/admin-units/resolve',
      {
        config: PUBLIC,
        schema: {
          tags: ['geo'],
          summary: 'Resolve a unit code of before 1 July 2025 to the current unit(s)',
          querystring: ResolveQuery,
          response: { 200: ResolveView, ...problemResponses },
        },
      },
      async (request) => service.resolveLegacy(request.query.legacyCode),
    );

    app.get(
      '/api/v1/admin-units/:code',
      {
        config: PUBLIC,
        schema: {
          tags: ['geo'],
          summary: 'An administrative unit as it was on a date',
          params: z.object({ code: UnitCode }),
          querystring: AdminUnitQuery,
          response: { 200: AdminUnitView, ...problemResponses },
        },
      },
      async (request) => service.getUnit(request.params.code, request.query.at),
    );
  };
}
