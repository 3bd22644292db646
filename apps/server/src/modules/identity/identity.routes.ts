import { z } from 'zod';
import type { App } from '../../kernel/http/types.ts';
import type { ApiCaller } from './bearer.ts';

const WhoAmIView = z
  .object({
    kind: z.enum(['citizen', 'client']),
    subject: z.string(),
    assuranceLevel: z.number().int().optional(),
    agencyCode: z.string().optional(),
    permissions: z.array(z.string()).optional(),
  })
  .meta({ id: 'WhoAmI' });

/** Lets a relying party or an agency system see how the platform understands its token. */
export function identityRoutes() {
  return (app: App) => {
    app.get(
      '/api/v1/auth/whoami',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['identity'], summary: 'The caller behind the bearer token', security: [{ bearer: [] }], response: { 200: WhoAmIView } },
      },
      async (request) => {
        const caller = request.actor as ApiCaller;
        return caller.kind === 'client'
          ? { kind: caller.kind, subject: caller.subject, agencyCode: caller.agencyCode, permissions: caller.permissions }
          : { kind: caller.kind, subject: caller.subject, assuranceLevel: caller.assuranceLevel };
      },
    );
  };
}
