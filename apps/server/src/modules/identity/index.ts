import type Provider from 'oidc-provider';
import type { JSONWebKeySet } from 'jose';
import { vietnamDate } from '../../kernel/clock.ts';
import type { AccessGuard } from '../../kernel/http/access.ts';
import { buildProblem, sendProblem } from '../../kernel/http/problem.ts';
import type { App } from '../../kernel/http/types.ts';
import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createAccounts, type NewCitizen } from './accounts.ts';
import { adminRoutes } from './admin.routes.ts';
import { createBearerGuard, type ApiCaller } from './bearer.ts';
import { createCommonPasswordList } from './breached-passwords.ts';
import { createBusinesses } from './businesses.ts';
import { decide, type Actor, type Resource } from './access-policy.ts';
import { actorOf } from './caller.ts';
import { identityRoutes } from './identity.routes.ts';
import { interactionRoutes } from './interaction.routes.ts';
import { meRoutes } from './me.routes.ts';
import { agencyOfClient, ensureWebAppClient, registerClient, type NewClient } from './oidc/clients.ts';
import { createKeyStore, publicPart } from './oidc/key-store.ts';
import { createPgAdapterFactory } from './oidc/pg-adapter.ts';
import { createOidcProvider, forwardToProvider, IDENTITY_STARTING, OIDC_PREFIX, TTL } from './oidc/provider.ts';
import { createOfficials, type OfficialPost } from './officials.ts';
import { createPasskeys } from './passkeys.ts';
import type { AgencyDirectory, BusinessRegistry, Notifier, PopulationRegistry } from './ports.ts';
import { createSecondFactor } from './second-factor.ts';
import { createVerification } from './verification.ts';
import { createOneTimeCodes } from './one-time-codes.ts';
import { createRecovery } from './recovery.ts';
import { PLATFORM } from './platform-actor.ts';
import type { Permission, Role } from './roles.ts';

export { checkPersonalId } from './personal-id.ts';
export { seedDemoAccounts, type DemoPerson } from './demo-accounts.ts';
export { PLATFORM } from './platform-actor.ts';
export { totpCode } from './totp.ts';
export { checkEnterpriseCode } from './enterprise-code.ts';
export { decide, reachOf, type Actor, type Decision, type Reach, type Resource } from './access-policy.ts';
export type { ApiCaller, PersonCaller } from './bearer.ts';
export type { Permission, Role, MandateScope } from './roles.ts';
export type { AgencyDirectory, BusinessRegistry, Notifier, PopulationRegistry } from './ports.ts';

export type IdentityPorts = { population: PopulationRegistry; businessRegistry: BusinessRegistry; notifier: Notifier; agencies: AgencyDirectory };

/** The services identity builds, for its routes, the CLI and demo data. */
export function createIdentityServices(context: Pick<ModuleContext, 'database' | 'clock' | 'publicUrl'>, ports: IdentityPorts) {
  const db = context.database.db;
  const now = () => context.clock.now();
  const today = () => vietnamDate(context.clock.now());
  const accounts = createAccounts({ db, breached: createCommonPasswordList(), now });
  const adapter = createPgAdapterFactory(db);
  const origin = new URL(context.publicUrl);
  const codes = createOneTimeCodes({ db, notifier: ports.notifier, now });
  return {
    db,
    adapter,
    accounts,
    keys: createKeyStore(db, { retentionSeconds: Math.max(...Object.values(TTL)) }),
    businesses: createBusinesses({ db, registry: ports.businessRegistry, today }),
    officials: createOfficials({ db, accounts, agencies: ports.agencies, today }),
    secondFactor: createSecondFactor({ db, accounts, now }),
    passkeys: createPasskeys({ db, now, rpId: origin.hostname, rpName: 'Congso', origin: origin.origin }),
    verification: createVerification({ db, accounts, registry: ports.population, codes, now }),
    recovery: createRecovery({ db, accounts, codes }),
    registerClient: (client: NewClient) => registerClient(adapter, client),
    today,
  };
}

const KEY_CHECK_MS = 60_000;

/** Identity (định danh, xác thực): the platform's OpenID Provider under /oidc, accounts, and access. */
export function createIdentityModule(context: ModuleContext, ports: IdentityPorts) {
  const services = createIdentityServices(context, ports);
  const { accounts, keys } = services;
  const issuer = `${context.publicUrl}${OIDC_PREFIX}`;
  const apiAudience = `${context.publicUrl}/api`;
  let provider: Provider | undefined;
  let publicJwks: JSONWebKeySet = { keys: [] };
  let cookieKeys: string[] = [];
  let guard: AccessGuard | undefined;
  const interactions = interactionRoutes({
    provider: () => provider,
    accounts,
    secondFactor: services.secondFactor,
    passkeys: services.passkeys,
    cookieKey: () => cookieKeys[0] ?? '',
    publicOrigin: new URL(context.publicUrl).origin,
    secureCookies: context.secureCookies,
    now: () => context.clock.now(),
  });

  let keyCheck: NodeJS.Timeout | undefined;
  let loadedKids = '';

  /** (Re)builds the provider when the signing keys changed: it holds its keys from construction. */
  async function loadKeys(): Promise<void> {
    const jwks = await keys.loadJwks();
    const kids = jwks.map((jwk) => jwk.kid).join(',');
    if (provider && kids === loadedKids) return;
    loadedKids = kids;
    publicJwks = { keys: jwks.map(publicPart) };
    guard ??= createBearerGuard({ issuer, audience: apiAudience, publicJwks: () => publicJwks, accounts, clock: context.clock });
    const next = createOidcProvider({
      issuer,
      apiAudience,
      jwks,
      cookieKeys,
      adapter: services.adapter,
      secureCookies: context.secureCookies,
      allowPrivateNetworkFetch: context.environment !== 'production',
      findAccount: (id) => accounts.findById(id),
    });
    const recordLogout = async (accountId: string | undefined, method: string) => {
      const found = accountId ? await accounts.findById(accountId) : undefined;
      if (found) await accounts.record(found.id, found.personalId, 'account_event', method, null);
    };
    next.on('end_session.success', (ctx: { oidc?: { session?: { accountId?: string } } }) => {
      void recordLogout(ctx.oidc?.session?.accountId, 'logout').catch((error: unknown) => context.logger.error({ err: error }, 'could not record a logout'));
    });
    next.on('backchannel.error', (_ctx: unknown, error: Error, client: { clientId: string }) => {
      context.logger.warn({ err: error, clientId: client.clientId }, 'back-channel logout delivery failed');
    });
    provider = next;
  }

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
      identityRoutes({ businesses: services.businesses })(app);
      meRoutes(services)(app);
      adminRoutes({ ...services, agencies: ports.agencies })(app);
    },
    accessGuard: () => guard,
    async warmUp() {
      await ensureWebAppClient(services.adapter, context.publicUrl);
      cookieKeys = await keys.cookieKeys();
      await loadKeys();
      // Keys rotated elsewhere (the CLI, another instance) are picked up within a minute.
      keyCheck ??= setInterval(() => {
        void loadKeys().catch((error: unknown) => context.logger.error({ err: error }, 'could not reload signing keys'));
      }, KEY_CHECK_MS);
      keyCheck.unref();
    },
    async stop() {
      if (keyCheck) clearInterval(keyCheck);
      keyCheck = undefined;
    },
    readiness: () => ({ issuer, provider: provider !== undefined }),
  };
  return {
    ...module,
    service: {
      issuer,
      /** The services behind the routes, for the composition root's CLI and demo data. */
      services,
      registerClient: services.registerClient,
      /** The agency a registered OAuth client belongs to (undefined: unknown, or no agency's). */
      agencyOfClient: (clientId: string) => agencyOfClient(services.adapter, clientId),
      async rotateSigningKey() {
        const kid = await keys.rotateSigningKey();
        await loadKeys();
        return kid;
      },
      registerCitizen: (citizen: NewCitizen) => accounts.registerCitizen(citizen),
      appointOfficial: (person: NewCitizen, post: OfficialPost) => services.officials.appoint(PLATFORM, person, post),
      /**
       * Where to reach a person, by account or by personal ID: their verified e-mail and phone only
       * (for notices from other modules).
       */
      async contactOf(who: { accountId: string } | { personalId: string }): Promise<{ fullName: string; email: string | null; phone: string | null } | undefined> {
        const found = 'accountId' in who ? await accounts.findById(who.accountId) : await accounts.findByPersonalId(who.personalId);
        if (!found) return undefined;
        return { fullName: found.fullName, email: found.emailVerifiedAt ? found.email : null, phone: found.phoneVerifiedAt ? found.phone : null };
      },
      /**
       * Whether an account's post carries a permission over a resource (for work given to an official:
       * assignment). Judged on the post alone; the official's own powers still need a second factor.
       */
      async officialMay(accountId: string, permission: Permission, resource: Resource): Promise<boolean> {
        const found = await accounts.findById(accountId);
        if (!found || found.disabledAt || found.kind !== 'official' || !found.agencyCode) return false;
        const actor: Actor = { kind: 'official', officialId: found.id, personalId: found.personalId, agencyCode: found.agencyCode, unitCode: found.unitCode, roles: found.roles as Role[], mandatesFrom: [] };
        return decide(actor, permission, resource, services.today()) === 'allowed';
      },
      /** The caller as the access policy sees it, with the mandates it holds today (for other modules). */
      async actorFor(caller: ApiCaller) {
        return actorOf(caller, caller.kind === 'client' ? [] : await services.businesses.mandatesHeld(caller.accountId));
      },
    },
  };
}

