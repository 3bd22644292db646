import { randomBytes } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import { invalid } from '../../../kernel/errors.ts';
import type { Permission } from '../roles.ts';
import type { createPgAdapterFactory } from './pg-adapter.ts';
import { AGENCY_CLAIM, PERMISSIONS_CLAIM } from './provider.ts';

export type NewClient = {
  clientId: string;
  name: string;
  /** The agency the client belongs to (QĐ 20/2020 code); its tokens reach that agency only. Null for the platform's own web app. */
  agencyCode: string | null;
  kind: 'agency_system' | 'web_app';
  /** What an agency system may do with its tokens (e.g. dossiers:read); web apps act as their user. */
  permissions?: Permission[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  /** Where the provider POSTs a logout token when the user's session ends (OIDC Back-Channel Logout). */
  backchannelLogoutUri?: string;
};

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * Registers a relying party (administrators only: the provider has no self-registration). Agency
 * systems get a client secret for the client-credentials grant; browser apps are public clients that
 * must use code + PKCE. Returns the secret once; it is not shown again.
 */
export async function registerClient(adapterFactory: ReturnType<typeof createPgAdapterFactory>, client: NewClient): Promise<{ clientId: string; clientSecret?: string }> {
  if (!CLIENT_ID.test(client.clientId)) {
    throw invalid('identity.invalid_client_id', {
      vi: 'Mã ứng dụng chỉ gồm chữ thường, số, dấu chấm, gạch ngang, gạch dưới (3–64 ký tự).',
      en: 'A client id is 3–64 lower-case letters, digits, dots, dashes or underscores.',
    });
  }
  const metadata: ClientMetadata =
    client.kind === 'agency_system'
      ? {
          client_id: client.clientId,
          client_secret: randomBytes(32).toString('base64url'),
          grant_types: ['client_credentials'],
          scope: 'api',
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
        }
      : {
          client_id: client.clientId,
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: client.redirectUris ?? [],
          post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
          ...(client.backchannelLogoutUri ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true } : {}),
          token_endpoint_auth_method: 'none',
          scope: 'openid offline_access profile email congso_identity api',
        };
  await adapterFactory('Client').upsert(client.clientId, { ...metadata, client_name: client.name, [AGENCY_CLAIM]: client.agencyCode, [PERMISSIONS_CLAIM]: client.permissions ?? [] }, 0);
  return { clientId: client.clientId, ...(metadata.client_secret ? { clientSecret: metadata.client_secret } : {}) };
}

/** The platform's own web app: an ordinary public relying party (code + PKCE), registered at boot. */
export const WEB_APP_CLIENT_ID = 'congso-web';
export const WEB_APP_CALLBACK_PATH = '/login/callback';

export function ensureWebAppClient(adapterFactory: ReturnType<typeof createPgAdapterFactory>, publicUrl: string) {
  return registerClient(adapterFactory, {
    clientId: WEB_APP_CLIENT_ID,
    name: 'Cổng dịch vụ công Congso',
    agencyCode: null,
    kind: 'web_app',
    redirectUris: [`${publicUrl}${WEB_APP_CALLBACK_PATH}`],
    postLogoutRedirectUris: [`${publicUrl}/`],
  });
}

/** The agency a registered client belongs to; undefined for an unknown client or one of no agency. */
export async function agencyOfClient(adapterFactory: ReturnType<typeof createPgAdapterFactory>, clientId: string): Promise<string | undefined> {
  if (!CLIENT_ID.test(clientId)) return undefined;
  const found = (await adapterFactory('Client').find(clientId)) as Record<string, unknown> | undefined;
  const agency = found?.[AGENCY_CLAIM];
  return typeof agency === 'string' ? agency : undefined;
}
