import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors.ts';
import { PUBLIC } from '../../kernel/http/access.ts';
import { buildProblem, sendProblem } from '../../kernel/http/problem.ts';
import type { AccountRow, Accounts } from './accounts.ts';
import { loginPage, PASSKEY_LOGIN_SCRIPT, totpPage } from './login-pages.ts';
import { ACR, IDENTITY_STARTING, INTERACTION_PREFIX } from './oidc/provider.ts';
import type { Passkeys } from './passkeys.ts';
import { PENDING_COOKIE, PENDING_SECONDS, pendingLoginValue, readPendingLogin } from './pending-login.ts';
import type { SecondFactor } from './second-factor.ts';

/** Request parameters the provider kept are unknown values; only strings are meaningful here. */
const paramText = (value: unknown): string => (typeof value === 'string' ? value : '');

const LoginForm = z.object({ personalId: z.string().trim().max(20), password: z.string().max(1024) });
const TotpForm = z.object({ code: z.string().trim().max(10) });
const Uid = z.object({ uid: z.string().max(100) });
const PasskeyAssertion = z.object({ challengeId: z.uuid(), response: z.looseObject({ id: z.string().max(1024), type: z.literal('public-key') }) });

export type InteractionDeps = {
  provider: () => Provider | undefined;
  accounts: Accounts;
  secondFactor: SecondFactor;
  passkeys: Passkeys;
  /** The platform's current cookie key (MACs the pending-login cookie). */
  cookieKey: () => string;
  publicOrigin: string;
  secureCookies: boolean;
  now: () => Date;
};

/** The origin of a client's redirect URI (already checked by the provider against its registration). */
function redirectOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const acrOf = (found: AccountRow) => ACR[found.assuranceLevel === 2 ? 2 : 1];

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The provider's login interaction (/auth/interaction/{uid}): password, then TOTP when the account
 * has it, or a passkey alone. The interaction is bound to the browser by the provider's own cookie;
 * besides, state-changing requests from another site are refused (CSRF: Origin / Sec-Fetch-Site).
 */
export function interactionRoutes(deps: InteractionDeps) {
  const requireProvider = (): Provider => {
    const provider = deps.provider();
    if (!provider) throw new DomainError('unavailable', 'identity.starting', IDENTITY_STARTING);
    return provider;
  };
  const nowSeconds = () => Math.floor(deps.now().getTime() / 1000);
  /**
   * A provider page. Its form's POST ends in a redirect to the relying party, and browsers apply CSP
   * form-action to that redirect too: the page allows the client's redirect origin besides 'self'.
   * `same-origin` referrers make browsers send our Origin with the form (with no-referrer they send
   * `Origin: null`), which the CSRF check below relies on.
   */
  const html = (reply: FastifyReply, status: number, body: string, params?: Record<string, unknown>) => {
    const csp = reply.getHeader('content-security-policy');
    const target = redirectOrigin(params?.redirect_uri);
    if (typeof csp === 'string' && target) reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${target}`));
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'same-origin').send(body);
  };

  async function finish(request: FastifyRequest, reply: FastifyReply, found: AccountRow, amr: string[]) {
    const provider = requireProvider();
    reply.header('set-cookie', `${PENDING_COOKIE}=; Path=${INTERACTION_PREFIX}; Max-Age=0; HttpOnly; SameSite=Lax${deps.secureCookies ? '; Secure' : ''}`);
    const result = { login: { accountId: found.id, acr: acrOf(found), amr } };
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
    return reply;
  }

  // A plugin of its own: the form-body parser and the CSRF check apply to these routes only.
  return async (plain: FastifyInstance) => {
    await plain.register(formbody, { bodyLimit: 8192 });
    plain.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      // Another site's Origin, or a browser saying the request is not same-origin, is refused.
      // `Origin: null` (privacy-sensitive contexts) passes only when Sec-Fetch-Site vouches for it.
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      const foreignOrigin = origin !== undefined && origin !== 'null' && origin !== deps.publicOrigin;
      const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
      if (foreignOrigin || foreignSite) {
        return sendProblem(reply, buildProblem(403, 'auth.cross_site_request', { vi: 'Yêu cầu từ trang web khác bị từ chối.', en: 'Cross-site request refused.' }));
      }
    });
    const scope = plain.withTypeProvider<ZodTypeProvider>();

    scope.get('/auth/assets/passkey-login.js', { config: PUBLIC, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PASSKEY_LOGIN_SCRIPT),
    );

    scope.get(`${INTERACTION_PREFIX}/:uid`, { config: PUBLIC, schema: { hide: true, params: Uid } }, async (request, reply) => {
      const provider = requireProvider();
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.prompt.name === 'consent' && details.session?.accountId) {
        // Registered clients are trusted: what they ask for is granted and recorded as a grant.
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session.accountId, clientId: paramText(details.params.client_id) });
        if (!grant) throw new DomainError('not_found', 'identity.grant_not_found', { vi: 'Không tìm thấy phiên cấp quyền.', en: 'Grant not found.' });
        const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        const grantId = await grant.save();
        reply.hijack();
        await provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return reply;
      }
      const client = await provider.Client.find(paramText(details.params.client_id));
      return html(reply, 200, loginPage(details.uid, String(client?.clientName ?? client?.clientId ?? '')), details.params);
    });

    scope.post(`${INTERACTION_PREFIX}/:uid/login`, { config: PUBLIC, schema: { hide: true, params: Uid, body: LoginForm } }, async (request, reply) => {
      const provider = requireProvider();
      const details = await provider.interactionDetails(request.raw, reply.raw);
      try {
        const found = await deps.accounts.authenticate(request.body.personalId, request.body.password, request.ip);
        if (!found.totpEnabledAt) return await finish(request, reply, found, ['pwd']);
        const cookie = pendingLoginValue(deps.cookieKey(), details.uid, found.id, nowSeconds());
        reply.header('set-cookie', `${PENDING_COOKIE}=${cookie}; Path=${INTERACTION_PREFIX}/${details.uid}; Max-Age=${PENDING_SECONDS}; HttpOnly; SameSite=Lax${deps.secureCookies ? '; Secure' : ''}`);
        return html(reply, 200, totpPage(details.uid), details.params);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const client = await provider.Client.find(paramText(details.params.client_id));
        const status = error.kind === 'rate_limited' ? 429 : error.kind === 'forbidden' ? 403 : 401;
        return html(reply, status, loginPage(details.uid, String(client?.clientName ?? client?.clientId ?? ''), error.text.vi, request.body.personalId), details.params);
      }
    });

    scope.post(`${INTERACTION_PREFIX}/:uid/totp`, { config: PUBLIC, schema: { hide: true, params: Uid, body: TotpForm } }, async (request, reply) => {
      const provider = requireProvider();
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const accountId = readPendingLogin(deps.cookieKey(), details.uid, readCookie(request, PENDING_COOKIE), nowSeconds());
      if (!accountId) return html(reply, 401, loginPage(details.uid, '', 'Phiên đăng nhập đã hết hạn, vui lòng nhập lại mật khẩu.'), details.params);
      try {
        const found = await deps.secondFactor.verifyLogin(accountId, request.body.code, request.ip);
        return await finish(request, reply, found, ['pwd', 'otp', 'mfa']);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return html(reply, error.kind === 'rate_limited' ? 429 : 401, totpPage(details.uid, error.text.vi), details.params);
      }
    });

    scope.post(`${INTERACTION_PREFIX}/:uid/passkey/options`, { config: PUBLIC, schema: { hide: true, params: Uid } }, async (request, reply) => {
      await requireProvider().interactionDetails(request.raw, reply.raw);
      return deps.passkeys.authenticationOptions();
    });

    scope.post(`${INTERACTION_PREFIX}/:uid/passkey`, { config: PUBLIC, schema: { hide: true, params: Uid, body: PasskeyAssertion } }, async (request, reply) => {
      const provider = requireProvider();
      await provider.interactionDetails(request.raw, reply.raw);
      // The assertion's shape is checked by the WebAuthn library; a bad one is a DomainError (4xx).
      const verified = await deps.passkeys.verifyAuthentication(request.body.challengeId, request.body.response as unknown as Parameters<Passkeys['verifyAuthentication']>[1]);
      const found = await deps.accounts.findById(verified.accountId);
      if (!found) throw new DomainError('unauthenticated', 'identity.passkey_invalid', { vi: 'Khóa truy cập không hợp lệ.', en: 'Invalid passkey.' });
      deps.accounts.assertUsable(found, deps.now());
      await deps.accounts.succeeded(found, 'hwk', request.ip);
      const result = { login: { accountId: found.id, acr: acrOf(found), amr: verified.userVerified ? ['hwk', 'user', 'mfa'] : ['hwk', 'user'] } };
      const redirectTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
      return { redirectTo };
    });
  };
}
