import { sql } from 'drizzle-orm';
import { index, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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
