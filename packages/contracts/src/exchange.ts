import { z } from 'zod';

// The data exchange gateway's catalogue and administration (the messages themselves go through
// /r1/…, X-Road's REST protocol, outside these schemas).

const Localized = z.object({ vi: z.string(), en: z.string() });

export const ExchangeSubsystemId = z
  .string()
  .max(200)
  .regex(/^[A-Z]{2,10}\/(GOV|COM|ORG)\/[A-Z0-9]+(\.[A-Z0-9]+)*\/[a-z0-9]+([-.][a-z0-9]+)*$/, 'an X-Road subsystem identifier, e.g. VN/GOV/H29.15/ho-tich');
export const ExchangeServiceId = z
  .string()
  .max(260)
  .regex(/^[A-Z]{2,10}\/(GOV|COM|ORG)\/[A-Z0-9]+(\.[A-Z0-9]+)*\/[a-z0-9]+([-.][a-z0-9]+)*\/[a-z0-9]+([-.][a-z0-9]+)*$/, 'an X-Road service identifier, e.g. VN/GOV/H29.15/ho-tich/birth-record');
export const ExchangeMemberCode = z.string().max(35).regex(/^[A-Z0-9]+(\.[A-Z0-9]+)*$/, 'a member code is an agency code (QĐ 20/2020), e.g. H29.15');
export const ExchangeCode = z.string().max(63).regex(/^[a-z0-9]+([-.][a-z0-9]+)*$/, 'lower-case letters and digits, joined by - or .');

export const ExchangeServiceSummary = z
  .object({
    id: ExchangeServiceId,
    code: z.string(),
    kind: z.enum(['rest', 'event']),
    topic: z.string().nullable(),
    title: Localized,
    personalData: z.boolean(),
    enabled: z.boolean(),
  })
  .meta({ id: 'ExchangeServiceSummary' });

export const ExchangeCatalogue = z
  .object({
    instance: z.string(),
    members: z.array(
      z.object({
        id: z.string(),
        memberClass: z.string(),
        memberCode: z.string(),
        name: z.string(),
        subsystems: z.array(z.object({ id: ExchangeSubsystemId, code: z.string(), name: z.string(), services: z.array(ExchangeServiceSummary) })),
      }),
    ),
  })
  .meta({ id: 'ExchangeCatalogue' });
export type ExchangeCatalogue = z.infer<typeof ExchangeCatalogue>;

export const ExchangeServicePath = z.object({ instance: z.string().max(10), memberClass: z.string().max(3), memberCode: ExchangeMemberCode, subsystem: ExchangeCode, service: ExchangeCode });

export const ExchangeJwks = z
  .object({ keys: z.array(z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })) })
  .meta({ id: 'ExchangeJwks' });

export const ExchangeAccessRight = z
  .object({
    clientSubsystemId: ExchangeSubsystemId,
    serviceId: ExchangeServiceId,
    mayDeferDisclosure: z.boolean(),
    grantedBy: z.string(),
    grantedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ExchangeAccessRight' });
export type ExchangeAccessRight = z.infer<typeof ExchangeAccessRight>;

export const ExchangeAccessRightInput = z.object({
  clientSubsystemId: ExchangeSubsystemId,
  serviceId: ExchangeServiceId,
  /** Only for investigation bodies: their reads stay hidden from the data subject until a date. */
  mayDeferDisclosure: z.boolean().default(false),
});

export const ExchangeAccessRightQuery = z.object({ client: ExchangeSubsystemId, service: ExchangeServiceId });

/** A P-256 public key (JWK) for the client's request signatures (ES256). */
export const ExchangeSigningKey = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/), y: z.string().regex(/^[A-Za-z0-9_-]{43}$/), kid: z.string().max(100).optional() }).strict();

export const ExchangeSubsystemInput = z.object({
  memberName: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(300),
  /** The OAuth client (client-credentials grant) whose tokens this subsystem calls with; one subsystem per client. */
  clientId: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
  signingKey: ExchangeSigningKey.nullable().default(null),
  quotaPerMinute: z.number().int().min(1).max(1_000_000).default(600),
  quotaPerDay: z.number().int().min(1).max(100_000_000).default(200_000),
});

export const ExchangeSubsystemView = z
  .object({
    id: ExchangeSubsystemId,
    name: z.string(),
    clientId: z.string().nullable(),
    signingKey: ExchangeSigningKey.nullable(),
    quotaPerMinute: z.number().int(),
    quotaPerDay: z.number().int(),
  })
  .meta({ id: 'ExchangeSubsystem' });
