import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSchema, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// The data exchange gateway (LGSP/NDXP in the style of X-Road): who may connect, what they may call,
// and the evidence of every call (Decree 47/2020/NĐ-CP Art. 40, 45).
export const exchangeSchema = pgSchema('exchange');

/** A member (thành viên): an agency, by its QĐ 20/2020 code within an instance and member class. */
export const member = exchangeSchema.table(
  'member',
  {
    id: text('id').primaryKey(), // {instance}/{class}/{code}, e.g. VN/GOV/H29.15
    instance: text('instance').notNull(),
    memberClass: text('member_class').notNull(),
    memberCode: text('member_code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('member_identifier_uq').on(t.instance, t.memberClass, t.memberCode)],
);

/**
 * A member's information system (hệ thống thông tin) that provides services or calls them. A calling
 * subsystem is bound to one OAuth client of the identity provider (Decree 47/2020 Art. 40: connection
 * accounts) and may register an ES256 public key for request signatures.
 */
export const subsystem = exchangeSchema.table(
  'subsystem',
  {
    id: text('id').primaryKey(), // VN/GOV/H29.15/ho-tich
    memberId: text('member_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    clientId: text('client_id'),
    signingKey: jsonb('signing_key').$type<Record<string, unknown>>(),
    quotaPerMinute: integer('quota_per_minute').notNull().default(600),
    quotaPerDay: integer('quota_per_day').notNull().default(200_000),
    /** Subsystems that exist because a local provider declares them (re-synchronised at start). */
    local: boolean('local').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('subsystem_client_uq').on(t.clientId), index('subsystem_member_idx').on(t.memberId)],
);

/** A published data-sharing service (Art. 24): a REST service with its OpenAPI document, or an event topic. */
export const service = exchangeSchema.table(
  'service',
  {
    id: text('id').primaryKey(), // VN/GOV/H29.15/ho-tich/birth-record
    subsystemId: text('subsystem_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['rest', 'event'] }).notNull(),
    topic: text('topic'),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    openapi: jsonb('openapi').$type<Record<string, unknown>>(),
    personalData: boolean('personal_data').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('service_subsystem_idx').on(t.subsystemId), index('service_topic_idx').on(t.topic)],
);

/**
 * Access rights, deny by default (publishing a service grants nobody access). A revoked right keeps
 * its row. `mayDeferDisclosure` lets an investigation body hide its reads from the data subject until a date.
 */
export const accessRight = exchangeSchema.table(
  'access_right',
  {
    id: uuid('id').primaryKey(),
    clientSubsystemId: text('client_subsystem_id').notNull(),
    serviceId: text('service_id').notNull(),
    mayDeferDisclosure: boolean('may_defer_disclosure').notNull().default(false),
    grantedBy: text('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('access_right_active_uq').on(t.clientSubsystemId, t.serviceId).where(sql`revoked_at is null`),
    index('access_right_service_idx').on(t.serviceId),
  ],
);

/**
 * The message log (Art. 45: the provider logs each request): one row per call, refused ones too, in a
 * hash chain (row_hash = SHA-256 over prev_hash and the row's canonical fields; see log-hash.ts).
 */
export const messageLog = exchangeSchema.table(
  'message_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    messageId: text('message_id'),
    client: text('client'),
    service: text('service'),
    userId: text('user_id'),
    purpose: text('purpose'),
    issue: text('issue'),
    requestHash: text('request_hash'),
    responseHash: text('response_hash'),
    status: smallint('status').notNull(),
    errorCode: text('error_code'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    kid: text('kid').notNull(),
    requestSignature: text('request_signature'),
    responseSignature: text('response_signature'),
    prevHash: text('prev_hash').notNull(),
    rowHash: text('row_hash').notNull(),
  },
  (t) => [index('message_log_at_idx').on(t.at), index('message_log_message_idx').on(t.client, t.messageId)],
);

/** The head of the chain, one row: appends lock it, so the chain stays linear across instances. */
export const chainHead = exchangeSchema.table('chain_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** RFC 3161 time-stamps over the chain head: each covers the rows first_seq..last_seq. */
export const timestampBatch = exchangeSchema.table(
  'timestamp_batch',
  {
    id: uuid('id').primaryKey(),
    firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    token: text('token').notNull(), // base64 DER TimeStampResp
    stampedAt: timestamp('stamped_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('timestamp_batch_last_uq').on(t.lastSeq)],
);

/** Message ids seen within the replay window, per client subsystem. */
export const seenMessage = exchangeSchema.table(
  'seen_message',
  {
    client: text('client').notNull(),
    messageId: text('message_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('seen_message_uq').on(t.client, t.messageId), index('seen_message_at_idx').on(t.seenAt)],
);

/** The gateway's ES256 signing keys; the newest unretired one signs, all are published. */
export const gatewayKey = exchangeSchema.table('gateway_key', {
  kid: text('kid').primaryKey(),
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Every administrative change (access rights, subsystems), with who made it (X-Road SPEC-AL). */
export const adminAudit = exchangeSchema.table(
  'admin_audit',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    event: text('event').notNull(),
    target: text('target').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('admin_audit_target_idx').on(t.target)],
);
