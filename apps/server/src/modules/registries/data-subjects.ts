// Whose personal data an answer of the registries discloses, and which categories (never the values):
// what the data tracker records for each answer, whether it left through the exchange gateway or the
// registry's own API (Decree 47/2020 Art. 45: the provider logs each request).

export type DataSubject = { personalId: string; data: string };

const PERSON_DATA = 'họ tên, ngày sinh, giới tính, nơi thường trú, nơi tạm trú, hộ gia đình, cha mẹ';

/** A person's record: the person, and the parents whose IDs it names (the child's identity is not repeated). */
export function personSubjects(person: { personalId: string; fatherId: string | null; motherId: string | null }): DataSubject[] {
  const parents = [person.fatherId, person.motherId].filter((id): id is string => id !== null);
  return [{ personalId: person.personalId, data: PERSON_DATA }, ...parents.map((personalId) => ({ personalId, data: 'số định danh (với tư cách cha, mẹ của người được tra cứu)' }))];
}

export function householdSubjects(household: { members: { personalId: string }[] }): DataSubject[] {
  return household.members.map((m) => ({ personalId: m.personalId, data: 'họ tên, ngày sinh, giới tính, thành viên hộ gia đình' }));
}

export function enterpriseSubjects(enterprise: { enterpriseCode: string; legalRepresentative: { personalId: string } }): DataSubject[] {
  return [{ personalId: enterprise.legalRepresentative.personalId, data: `họ tên, số định danh (người đại diện theo pháp luật của doanh nghiệp ${enterprise.enterpriseCode})` }];
}

export function parcelSubjects(parcels: readonly { holderIds: string[]; communeCode: string; mapSheet: number; parcelNumber: number }[]): DataSubject[] {
  return parcels.flatMap((p) => p.holderIds.map((personalId) => ({ personalId, data: `quyền sử dụng thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, xã ${p.communeCode}` })));
}

/** The parcels of a holder: even an empty answer tells something about the holder, a subject either way. */
export function holderSubjects(holder: string, parcels: Parameters<typeof parcelSubjects>[0]): DataSubject[] {
  return [{ personalId: holder, data: `các thửa đất đứng tên (${parcels.length} thửa)` }, ...parcelSubjects(parcels).filter((subject) => subject.personalId !== holder)];
}
