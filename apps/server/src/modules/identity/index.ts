import type Provider from 'oidc-provider';
import { buildProblem, sendProblem } from '../../kernel/http/problem.ts';
import type { App } from '../../kernel/http/types.ts';
import type { Module, ModuleContext } from '../../kernel/module.ts';
import type { JSONWebKeySet } from 'jose';
import type { AccessGuard } from '../../kernel/http/access.ts';
import { createAccounts, type NewCitizen } from './accounts.ts';
import { createBearerGuard } from './bearer.ts';
import { identityRoutes } from './identity.routes.ts';
import { publicPart } from './oidc/key-store.ts';
import { createCommonPasswordList } from './breached-passwords.ts';
import { interactionRoutes } from './interaction.routes.ts';
import { registerClient, type NewClient } from './oidc/clients.ts';
import { createKeyStore } from './oidc/key-store.ts';
import { createPgAdapterFactory } from './oidc/pg-adapter.ts';
import { createOidcProvider, forwardToProvider, IDENTITY_STARTING, OIDC_PREFIX, TTL } from './oidc/provider.ts';

export { checkPersonalId } from './personal-id.ts';
export { DEMO_CITIZENS, seedDemoCitizens } from './demo-accounts.ts';
export { checkEnterpriseCode } from './enterprise-code.ts';
export { decide, type Actor, type Decision, type Resource } from './access-policy.ts';
export type { Permission, Role } from './roles.ts';

/** Identity (định danh, xác thực): the platform's OpenID Provider, mounted under /oidc. */
export function createIdentityModule(context: ModuleContext) {
  const adapter = createPgAdapterFactory(context.database.db);
  const keys = createKeyStore(context.database.db, { retentionSeconds: Math.max(...Object.values(TTL)) });
  const issuer = `${context.publicUrl}${OIDC_PREFIX}`;
  const apiAudience = `${context.publicUrl}/api`;
  let provider: Provider | undefined;
  let publicJwks: JSONWebKeySet = { keys: [] };
  let guard: AccessGuard | undefined;
  const accounts = createAccounts({ db: context.database.db, breached: createCommonPasswordList(), now: () => context.clock.now() });
  const interactions = interactionRoutes({ provider: () => provider, accounts });

  const module: Module = {
    name: 'identity',
    routes(app: App) {
      // The provider parses its own requests (forms, JSON): hand them over before Fastify reads the body.
      app.addHook('onRequest', async (request, reply) => {
        if (request.url !== OIDC_PREFIX && !request.url.startsWith(OIDC_PREFIX + '/')) return;
        if (!provider) {
          return sendProblem(reply, buildProblem(503, 'identity.starting', IDENTITY_STARTING));
        }
        reply.hijack();
        forwardToProvider(provider, request.raw, reply.raw);
      });
      void app.register(interactions);
      identityRoutes()(app);
    },
    accessGuard: () => guard,
    async warmUp() {
      const jwks = await keys.loadJwks();
      publicJwks = { keys: jwks.map(publicPart) };
      guard ??= createBearerGuard({ issuer, audience: apiAudience, publicJwks: () => publicJwks, accounts });
      provider = createOidcProvider({
        issuer,
        apiAudience,
        jwks,
        cookieKeys: await keys.cookieKeys(),
        adapter,
        secureCookies: context.secureCookies,
        findAccount: (id) => accounts.findById(id),
      });
    },
    readiness: () => ({ issuer, provider: provider !== undefined }),
  };
  return {
    ...module,
    service: {
      issuer,
      registerClient: (client: NewClient) => registerClient(adapter, client),
      rotateSigningKey: () => keys.rotateSigningKey(),
      registerCitizen: (citizen: NewCitizen) => accounts.registerCitizen(citizen),
    },
  };
}
