import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors.ts';
import { PUBLIC } from '../../kernel/http/access.ts';
import type { Accounts } from './accounts.ts';
import { ACR, IDENTITY_STARTING, INTERACTION_PREFIX } from './oidc/provider.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The login page: plain HTML that works without JavaScript (and under the platform's strict CSP). */
function loginPage(uid: string, clientName: string, error?: string, personalId = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Congso</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.7rem 1.2rem;font-size:1rem;background:#c92a2a;color:#fff;border:0;border-radius:4px}
.error{background:#fff5f5;border:1px solid #c92a2a;padding:.75rem;margin-top:1rem}</style></head>
<body><main><h1>Đăng nhập</h1><p>Để tiếp tục tới <strong>${escapeHtml(clientName)}</strong>.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${INTERACTION_PREFIX}/${escapeHtml(uid)}/login">
<label for="personalId">Số định danh cá nhân (12 số)</label>
<input id="personalId" name="personalId" inputmode="numeric" autocomplete="username" pattern="[0-9]{12}" required value="${escapeHtml(personalId)}">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form></main></body></html>`;
}

/** Request parameters the provider kept are unknown values; only strings are meaningful here. */
const paramText = (value: unknown): string => (typeof value === 'string' ? value : '');

const LoginForm = z.object({ personalId: z.string().trim().max(20), password: z.string().max(1024) });

/**
 * The provider's login interaction (/auth/interaction/{uid}). The interaction is bound to the
 * browser by the provider's own cookie, so a form posted from elsewhere has no interaction to finish.
 */
export function interactionRoutes(deps: { provider: () => Provider | undefined; accounts: Accounts }) {
  const requireProvider = (): Provider => {
    const provider = deps.provider();
    if (!provider) throw new DomainError('unavailable', 'identity.starting', IDENTITY_STARTING);
    return provider;
  };
  // A plugin of its own: the form-body parser applies to these two routes only.
  return async (plain: FastifyInstance) => {
    await plain.register(formbody, { bodyLimit: 8192 });
    const scope = plain.withTypeProvider<ZodTypeProvider>();

    scope.get(`${INTERACTION_PREFIX}/:uid`, { config: PUBLIC, schema: { hide: true, params: z.object({ uid: z.string().max(100) }) } }, async (request, reply) => {
      const provider = requireProvider();
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.prompt.name === 'consent' && details.session?.accountId) {
        // Registered clients are trusted: what they ask for is granted and recorded as a grant.
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session.accountId, clientId: paramText(details.params.client_id) });
        if (!grant) throw new DomainError('not_found', 'identity.grant_not_found', { vi: 'Không tìm thấy phiên cấp quyền.', en: 'Grant not found.' });
        const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        const grantId = await grant.save();
        reply.hijack();
        await provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return reply;
      }
      const client = await provider.Client.find(paramText(details.params.client_id));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(loginPage(details.uid, String(client?.clientName ?? client?.clientId ?? '')));
    });

    scope.post(
      `${INTERACTION_PREFIX}/:uid/login`,
      { config: PUBLIC, schema: { hide: true, params: z.object({ uid: z.string().max(100) }), body: LoginForm } },
      async (request, reply) => {
        const provider = requireProvider();
        const details = await provider.interactionDetails(request.raw, reply.raw);
        const client = await provider.Client.find(paramText(details.params.client_id));
        const clientName = String(client?.clientName ?? client?.clientId ?? '');
        try {
          const found = await deps.accounts.authenticate(request.body.personalId, request.body.password, request.ip);
          const result = { login: { accountId: found.id, acr: ACR[found.assuranceLevel === 2 ? 2 : 1], amr: ['pwd'] } };
          reply.hijack();
          await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
          return reply;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const status = error.kind === 'rate_limited' ? 429 : 401;
          return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(loginPage(details.uid, clientName, error.text.vi, request.body.personalId));
        }
      },
    );
  };
}
