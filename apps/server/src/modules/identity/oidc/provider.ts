import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { PrivateJwk } from './key-store.ts';
import type { createPgAdapterFactory } from './pg-adapter.ts';

export const OIDC_PREFIX = '/oidc';

/** Token lifetimes (seconds). Retired signing keys must outlive the longest of them. */
export const TTL = { AccessToken: 600, ClientCredentials: 600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86_400, Interaction: 600, Session: 86_400, Grant: 86_400 };

/**
 * A signed-in session ends after an hour without use (idle) and in any case a day after the login
 * (absolute): each refresh-token rotation grants at most another idle hour, never past the day.
 */
export const SESSION_IDLE_SECONDS = 3600;
export const SESSION_ABSOLUTE_SECONDS = 86_400;

/**
 * Seconds a refresh token or the provider's session may live from now, given when the login happened
 * (a refresh chain's iiat, a session's loginTs) and now, both epoch seconds.
 */
export function sessionTtl(initialIssuedAt: number | undefined, now: number): number {
  const age = initialIssuedAt === undefined ? 0 : Math.max(0, now - initialIssuedAt);
  return Math.max(1, Math.min(SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS - age));
}

export type OidcAccount = { id: string; fullName: string; personalId: string; assuranceLevel: number; email: string | null };

/** Assurance levels as `acr` values (Decree 69/2024/NĐ-CP: level 1 self-registered, level 2 verified). */
export const ACR = { 1: 'urn:congso:loa:1', 2: 'urn:congso:loa:2' } as const;

export const INTERACTION_PREFIX = '/auth/interaction';

export const IDENTITY_STARTING = { vi: 'Dịch vụ định danh đang khởi động.', en: 'The identity service is starting.' };

/** Claims our access tokens carry about agency systems (set at client registration). */
export const AGENCY_CLAIM = 'urn:congso:agency';
export const PERMISSIONS_CLAIM = 'urn:congso:permissions';

export type OidcProviderOptions = {
  issuer: string;
  /** The platform API as a resource server: access tokens for it are RS256 JWTs with this audience. */
  apiAudience: string;
  findAccount: (id: string) => Promise<OidcAccount | undefined>;
  jwks: PrivateJwk[];
  cookieKeys: string[];
  adapter: ReturnType<typeof createPgAdapterFactory>;
  secureCookies: boolean;
  /**
   * Outside production, outgoing calls (back-channel logout) may reach loopback and private
   * addresses; in production the provider's SSRF protection refuses them.
   */
  allowPrivateNetworkFetch: boolean;
};

/**
 * The platform's OpenID Provider (oidc-provider, OpenID Certified). Clients are registered by
 * administrators (stored through the adapter), never self-registered. Agency systems use the
 * client-credentials grant; browser apps use code + PKCE with rotating refresh tokens.
 */
export function createOidcProvider(options: OidcProviderOptions): Provider {
  const configuration: Configuration = {
    adapter: options.adapter,
    jwks: { keys: options.jwks },
    cookies: { keys: options.cookieKeys, long: { signed: true, secure: options.secureCookies, sameSite: 'lax' }, short: { signed: true, secure: options.secureCookies, sameSite: 'lax' } },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Vietnamese confirmation page; `form` is the provider's own hidden form (with its CSRF token).
        async logoutSource(ctx, form) {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Đăng xuất — Congso</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}button{margin:.5rem .5rem 0 0;padding:.7rem 1.2rem;font-size:1rem}</style></head>
<body><main><h1>Đăng xuất?</h1><p>Bạn có muốn đăng xuất khỏi Congso và các dịch vụ đã đăng nhập bằng tài khoản này?</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Đăng xuất</button>
<button type="submit" form="op.logoutForm">Ở lại</button></main></body></html>`;
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đã đăng xuất — Congso</title></head><body><main><h1>Bạn đã đăng xuất.</h1></main></body></html>';
        },
      },
      introspection: {
        enabled: true,
        // A client learns about its own tokens only; tokens of other clients introspect as inactive.
        async allowedPolicy(_ctx, client, token) {
          return token.clientId === client.clientId;
        },
      },
      revocation: {
        enabled: true,
        // A client revokes its own tokens only.
        async allowedPolicy(_ctx, client, token) {
          return token.clientId === client.clientId;
        },
      },
      // Relying parties registered with a back-channel logout URI are told when a session ends.
      backchannelLogout: { enabled: true },
      registration: { enabled: false },
      // Tokens for the platform API are self-contained JWTs (checked for issuer, audience, expiry
      // and algorithm by the API); a client gets one by asking for the `api` scope.
      resourceIndicators: {
        enabled: true,
        async defaultResource(ctx, _client, oneOf) {
          if (oneOf) return oneOf;
          const scope = ctx.oidc.params?.scope;
          return typeof scope === 'string' && scope.split(' ').includes('api') ? options.apiAudience : undefined;
        },
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== options.apiAudience) throw new errors.InvalidTarget();
          return { scope: 'api', audience: options.apiAudience, accessTokenFormat: 'jwt', accessTokenTTL: TTL.AccessToken, jwt: { sign: { alg: 'RS256' } } };
        },
        async useGrantedResource() {
          return true;
        },
      },
    },
    async extraTokenClaims(ctx, token) {
      // Outside a request (a token minted by code) there is nothing to add.
      if (!ctx) return token.extra;
      // Agency systems' tokens say which agency they act for and what they may do.
      if (token.kind === 'ClientCredentials') {
        if (!ctx.oidc.client) return undefined;
        const metadata = ctx.oidc.client.metadata() as Record<string, unknown>;
        return { [AGENCY_CLAIM]: metadata[AGENCY_CLAIM], [PERMISSIONS_CLAIM]: metadata[PERMISSIONS_CLAIM] ?? [] };
      }
      // A person's token says when and how they authenticated (RFC 9068 §2.2.1), so the API can ask
      // for a second factor (officials) or a recent login (sensitive actions) without a lookup.
      const origin = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      if (!origin) return undefined;
      return { auth_time: origin.authTime, amr: origin.amr ?? [], acr: origin.acr };
    },
    pkce: { required: () => true },
    extraClientMetadata: { properties: [AGENCY_CLAIM, PERMISSIONS_CLAIM] },
    acrValues: [ACR[1], ACR[2]],
    scopes: ['openid', 'offline_access', 'profile', 'email', 'congso_identity', 'api'],
    claims: {
      // How the person authenticated (assurance level, methods, time) goes with every ID token.
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      sid: null,
      profile: ['name'],
      email: ['email'],
      // The personal ID number is released only to clients that ask for this scope.
      congso_identity: ['personal_id', 'assurance_level'],
    },
    async findAccount(_ctx, id) {
      const found = await options.findAccount(id);
      if (!found) return undefined;
      return {
        accountId: found.id,
        async claims() {
          return { sub: found.id, name: found.fullName, email: found.email ?? undefined, personal_id: found.personalId, assurance_level: found.assuranceLevel };
        },
      };
    },
    // Clients are registered by administrators, so the scopes they ask for are granted without a
    // consent screen; the grant is recorded like any other and can be revoked.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      const scope = ctx.oidc.params?.scope;
      const requested = typeof scope === 'string' ? scope : 'openid';
      grant.addOIDCScope(requested);
      // The platform API's scope goes with its resource (the access token's audience).
      if (requested.split(' ').includes('api')) grant.addResourceScope(options.apiAudience, 'api');
      await grant.save();
      return grant;
    },
    ...(options.allowPrivateNetworkFetch
      ? { fetch: (url: Parameters<typeof fetch>[0], init?: RequestInit) => globalThis.fetch(url, { ...init, dispatcher: undefined }) }
      : {}),
    ttl: {
      ...TTL,
      RefreshToken: (_ctx, token) => sessionTtl(token.iiat, Math.floor(Date.now() / 1000)),
      // The provider's own session is saved on every use: the same idle hour, the same absolute day.
      Session: (_ctx, session) => sessionTtl(session.loginTs, Math.floor(Date.now() / 1000)),
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'], requestObjectSigningAlgValues: ['RS256'] },
    clientDefaults: { grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'RS256' },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}/${interaction.uid}` },
    renderError(ctx, out) {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = out;
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Logging out ends what the login granted, refresh tokens included: oidc-provider keeps grants with
  // offline_access alive after logout, which would leave a "logged-out" portal able to refresh.
  // Done before the response is sent, so the relying party cannot refresh in between.
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next();
    // Requests the provider does not route (unknown paths) have no OIDC context.
    const oidc = ctx.oidc as KoaContextWithOIDC['oidc'] | undefined;
    if (oidc?.route !== 'end_session_confirm' || ctx.status !== 303) return;
    const session = oidc.session as unknown as EndedSession | undefined;
    if (!session?.authorizations) return;
    const ended = session.destroyed ? Object.keys(session.authorizations) : [session.state?.clientId].filter((id): id is string => typeof id === 'string');
    for (const clientId of ended) {
      const grantId = session.authorizations[clientId]?.grantId;
      if (grantId) await options.adapter('Grant').revokeByGrantId(grantId);
    }
  });
  return provider;
}

/** What the logout confirmation leaves on the provider's session object. */
type EndedSession = { destroyed?: boolean; state?: { clientId?: string }; authorizations?: Record<string, { grantId?: string } | undefined> };

const handlers = new WeakMap<Provider, ReturnType<Provider['callback']>>();

/**
 * Hands a raw request to the provider the way Express mounting does: the path below the prefix in
 * `url`, the full path in `originalUrl` and the prefix in `baseUrl`, so the provider advertises its
 * endpoints under /oidc in discovery.
 */
export function forwardToProvider(provider: Provider, request: IncomingMessage, response: ServerResponse): void {
  let handle = handlers.get(provider);
  if (!handle) {
    // Koa composes its middleware in callback(): do it once per provider, not on every request.
    handle = provider.callback();
    handlers.set(provider, handle);
  }
  const withMount = request as IncomingMessage & { originalUrl?: string; baseUrl?: string };
  withMount.originalUrl = request.url ?? '/';
  withMount.baseUrl = OIDC_PREFIX;
  request.url = (request.url ?? '/').slice(OIDC_PREFIX.length) || '/';
  void handle(request, response);
}
