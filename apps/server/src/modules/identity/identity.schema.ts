import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const identitySchema = pgSchema('identity');

/**
 * What the OpenID provider stores (sessions, grants, codes, tokens, interactions, and the clients
 * administrators register), one row per model instance. Expired rows are ignored on read and can be
 * purged at any time.
 */
export const oidcModel = identitySchema.table(
  'oidc_model',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index('oidc_model_grant_idx').on(t.grantId),
    index('oidc_model_uid_idx').on(t.uid),
    index('oidc_model_user_code_idx').on(t.userCode),
  ],
);

/**
 * Token-signing keys. The newest active key signs; retired keys stay published in the JWKS until
 * every token they signed has expired, then are deleted. Private keys are stored as JWK: protect the
 * database accordingly (an HSM/PKCS#11 store can replace this table behind the same key source).
 */
export const signingKey = identitySchema.table('signing_key', {
  kid: text('kid').primaryKey(),
  privateJwk: jsonb('private_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Secrets the platform generates for itself (cookie signing keys), never configured by hand. */
export const platformSecret = identitySchema.table('platform_secret', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * A person's account. Citizens are keyed by their 12-digit personal identification number;
 * assurance level 1 = self-registered, 2 = identity verified against the population registry
 * (Decree 69/2024/NĐ-CP). Failed logins lock the account for a growing period.
 */
export const account = identitySchema.table(
  'account',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['citizen', 'official'] }).notNull(),
    personalId: text('personal_id').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    email: text('email'),
    phone: text('phone'),
    assuranceLevel: smallint('assurance_level').notNull().default(1),
    passwordHash: text('password_hash').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    /** When the identity was checked against the population registry (assurance level 2). */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** An official's post: agency and unit (QĐ 20/2020 codes) and roles (roles.ts). */
    agencyCode: text('agency_code'),
    unitCode: text('unit_code'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** TOTP (RFC 6238) second factor: base32 secret, enabled once confirmed; last accepted step blocks replay. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('account_personal_id_uq').on(t.personalId), index('account_agency_idx').on(t.agencyCode)],
);

export const LOGIN_OUTCOMES = ['success', 'bad_credentials', 'locked', 'unknown_account', 'throttled', 'second_factor_failed', 'account_event'] as const;

/** Every login attempt and account-security event, for the audit trail and per-address throttling. */
export const loginEvent = identitySchema.table(
  'login_event',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id'),
    personalIdMasked: text('personal_id_masked').notNull(),
    outcome: text('outcome', { enum: LOGIN_OUTCOMES }).notNull(),
    /** How: pwd, otp (TOTP), hwk (passkey), or an account event (password_reset, totp_enrolled …). */
    method: text('method').notNull().default('pwd'),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('login_event_account_idx').on(t.accountId, t.at), index('login_event_ip_idx').on(t.ip, t.at)],
);

/**
 * A business account (tài khoản doanh nghiệp) keyed by its enterprise code (10 digits, or 10-3 for a
 * branch). Its legal representative acts for it in full; others act under a mandate.
 */
export const business = identitySchema.table('business', {
  enterpriseCode: text('enterprise_code').primaryKey(),
  name: text('name').notNull(),
  legalRepresentativeId: uuid('legal_representative_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * A mandate (giấy ủy quyền, Civil Code 2015 Art. 135, 138): the agent may act for the principal
 * (a business by enterprise code, or a citizen by personal ID) within the scope, from/until the dates.
 */
export const mandate = identitySchema.table(
  'mandate',
  {
    id: uuid('id').primaryKey(),
    principalKind: text('principal_kind', { enum: ['business', 'citizen'] }).notNull(),
    principalId: text('principal_id').notNull(),
    agentAccountId: uuid('agent_account_id').notNull(),
    scope: text('scope').array().notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('mandate_agent_idx').on(t.agentAccountId), index('mandate_principal_idx').on(t.principalKind, t.principalId)],
);

/** WebAuthn credentials (passkeys): phishing-resistant login, required of officials. */
export const passkey = identitySchema.table(
  'passkey',
  {
    credentialId: text('credential_id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    backedUp: boolean('backed_up').notNull().default(false),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkey_account_idx').on(t.accountId)],
);

/** Outstanding WebAuthn challenges: single use, short-lived. */
export const webauthnChallenge = identitySchema.table('webauthn_challenge', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id'),
  purpose: text('purpose', { enum: ['registration', 'authentication'] }).notNull(),
  challenge: text('challenge').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** One-time codes sent by e-mail or SMS (contact verification, password recovery); only a hash is kept. */
export const oneTimeCode = identitySchema.table(
  'one_time_code',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    purpose: text('purpose', { enum: ['verify_email', 'verify_phone', 'reset_password'] }).notNull(),
    destination: text('destination').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('one_time_code_account_idx').on(t.accountId, t.purpose)],
);
