import { z } from 'zod';

/** RFC 9457 problem details as documented in OpenAPI for every error response. */
export const ProblemView = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable error code, e.g. geo.unit_not_found'),
    messages: z.object({ vi: z.string(), en: z.string() }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

export const problemResponses = {
  400: ProblemView,
  404: ProblemView,
} as const;
