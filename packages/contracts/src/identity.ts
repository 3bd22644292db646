import { z } from 'zod';
import { AgencyCode } from './agencies.ts';

// Identity API shapes: the citizen's own account, businesses and mandates, officials, clients.

export const PersonalId = z.string().regex(/^\d{12}$/, 'a personal identification number has 12 digits');
export const EnterpriseCode = z.string().regex(/^\d{10}(-\d{3})?$/, 'an enterprise code has 10 digits, optionally -NNN for a branch');
const IsoDate = z.iso.date();

export const CitizenRegistration = z
  .object({
    personalId: PersonalId,
    fullName: z.string().trim().min(2).max(100),
    birthDate: IsoDate,
    sex: z.enum(['male', 'female']),
    password: z.string().min(1).max(1024),
    email: z.email().max(254).optional(),
    phone: z.string().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese phone number').optional(),
  })
  .meta({ id: 'CitizenRegistration' });

export const AccountView = z
  .object({
    id: z.uuid(),
    personalId: PersonalId,
    fullName: z.string(),
    birthDate: z.string(),
    assuranceLevel: z.number().int().min(1).max(2),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
    phoneVerified: z.boolean(),
    totpEnabled: z.boolean(),
    post: z.object({ agencyCode: z.string(), unitCode: z.string().nullable(), roles: z.array(z.string()) }).nullable(),
  })
  .meta({ id: 'Account' });

export const MandateScopeName = z.enum(['dossiers:submit', 'dossiers:track', 'results:receive', 'payments:pay']);

export const NewMandateInput = z
  .object({ agentPersonalId: PersonalId, scope: z.array(MandateScopeName).min(1).max(4), validFrom: IsoDate, validUntil: IsoDate })
  .meta({ id: 'NewMandate' });

export const MandateView = z
  .object({
    id: z.uuid(),
    principalKind: z.enum(['business', 'citizen']),
    principalId: z.string(),
    agentPersonalId: z.string(),
    agentName: z.string(),
    scope: z.array(z.string()),
    validFrom: z.string(),
    validUntil: z.string(),
    revoked: z.boolean(),
  })
  .meta({ id: 'Mandate' });

/** Someone the caller may act for today: themself, a business they represent, a principal whose mandate to them is valid. */
export const PrincipalView = z
  .object({
    kind: z.enum(['self', 'business', 'citizen']),
    /** Personal ID (self, citizen) or enterprise code (business). */
    id: z.string(),
    name: z.string(),
    scope: z.array(z.string()),
    /** Last day (YYYY-MM-DD) on which the whole scope is held; null when it does not end (self, legal representative). */
    validUntil: z.string().nullable(),
    legalRepresentative: z.boolean(),
  })
  .meta({ id: 'Principal' });

export const BusinessView = z.object({ enterpriseCode: z.string(), name: z.string(), legalRepresentative: z.boolean() }).meta({ id: 'Business' });

export const RoleName = z.enum(['receptionist', 'handler', 'leader', 'agency_admin', 'system_admin', 'auditor']);

export const NewOfficialInput = z
  .object({
    personalId: PersonalId,
    fullName: z.string().trim().min(2).max(100),
    birthDate: IsoDate,
    sex: z.enum(['male', 'female']),
    email: z.email().max(254).optional(),
    initialPassword: z.string().min(1).max(1024),
    unitCode: AgencyCode.nullable().default(null),
    roles: z.array(RoleName).min(1).max(6),
  })
  .meta({ id: 'NewOfficial' });

export const OfficialPostInput = z.object({ unitCode: AgencyCode.nullable(), roles: z.array(RoleName).min(1).max(6) }).meta({ id: 'OfficialPost' });

export const OfficialView = z
  .object({
    id: z.uuid(),
    personalId: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    agencyCode: z.string(),
    unitCode: z.string().nullable(),
    roles: z.array(z.string()),
    secondFactor: z.boolean(),
    disabled: z.boolean(),
  })
  .meta({ id: 'Official' });

export const LoginEventView = z
  .object({ at: z.string(), outcome: z.string(), method: z.string(), ip: z.string().nullable(), personalIdMasked: z.string() })
  .meta({ id: 'LoginEvent' });

export const NewClientInput = z
  .object({
    clientId: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
    name: z.string().trim().min(2).max(100),
    agencyCode: AgencyCode,
    kind: z.enum(['agency_system', 'web_app']),
    permissions: z.array(z.string().max(40)).max(20).default([]),
    redirectUris: z.array(z.url()).max(10).default([]),
    postLogoutRedirectUris: z.array(z.url()).max(10).default([]),
    backchannelLogoutUri: z.url().optional(),
  })
  .meta({ id: 'NewClient' });
