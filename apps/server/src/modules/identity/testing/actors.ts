import type { TestApp } from '../../../kernel/testing/test-app.ts';
import { moduleService } from '../../../kernel/testing/test-app.ts';
import type { NewCitizen } from '../accounts.ts';
import type { createIdentityModule } from '../index.ts';
import type { OfficialPost } from '../officials.ts';
import { totpCode } from '../totp.ts';
import { signIn } from './browser-login.ts';

// Test actors with real tokens: people registered through the identity services and signed in over
// HTTP (officials with their authenticator code), as a relying party would.

type IdentityService = ReturnType<typeof createIdentityModule>['service'];
export const TEST_REDIRECT = 'http://127.0.0.1:9/callback';
export const TEST_CLIENT = 'test-actors-portal';

/** Registers the test portal once per app. */
export async function ensureTestClient(t: TestApp): Promise<void> {
  const identity = moduleService<IdentityService>(t, 'identity');
  await identity.registerClient({ clientId: TEST_CLIENT, name: 'Test portal', agencyCode: null, kind: 'web_app', redirectUris: [TEST_REDIRECT] });
}

/**
 * A person appointed to a post with an authenticator enrolled (its first code spent 30 s ago, so a
 * login may use the current one). Returns the authenticator's secret for the codes a login asks.
 */
export async function appointedOfficial(t: TestApp, person: NewCitizen, post: OfficialPost): Promise<{ accountId: string; totpSecret: string }> {
  const identity = moduleService<IdentityService>(t, 'identity');
  const { services } = identity;
  const row = (await services.accounts.findByPersonalId(person.personalId)) ?? (await services.accounts.registerCitizen(person));
  await identity.appointOfficial(person, post);
  const { secret } = await services.secondFactor.startTotp(row.id);
  await services.secondFactor.confirmTotp(row.id, totpCode(secret, new Date(Date.now() - 30_000)), null);
  return { accountId: row.id, totpSecret: secret };
}

/**
 * A person signed in; `verify` raises them to level 2 through the registry (they must be a synthetic
 * resident), `post` makes them an official with an enrolled authenticator. Returns the access token.
 */
export async function signedInActor(t: TestApp & { base: string }, person: NewCitizen, options: { verify?: boolean; post?: OfficialPost } = {}): Promise<{ token: string; accountId: string }> {
  const identity = moduleService<IdentityService>(t, 'identity');
  const { services } = identity;
  const row = (await services.accounts.findByPersonalId(person.personalId)) ?? (await services.accounts.registerCitizen(person));
  if (options.verify) await services.verification.verifyIdentity(row.id, null);
  const secret = options.post ? (await appointedOfficial(t, person, options.post)).totpSecret : undefined;
  const { tokens } = await signIn({
    base: t.base,
    clientId: TEST_CLIENT,
    redirectUri: TEST_REDIRECT,
    personalId: person.personalId,
    password: person.password,
    scope: 'openid api',
    ...(secret ? { totpSecret: secret, at: new Date(Date.now() + 30_000) } : {}),
  });
  return { token: tokens.access_token, accountId: row.id };
}
