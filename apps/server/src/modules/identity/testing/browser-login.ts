import * as client from 'openid-client';
import { totpCode } from '../totp.ts';

// A relying party driven by openid-client, with a small cookie-keeping user agent that fills in the
// provider's forms: logins over real HTTP, for tests (never in production code).

/** Follows redirects inside the provider, keeping cookies, until one leaves it (to the client). */
export async function browse(base: string, url: string, jar: Map<string, string>, init: RequestInit = {}): Promise<Response> {
  let next = url;
  let options = init;
  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(next, { ...options, redirect: 'manual', headers: { ...(options.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location || response.status < 300 || response.status >= 400) return response;
    const target = new URL(location, next);
    if (target.origin !== base) return response;
    next = target.toString();
    options = {};
  }
  throw new Error('too many redirects');
}

/** Posts the form of an HTML page (its first form's action) with the given fields. */
export async function submitForm(base: string, jar: Map<string, string>, html: string, fields: Record<string, string>): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page: ${html.slice(0, 200)}`);
  return browse(base, new URL(action.replaceAll('&amp;', '&'), base).toString(), jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

export type SignIn = { base: string; clientId: string; redirectUri: string; personalId: string; password: string; totpSecret?: string; scope?: string; at?: Date };

/** A full code + PKCE login (password, then the TOTP code when a secret is given); returns the tokens. */
export async function signIn(options: SignIn): Promise<{ config: client.Configuration; tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers; jar: Map<string, string> }> {
  const config = await client.discovery(new URL(`${options.base}/oidc`), options.clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile offline_access api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    // The provider grants offline_access (a refresh token) only with an explicit consent prompt.
    ...((options.scope ?? 'openid profile offline_access api').includes('offline_access') ? { prompt: 'consent' } : {}),
  });
  const jar = new Map<string, string>();
  const page = await browse(options.base, url.toString(), jar);
  let response = await submitForm(options.base, jar, await page.text(), { personalId: options.personalId, password: options.password });
  if (options.totpSecret) {
    response = await submitForm(options.base, jar, await response.text(), { code: totpCode(options.totpSecret, options.at ?? new Date()) });
  }
  const location = response.headers.get('location');
  if (!location?.startsWith(options.redirectUri)) throw new Error(`login did not return to the client: ${response.status} ${(await response.text()).slice(0, 300)}`);
  const tokens = await client.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state });
  return { config, tokens, jar };
}
