import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('account_personal_id_uq').on(t.personalId)],
);

/** Every login attempt, for the audit trail and per-address throttling. */
export const loginEvent = identitySchema.table(
  'login_event',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id'),
    personalIdMasked: text('personal_id_masked').notNull(),
    outcome: text('outcome', { enum: ['success', 'bad_credentials', 'locked', 'unknown_account'] }).notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('login_event_account_idx').on(t.accountId, t.at), index('login_event_ip_idx').on(t.ip, t.at)],
);
