// The web app as an ordinary OpenID Connect relying party of the platform's own provider: public
// client `congso-web`, authorization code + PKCE (S256), state and nonce, rotating refresh tokens.
// Framework-free (no React, no window at import time) so the same code runs in Node for the tests.
//
// Where the tokens live, and why:
// - The access token (a 10-minute JWT for the API) stays in memory only: nothing else in the page,
//   no other tab and no later visit can read it from storage.
// - The refresh token goes to sessionStorage: it is scoped to this tab and dies with it, survives a
//   reload (so a reload does not mean a new login), and is never sent by the browser on its own
//   (unlike a cookie). It is a weak secret by design: the server rotates it on every use (a replayed
//   one revokes the whole grant) and ends the chain after an hour without use and a day after the
//   login, whatever happens. localStorage would share it across tabs (which then race to rotate it)
//   and keep it after the browser closes, so it is not used.
// - state, nonce and the PKCE verifier of a login in progress also wait in sessionStorage, for the
//   round trip through the provider; they are removed as soon as the callback is handled.
import * as oauth from 'oauth4webapi';

export const WEB_CLIENT_ID = 'congso-web';
export const CALLBACK_PATH = '/login/callback';
export const OIDC_PATH = '/oidc';
const SCOPE = 'openid offline_access profile email congso_identity api';
const PENDING_KEY = 'congso.oidc.pending';
const REFRESH_KEY = 'congso.oidc.refresh_token';
/** Refresh a little before the access token expires rather than waiting for a 401. */
const EXPIRY_MARGIN_MS = 30_000;

/** The part of the Web Storage API the session needs (window.sessionStorage in the browser). */
export type KeyValueStore = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

export type IdTokenClaims = oauth.IDToken;

export type SignedIn = {
  accessToken: string;
  refreshToken: string | null;
  idToken: string;
  /** When the access token expires, epoch milliseconds. */
  expiresAt: number;
  /** The validated ID token's claims (issuer, audience, nonce and expiry were checked). */
  claims: IdTokenClaims;
};

export type StartLoginOptions = {
  /** `login` forces the person to authenticate again (step-up, RFC 9470). */
  prompt?: 'login';
  /** Seconds: the login must be at most this old (checked again on the ID token's auth_time). */
  maxAge?: number;
  /** Same-origin path to come back to after the login; `/` otherwise. */
  returnTo?: string;
};

export type OidcSessionOptions = {
  /** The platform's origin (the page's own origin in the browser); the issuer is `${baseUrl}/oidc`. */
  baseUrl: string;
  storage: KeyValueStore;
  clientId?: string;
  /** Sends the browser to the provider (a step-up re-login). Defaults to doing nothing. */
  navigate?: (url: string) => void;
  /** The path to come back to after a step-up re-login. Defaults to `/`. */
  currentPath?: () => string;
};

export type OidcSessionErrorCode = 'no_pending_login' | 'invalid_callback' | 'login_refused' | 'not_signed_in' | 'session_expired' | 'step_up_required';

/** A failure the UI can explain to the person (codes, not texts: the UI words them in Vietnamese). */
export class OidcSessionError extends Error {
  readonly code: OidcSessionErrorCode;
  /** For login_refused: the provider's error code (access_denied, login_required, …). */
  readonly providerError: string | undefined;
  constructor(code: OidcSessionErrorCode, message: string, options: { cause?: unknown; providerError?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OidcSessionError';
    this.code = code;
    this.providerError = options.providerError;
  }
}

type PendingLogin = { state: string; nonce: string; codeVerifier: string; maxAge?: number; returnTo: string };

export type OidcSession = ReturnType<typeof createOidcSession>;

/** Accepts only a same-origin path, so `returnTo` cannot become an open redirect. */
function safePath(path: string | undefined): string {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

/** The `max_age` of an RFC 9470 challenge, or undefined when the 401 is not a step-up challenge. */
export function stepUpChallenge(wwwAuthenticate: string | null): { maxAge?: number } | undefined {
  if (!wwwAuthenticate || !/\berror="?insufficient_user_authentication"?/i.test(wwwAuthenticate)) return undefined;
  const maxAge = /\bmax_age="?(\d+)"?/i.exec(wwwAuthenticate)?.[1];
  return maxAge === undefined ? {} : { maxAge: Number(maxAge) };
}

export function createOidcSession(options: OidcSessionOptions) {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const issuer = new URL(`${origin}${OIDC_PATH}`);
  const client: oauth.Client = { client_id: options.clientId ?? WEB_CLIENT_ID, token_endpoint_auth_method: 'none' };
  const redirectUri = `${origin}${CALLBACK_PATH}`;
  const storage = options.storage;
  // oauth4webapi insists on https; a page served over plain http (local development, the tests)
  // talks to its own origin over http anyway, so refusing would protect nothing.
  const http: { [oauth.allowInsecureRequests]?: boolean } = base.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

  let metadata: Promise<oauth.AuthorizationServer> | undefined;
  let current: SignedIn | null = null;
  let refreshing: Promise<SignedIn> | undefined;
  const listeners = new Set<() => void>();

  function setCurrent(next: SignedIn | null) {
    current = next;
    if (next?.refreshToken) storage.setItem(REFRESH_KEY, next.refreshToken);
    else storage.removeItem(REFRESH_KEY);
    for (const listener of listeners) listener();
  }

  function discover(): Promise<oauth.AuthorizationServer> {
    metadata ??= oauth
      .discoveryRequest(issuer, { ...http, algorithm: 'oidc' })
      .then((response) => oauth.processDiscoveryResponse(issuer, response))
      .catch((error: unknown) => {
        metadata = undefined;
        throw error;
      });
    return metadata;
  }

  function toSignedIn(result: oauth.TokenEndpointResponse, claims: IdTokenClaims, idToken: string, previousRefreshToken: string | null = null): SignedIn {
    return {
      accessToken: result.access_token,
      refreshToken: result.refresh_token ?? previousRefreshToken,
      idToken,
      expiresAt: Date.now() + (result.expires_in ?? 0) * 1000,
      claims,
    };
  }

  function readPending(): PendingLogin | undefined {
    const raw = storage.getItem(PENDING_KEY);
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<PendingLogin>;
      if (typeof parsed.state !== 'string' || typeof parsed.nonce !== 'string' || typeof parsed.codeVerifier !== 'string') return undefined;
      return { state: parsed.state, nonce: parsed.nonce, codeVerifier: parsed.codeVerifier, returnTo: safePath(parsed.returnTo), ...(typeof parsed.maxAge === 'number' ? { maxAge: parsed.maxAge } : {}) };
    } catch {
      return undefined;
    }
  }

  /** Builds the authorization URL (code + PKCE S256, state, nonce) and remembers the login in progress. */
  async function startLogin(login: StartLoginOptions = {}): Promise<string> {
    const as = await discover();
    if (!as.authorization_endpoint) throw new Error('the provider advertises no authorization endpoint');
    const pending: PendingLogin = {
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      codeVerifier: oauth.generateRandomCodeVerifier(),
      returnTo: safePath(login.returnTo),
      ...(login.maxAge === undefined ? {} : { maxAge: login.maxAge }),
    };
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('client_id', client.client_id);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', SCOPE);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('nonce', pending.nonce);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    // The provider drops offline_access (no refresh token) unless the prompt includes consent; for a
    // registered client it records the consent without showing a page.
    url.searchParams.set('prompt', login.prompt === 'login' ? 'login consent' : 'consent');
    if (login.maxAge !== undefined) url.searchParams.set('max_age', String(login.maxAge));
    url.searchParams.set('ui_locales', 'vi');
    storage.setItem(PENDING_KEY, JSON.stringify(pending));
    return url.toString();
  }

  /**
   * Handles the redirect back to /login/callback: checks state (and the issuer), exchanges the code
   * with the PKCE verifier and validates the ID token (issuer, audience, nonce, expiry, auth_time
   * against max_age). The login in progress is forgotten whatever the outcome: a callback works once.
   */
  async function completeLogin(callbackUrl: string | URL): Promise<SignedIn & { returnTo: string }> {
    const pending = readPending();
    storage.removeItem(PENDING_KEY);
    if (!pending) throw new OidcSessionError('no_pending_login', 'no login is in progress in this tab');
    const as = await discover();
    let parameters: URLSearchParams;
    try {
      parameters = oauth.validateAuthResponse(as, client, new URL(callbackUrl), pending.state);
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError) {
        throw new OidcSessionError('login_refused', `the provider refused the login: ${error.error}`, { cause: error, providerError: error.error });
      }
      throw new OidcSessionError('invalid_callback', 'the callback does not match the login in progress', { cause: error });
    }
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri, pending.codeVerifier, http);
    let result: oauth.TokenEndpointResponse;
    try {
      result = await oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
        maxAge: pending.maxAge ?? oauth.skipAuthTimeCheck,
      });
    } catch (error) {
      throw new OidcSessionError('invalid_callback', 'the code exchange or the ID token was refused', { cause: error });
    }
    const claims = oauth.getValidatedIdTokenClaims(result) as IdTokenClaims;
    const signedIn = toSignedIn(result, claims, result.id_token as string);
    setCurrent(signedIn);
    return { ...signedIn, returnTo: pending.returnTo };
  }

  async function refreshOnce(): Promise<SignedIn> {
    const refreshToken = storage.getItem(REFRESH_KEY);
    if (!refreshToken) throw new OidcSessionError('not_signed_in', 'no refresh token in this tab');
    const as = await discover();
    let result: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, http);
      result = await oauth.processRefreshTokenResponse(as, client, response);
    } catch (error) {
      // The provider no longer honours the token (idle hour or absolute day passed, revoked, replayed):
      // the session is over. Network failures keep the token for a later try.
      if (error instanceof oauth.ResponseBodyError) {
        setCurrent(null);
        throw new OidcSessionError('session_expired', `the refresh token was refused: ${error.error}`, { cause: error });
      }
      throw error;
    }
    const claims = oauth.getValidatedIdTokenClaims(result) ?? current?.claims;
    const idToken = result.id_token ?? current?.idToken;
    if (!claims || !idToken || (current && claims.sub !== current.claims.sub)) {
      setCurrent(null);
      throw new OidcSessionError('session_expired', 'the refreshed tokens do not continue this session');
    }
    const signedIn = toSignedIn(result, claims, idToken, refreshToken);
    setCurrent(signedIn);
    return signedIn;
  }

  /** Rotates the refresh token for a new access token; concurrent callers share one request. */
  function refresh(): Promise<SignedIn> {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  /** After a reload: signs back in with this tab's refresh token, if any; null when there is none or it expired. */
  async function restore(): Promise<SignedIn | null> {
    if (current) return current;
    if (!storage.getItem(REFRESH_KEY)) return null;
    try {
      return await refresh();
    } catch (error) {
      if (error instanceof OidcSessionError) return null;
      throw error;
    }
  }

  /** The provider's end_session URL, with the ID token as hint and the portal's home as destination. */
  async function logoutUrl(): Promise<string> {
    const as = await discover();
    if (!as.end_session_endpoint) throw new Error('the provider advertises no end_session endpoint');
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set('client_id', client.client_id);
    if (current) url.searchParams.set('id_token_hint', current.idToken);
    url.searchParams.set('post_logout_redirect_uri', `${origin}/`);
    return url.toString();
  }

  /**
   * Ends the session here (revokes the refresh token: grants with offline_access outlive the
   * provider's session) and returns the end_session URL to send the browser to.
   */
  async function logout(): Promise<string> {
    const url = await logoutUrl();
    const refreshToken = storage.getItem(REFRESH_KEY);
    if (refreshToken) {
      try {
        const as = await discover();
        await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), refreshToken, { ...http, additionalParameters: { token_type_hint: 'refresh_token' } }));
      } catch {
        // Best effort: the provider's logout and the token's own lifetime still end it.
      }
    }
    setCurrent(null);
    return url;
  }

  /**
   * fetch for the platform API: adds the bearer access token (refreshed first when it is about to
   * expire), refreshes once and retries on a 401, and on an RFC 9470 step-up challenge
   * (insufficient_user_authentication) starts a fresh login with prompt=login and rejects with
   * `step_up_required`. Only same-origin URLs get the token. A body that is a stream cannot be retried.
   */
  async function authorizedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input, origin);
    if (url.origin !== origin) throw new Error(`authorizedFetch sends the access token to ${origin} only`);
    const send = (token: string | undefined) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(url, { ...init, headers });
    };
    if (storage.getItem(REFRESH_KEY) && (!current || current.expiresAt - EXPIRY_MARGIN_MS <= Date.now())) {
      await refresh().catch(() => undefined);
    }
    const response = await send(current?.accessToken);
    if (response.status !== 401) return response;
    const challenge = stepUpChallenge(response.headers.get('www-authenticate'));
    if (challenge) {
      const loginUrl = await startLogin({ prompt: 'login', ...challenge, returnTo: options.currentPath?.() ?? '/' });
      options.navigate?.(loginUrl);
      throw new OidcSessionError('step_up_required', 'a recent login is required; the browser is sent to the provider');
    }
    if (!storage.getItem(REFRESH_KEY)) return response;
    try {
      await refresh();
    } catch {
      return response;
    }
    return send(current?.accessToken);
  }

  return {
    startLogin,
    completeLogin,
    refresh,
    restore,
    logoutUrl,
    logout,
    authorizedFetch,
    /** The signed-in state, or null (a stable reference between changes, for useSyncExternalStore). */
    current: (): SignedIn | null => current,
    hasRefreshToken: (): boolean => storage.getItem(REFRESH_KEY) !== null,
    /** Calls the listener on login, refresh and logout; returns the unsubscribe function. */
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
