import { AccountView, CitizenRegistration, LoginEventView, MandateView, NewMandateInput, PersonalId, PrincipalView } from '@congso/contracts';
import { z } from 'zod';
import { PUBLIC } from '../../kernel/http/access.ts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { AccountRow, Accounts } from './accounts.ts';
import type { Businesses } from './businesses.ts';
import { personOf } from './caller.ts';
import type { Passkeys } from './passkeys.ts';
import type { SecondFactor } from './second-factor.ts';
import type { Verification } from './verification.ts';
import type { Recovery } from './recovery.ts';

export type MeDeps = { recovery: Recovery; accounts: Accounts; businesses: Businesses; secondFactor: SecondFactor; passkeys: Passkeys; verification: Verification };

const tags = ['identity'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView, 422: ProblemView, 429: ProblemView };
const ME = { access: 'authenticated' } as const;
const SENSITIVE = { access: { recentLogin: true } } as const;
const Channel = z.object({ channel: z.enum(['email', 'sms']) });
const Code = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
const Ok = z.object({ ok: z.literal(true) });

export function toAccountView(row: AccountRow): z.infer<typeof AccountView> {
  return {
    id: row.id,
    personalId: row.personalId,
    fullName: row.fullName,
    birthDate: row.birthDate,
    assuranceLevel: row.assuranceLevel,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    phone: row.phone,
    phoneVerified: row.phoneVerifiedAt !== null,
    totpEnabled: row.totpEnabledAt !== null,
    post: row.agencyCode ? { agencyCode: row.agencyCode, unitCode: row.unitCode, roles: row.roles } : null,
  };
}

/** A person's own account: registration, profile, verification, second factors, login history, mandates. */
export function meRoutes(deps: MeDeps) {
  return (app: App) => {
    const current = async (accountId: string) => toAccountView((await deps.accounts.findById(accountId)) as AccountRow);

    app.post('/api/v1/accounts/citizens', { config: PUBLIC, schema: { tags, summary: 'Register as a citizen (assurance level 1)', body: CitizenRegistration, response: { 201: AccountView, ...responses } } }, async (request, reply) => {
      const row = await deps.accounts.registerCitizen(request.body);
      return reply.status(201).send(toAccountView(row));
    });

    app.post(
      '/api/v1/accounts/password-reset/code',
      { config: PUBLIC, schema: { tags, summary: 'Forgot password: send a code to the verified e-mail or phone (always 202)', body: z.object({ personalId: PersonalId }), response: { 202: z.object({ message: z.string() }), ...responses } } },
      async (request, reply) => {
        await deps.recovery.requestCode(request.body.personalId, request.ip);
        return reply.status(202).send({ message: 'Nếu số định danh có tài khoản với địa chỉ liên hệ đã xác minh, mã đặt lại mật khẩu đã được gửi tới địa chỉ đó.' });
      },
    );

    app.post(
      '/api/v1/accounts/password-reset',
      { config: PUBLIC, schema: { tags, summary: 'Forgot password: set a new password with the code', body: z.object({ personalId: PersonalId, code: Code.shape.code, newPassword: z.string().min(1).max(1024) }), response: { 200: Ok, ...responses } } },
      async (request) => {
        await deps.recovery.reset(request.body.personalId, request.body.code, request.body.newPassword, request.ip);
        return { ok: true as const };
      },
    );

    app.get('/api/v1/me', { config: ME, schema: { tags, summary: 'My account', security, response: { 200: AccountView, ...responses } } }, async (request) => current(personOf(request).accountId));

    app.post('/api/v1/me/verification', { config: ME, schema: { tags, summary: 'Verify my identity against the population registry (level 2)', security, response: { 200: AccountView, ...responses } } }, async (request) => {
      const person = personOf(request);
      await deps.verification.verifyIdentity(person.accountId, request.ip);
      return current(person.accountId);
    });

    app.post('/api/v1/me/contacts/:channel/code', { config: ME, schema: { tags, summary: 'Send a one-time code to my e-mail or phone', security, params: Channel, response: { 202: z.object({ sentTo: z.string(), expiresAt: z.string() }), ...responses } } }, async (request, reply) =>
      reply.status(202).send(await deps.verification.sendContactCode(personOf(request).accountId, request.params.channel)),
    );

    app.post('/api/v1/me/contacts/:channel/verification', { config: ME, schema: { tags, summary: 'Confirm my e-mail or phone with the code', security, params: Channel, body: Code, response: { 200: AccountView, ...responses } } }, async (request) => {
      const person = personOf(request);
      await deps.verification.confirmContactCode(person.accountId, request.params.channel, request.body.code);
      return current(person.accountId);
    });

    app.post('/api/v1/me/totp', { config: ME, schema: { tags, summary: 'Start enrolling an authenticator app (TOTP)', security, response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }), ...responses } } }, async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await deps.secondFactor.startTotp(personOf(request).accountId)),
    );

    app.post('/api/v1/me/totp/confirmation', { config: ME, schema: { tags, summary: 'Confirm the authenticator app with a code', security, body: Code, response: { 200: AccountView, ...responses } } }, async (request) => {
      const person = personOf(request);
      await deps.secondFactor.confirmTotp(person.accountId, request.body.code, request.ip);
      return current(person.accountId);
    });

    app.delete('/api/v1/me/totp', { config: SENSITIVE, schema: { tags, summary: 'Turn off the authenticator app (recent login required)', security, response: { 200: AccountView, ...responses } } }, async (request) => {
      const person = personOf(request);
      await deps.secondFactor.disableTotp(person.accountId, request.ip);
      return current(person.accountId);
    });

    app.put('/api/v1/me/password', { config: SENSITIVE, schema: { tags, summary: 'Change my password (recent login required)', security, body: z.object({ newPassword: z.string().min(1).max(1024) }), response: { 200: Ok, ...responses } } }, async (request) => {
      await deps.accounts.setPassword(personOf(request).accountId, request.body.newPassword, request.ip);
      return { ok: true as const };
    });

    app.get('/api/v1/me/passkeys', { config: ME, schema: { tags, summary: 'My passkeys', security, response: { 200: z.array(z.object({ credentialId: z.string(), name: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable() })), ...responses } } }, async (request) =>
      deps.passkeys.listPasskeys(personOf(request).accountId),
    );

    app.post('/api/v1/me/passkeys/options', { config: ME, schema: { tags, summary: 'Start registering a passkey', security, response: { 200: z.object({ challengeId: z.string(), options: z.looseObject({}) }), ...responses } } }, async (request) => {
      const person = personOf(request);
      const found = (await deps.accounts.findById(person.accountId)) as AccountRow;
      const started = await deps.passkeys.registrationOptions({ id: found.id, personalId: found.personalId, fullName: found.fullName });
      return { challengeId: started.challengeId, options: { ...started.options } };
    });

    app.post(
      '/api/v1/me/passkeys',
      { config: ME, schema: { tags, summary: 'Register a passkey', security, body: z.object({ challengeId: z.uuid(), name: z.string().max(200), response: z.looseObject({ id: z.string().max(1024), type: z.literal('public-key') }) }), response: { 201: z.object({ credentialId: z.string() }), ...responses } } },
      async (request, reply) => {
        const person = personOf(request);
        const response = request.body.response as unknown as Parameters<Passkeys['verifyRegistration']>[2];
        const created = await deps.passkeys.verifyRegistration(person.accountId, request.body.challengeId, response, request.body.name);
        await deps.accounts.record(person.accountId, person.personalId, 'account_event', 'passkey_registered', request.ip);
        return reply.status(201).send(created);
      },
    );

    app.delete('/api/v1/me/passkeys/:credentialId', { config: SENSITIVE, schema: { tags, summary: 'Remove a passkey (recent login required)', security, params: z.object({ credentialId: z.string().max(1024) }), response: { 200: Ok, ...responses } } }, async (request) => {
      const person = personOf(request);
      await deps.passkeys.removePasskey(person.accountId, request.params.credentialId);
      await deps.accounts.record(person.accountId, person.personalId, 'account_event', 'passkey_removed', request.ip);
      return { ok: true as const };
    });

    app.get('/api/v1/me/login-events', { config: ME, schema: { tags, summary: 'My recent logins and account-security events', security, response: { 200: z.array(LoginEventView), ...responses } } }, async (request) =>
      deps.accounts.eventsOf(personOf(request).accountId),
    );

    app.get('/api/v1/me/mandates', { config: ME, schema: { tags, summary: 'Mandates I granted as a citizen and those granted to me', security, response: { 200: z.array(MandateView), ...responses } } }, async (request) =>
      deps.businesses.listOfPerson(personOf(request)),
    );

    app.get('/api/v1/me/principals', { config: ME, schema: { tags, summary: 'Whom I may act for today: myself, the businesses I represent, principals whose mandate to me is valid', security, response: { 200: z.array(PrincipalView), ...responses } } }, async (request) =>
      deps.businesses.principalsOf(personOf(request)),
    );

    app.post('/api/v1/me/mandates', { config: ME, schema: { tags, summary: 'Mandate another citizen to act for me', security, body: NewMandateInput, response: { 201: MandateView, ...responses } } }, async (request, reply) =>
      reply.status(201).send(await deps.businesses.grantForSelf(personOf(request), request.body)),
    );

    app.delete('/api/v1/me/mandates/:mandateId', { config: ME, schema: { tags, summary: 'Revoke a mandate I granted', security, params: z.object({ mandateId: z.uuid() }), response: { 200: Ok, ...responses } } }, async (request) => {
      await deps.businesses.revokeForSelf(personOf(request), request.params.mandateId);
      return { ok: true as const };
    });
  };
}
