// The registries' records as their own API and the gateway's providers give them out: a person with
// residences, household and parents; a household with its members; an enterprise; a land parcel.
// And the one write, a move of permanent residence, with its event in the same transaction.

import type { z } from 'zod';
import type { RegistryEnterpriseView, RegistryHouseholdView, RegistryParcelView, RegistryPersonView, RegistryResidenceMoved } from '@congso/contracts';
import type { Db } from '../../kernel/db/database.ts';
import { DomainError, invalid, notFound } from '../../kernel/errors.ts';
import type { Outbox } from '../../kernel/events/outbox.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { PERSON_MOVED, type PersonMovedPayload } from './registries.events.ts';
import { createRegistriesRepository, type EnterpriseRow, type ParcelRow, type PersonRow, type RegistriesRepository } from './registries.repository.ts';
import { isCommuneCode, isEnterpriseCode, isPersonalId } from './registry-identifiers.ts';
import { VSIC_CODES } from './synthetic-business.ts';
import { LAND_USE_PURPOSES } from './synthetic-parcel.ts';

export type PersonRecord = z.infer<typeof RegistryPersonView>;
export type HouseholdRecord = z.infer<typeof RegistryHouseholdView>;
export type EnterpriseRecordFull = z.infer<typeof RegistryEnterpriseView>;
export type ParcelRecord = z.infer<typeof RegistryParcelView>;
export type ResidenceMovedRecord = z.infer<typeof RegistryResidenceMoved>;

/** At most this many parcels answer a look-up by holder (a person rarely holds more). */
export const MAX_PARCELS_PER_HOLDER = 100;

const badPersonalId = () =>
  invalid('registries.invalid_personal_id', { vi: 'Số định danh cá nhân không đúng cấu trúc (12 chữ số).', en: 'The personal ID is not well formed (12 digits).' });

export function personView(row: PersonRow): PersonRecord {
  return {
    personalId: row.personalId,
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex,
    permanentResidence: { communeCode: row.permanentCommuneCode, address: row.permanentAddress },
    temporaryResidence: row.temporaryCommuneCode ? { communeCode: row.temporaryCommuneCode, address: row.temporaryAddress ?? '' } : null,
    householdId: row.householdId,
    fatherId: row.fatherId,
    motherId: row.motherId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function enterpriseView(row: EnterpriseRow): EnterpriseRecordFull {
  return {
    enterpriseCode: row.enterpriseCode,
    name: row.name,
    legalRepresentative: { personalId: row.legalRepresentativeId, fullName: row.legalRepresentativeName },
    headOffice: { communeCode: row.headOfficeCommuneCode, address: row.headOfficeAddress },
    status: row.status,
    businessLines: row.businessLines.map((code) => ({ code, name: VSIC_CODES[code] ?? code })),
    registeredOn: row.registeredOn,
  };
}

function parcelView(row: ParcelRow): ParcelRecord {
  return {
    communeCode: row.communeCode,
    mapSheet: row.mapSheet,
    parcelNumber: row.parcelNumber,
    area: Number(row.area),
    purpose: { code: row.purpose, name: LAND_USE_PURPOSES[row.purpose]?.vi ?? row.purpose },
    certificateNumber: row.certificateNumber,
    certificateIssuedOn: row.certificateIssuedOn,
    holderIds: row.holderIds,
  };
}

export type ParcelLookup = { communeCode: string; mapSheet: number; parcelNumber: number } | { holder: string };

export function createRegistryRecords(deps: { db: Db; repository: RegistriesRepository; outbox: Outbox }) {
  const { db, repository, outbox } = deps;
  return {
    async person(personalId: string): Promise<PersonRecord> {
      if (!isPersonalId(personalId)) throw badPersonalId();
      const row = await repository.findPerson(personalId);
      if (!row) throw notFound('registries.person_not_found', { vi: 'Không có công dân với số định danh này trong cơ sở dữ liệu dân cư.', en: 'No person with this personal ID in the population registry.' });
      return personView(row);
    },

    async household(id: string): Promise<HouseholdRecord> {
      if (!/^HGD[-0-9a-f]{9,40}$/.test(id)) throw invalid('registries.invalid_household_id', { vi: 'Mã hộ gia đình không đúng cấu trúc.', en: 'The household ID is not well formed.' });
      const row = await repository.findHousehold(id);
      if (!row) throw notFound('registries.household_not_found', { vi: 'Không có hộ gia đình với mã này.', en: 'No household with this ID.' });
      const members = await repository.householdMembers(id);
      return {
        id: row.id,
        headPersonalId: row.headPersonalId,
        communeCode: row.communeCode,
        members: members.map((m) => ({ personalId: m.personalId, fullName: m.fullName, birthDate: m.birthDate, sex: m.sex, head: m.personalId === row.headPersonalId })),
      };
    },

    /** An enterprise by its code; a branch code (…-001) answers its parent enterprise. */
    async enterprise(code: string): Promise<EnterpriseRecordFull> {
      const match = /^(\d{10})(?:-(\d{3}))?$/.exec(code.trim());
      if (!match?.[1] || match[2] === '000' || !isEnterpriseCode(match[1])) {
        throw invalid('registries.invalid_enterprise_code', { vi: 'Mã số doanh nghiệp không hợp lệ (10 chữ số, chữ số cuối là số kiểm tra).', en: 'The enterprise code is not valid (10 digits, the last a check digit).' });
      }
      const row = await repository.findEnterprise(match[1]);
      if (!row) throw notFound('registries.enterprise_not_found', { vi: 'Không có doanh nghiệp với mã số này.', en: 'No enterprise with this code.' });
      return enterpriseView(row);
    },

    async parcels(lookup: ParcelLookup): Promise<ParcelRecord[]> {
      if ('holder' in lookup) {
        if (!isPersonalId(lookup.holder)) throw badPersonalId();
        return (await repository.parcelsOf(lookup.holder, MAX_PARCELS_PER_HOLDER)).map(parcelView);
      }
      if (!isCommuneCode(lookup.communeCode) || !(lookup.mapSheet >= 1) || !(lookup.parcelNumber >= 1)) {
        throw invalid('registries.invalid_parcel', { vi: 'Thửa đất cần mã xã (5 chữ số), số tờ bản đồ và số thửa.', en: 'A parcel needs a commune code (5 digits), a map sheet number and a parcel number.' });
      }
      const row = await repository.findParcel(lookup);
      if (!row) throw notFound('registries.parcel_not_found', { vi: 'Không có thửa đất này trong cơ sở dữ liệu đất đai.', en: 'No such parcel in the land registry.' });
      return [parcelView(row)];
    },

    /**
     * Registers a new permanent residence (đăng ký thường trú, Luật Cư trú 2020 Art. 20): the person
     * leaves their household (its eldest remaining member becomes head; an emptied household is
     * removed) and heads a new one at the new address. The event is written in the same transaction.
     */
    async moveResidence(personalId: string, move: { communeCode: string; address: string; movedOn: string }, requestId: string | null): Promise<ResidenceMovedRecord> {
      if (!isPersonalId(personalId)) throw badPersonalId();
      if (!isCommuneCode(move.communeCode)) throw invalid('registries.invalid_commune', { vi: 'Mã xã không hợp lệ (5 chữ số).', en: 'The commune code is not valid (5 digits).' });
      return db.transaction(async (tx) => {
        const repo = createRegistriesRepository(tx);
        const current = await repo.lockPerson(personalId);
        if (!current) throw notFound('registries.person_not_found', { vi: 'Không có công dân với số định danh này trong cơ sở dữ liệu dân cư.', en: 'No person with this personal ID in the population registry.' });
        if (current.permanentCommuneCode === move.communeCode && current.permanentAddress === move.address) {
          throw new DomainError('conflict', 'registries.same_residence', { vi: 'Nơi thường trú mới trùng với nơi hiện tại.', en: 'The new permanent residence is the current one.' });
        }
        // Locked: two members leaving at once must not each hand the household to the other (the
        // second, waiting here, then sees the first's move and the head it left).
        const household = await repo.lockHousehold(current.householdId);
        if (household?.headPersonalId === personalId) {
          const successor = await repo.eldestMemberExcept(household.id, personalId);
          if (successor) await repo.setHouseholdHead(household.id, successor.personalId);
          else await repo.deleteHousehold(household.id);
        }
        const householdId = `HGD-${uuidv7()}`;
        await repo.insertHousehold({ id: householdId, headPersonalId: personalId, communeCode: move.communeCode });
        await repo.moveResidence(personalId, { communeCode: move.communeCode, address: move.address, householdId });
        const payload: PersonMovedPayload = { personalId, fromCommuneCode: current.permanentCommuneCode, toCommuneCode: move.communeCode, movedOn: move.movedOn, householdId };
        await outbox.append(tx, { topic: PERSON_MOVED, aggregateId: personalId, payload, requestId });
        return payload;
      });
    },
  };
}

export type RegistryRecords = ReturnType<typeof createRegistryRecords>;
