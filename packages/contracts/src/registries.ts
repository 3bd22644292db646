import { z } from 'zod';
import { IsoDate } from './common.ts';

// The base registries' own API (population, enterprises, land), read by agency systems holding
// `registries:read`; a residence move is written by the residence-management system (`registries:manage`).

const PersonalId = z.string().regex(/^\d{12}$/);
const CommuneCode = z.string().regex(/^\d{5}$/);

export const RegistryResidenceView = z
  .object({ communeCode: CommuneCode, address: z.string() })
  .meta({ id: 'RegistryResidence', description: 'A residence: commune code of the 2025 administrative units and the address line' });

export const RegistryPersonView = z
  .object({
    personalId: PersonalId,
    fullName: z.string(),
    birthDate: IsoDate,
    sex: z.enum(['male', 'female']),
    permanentResidence: RegistryResidenceView,
    temporaryResidence: RegistryResidenceView.nullable(),
    householdId: z.string(),
    fatherId: PersonalId.nullable(),
    motherId: PersonalId.nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RegistryPerson', description: 'A person in the population registry (synthetic data)' });

export const RegistryHouseholdView = z
  .object({
    id: z.string(),
    headPersonalId: PersonalId,
    communeCode: CommuneCode,
    members: z.array(z.object({ personalId: PersonalId, fullName: z.string(), birthDate: IsoDate, sex: z.enum(['male', 'female']), head: z.boolean() })),
  })
  .meta({ id: 'RegistryHousehold' });

export const RegistryEnterpriseView = z
  .object({
    enterpriseCode: z.string().regex(/^\d{10}$/),
    name: z.string(),
    legalRepresentative: z.object({ personalId: PersonalId, fullName: z.string() }),
    headOffice: RegistryResidenceView,
    status: z.enum(['active', 'suspended', 'dissolved']),
    businessLines: z.array(z.object({ code: z.string().regex(/^\d{4}$/), name: z.string() })),
    registeredOn: IsoDate,
  })
  .meta({ id: 'RegistryEnterprise' });

export const RegistryParcelView = z
  .object({
    communeCode: CommuneCode,
    mapSheet: z.number().int(),
    parcelNumber: z.number().int(),
    area: z.number(),
    purpose: z.object({ code: z.string(), name: z.string() }),
    certificateNumber: z.string(),
    certificateIssuedOn: IsoDate,
    holderIds: z.array(PersonalId),
  })
  .meta({ id: 'RegistryParcel' });

export const RegistryParcelQuery = z.union([
  // The gateway's path takes at most nine digits for each (and the columns are 32-bit integers).
  z.object({ commune: CommuneCode, sheet: z.coerce.number().int().min(1).max(999_999_999), parcel: z.coerce.number().int().min(1).max(999_999_999) }),
  z.object({ holder: PersonalId }),
]);

export const RegistryResidenceMove = z
  .object({ communeCode: CommuneCode, address: z.string().trim().min(1).max(200), movedOn: IsoDate })
  .meta({ id: 'RegistryResidenceMove', description: 'Đăng ký thường trú: the new permanent residence and the day it takes effect' });

export const RegistryResidenceMoved = z
  .object({ personalId: PersonalId, fromCommuneCode: CommuneCode, toCommuneCode: CommuneCode, movedOn: IsoDate, householdId: z.string() })
  .meta({ id: 'RegistryResidenceMoved' });
