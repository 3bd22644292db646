import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
// Tests may use identity's validators; the module's own code may not (identity depends on registries).
import { checkEnterpriseCode, checkPersonalId } from '../identity/index.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';
import { eighteenthBirthday } from './synthetic-dates.ts';
import { enterpriseCount, PERSONS_PER_ENTERPRISE, syntheticBusiness, VSIC_CODES } from './synthetic-business.ts';
import { drawEnterprise, SYNTHETIC_ENTERPRISES, syntheticEnterprise } from './synthetic-enterprise.ts';
import { LAND_USE_PURPOSES, parcelCount, syntheticParcel } from './synthetic-parcel.ts';
import { addYears, ageOn, householdCount, householdHeadNumber, householdOf, loadedPersons, MAX_PERSONS, personsInRange, syntheticPerson, type SyntheticPerson } from './synthetic-person.ts';
import { SYNTHETIC_RESIDENTS, syntheticResident } from './synthetic-resident.ts';

const COMMUNES = new Set(RESIDENCE_COMMUNE_CODES);
const anyPerson = fc.integer({ min: 1, max: MAX_PERSONS });
const familyPerson = fc.integer({ min: SYNTHETIC_RESIDENTS + 1, max: MAX_PERSONS });
// The first 40,000 persons, generated once: demo residents and the first 6,000 families.
const first = [...personsInRange(1, 40_000)];
const byId = new Map(first.map((p) => [p.personalId, p]));

function assertWellFormed(p: SyntheticPerson): void {
  const check = checkPersonalId(p.personalId, { birthYear: Number(p.birthDate.slice(0, 4)), sex: p.sex });
  assert.equal(check.valid, true, `${p.number}: ${p.personalId} ${JSON.stringify(check)}`);
  assert.ok(COMMUNES.has(p.permanentCommuneCode), p.permanentCommuneCode);
  assert.ok(p.permanentAddress.length > 0);
  assert.equal(p.temporaryCommuneCode === null, p.temporaryAddress === null);
  if (p.temporaryCommuneCode !== null) {
    assert.ok(COMMUNES.has(p.temporaryCommuneCode));
    assert.notEqual(p.temporaryCommuneCode, p.permanentCommuneCode);
  }
  assert.ok(p.birthDate >= '1930-01-01' && p.birthDate <= '2025-06-30', p.birthDate);
}

describe('synthetic persons', () => {
  it('are the demo residents, unchanged, for 1…SYNTHETIC_RESIDENTS', () => {
    for (let n = 1; n <= SYNTHETIC_RESIDENTS; n++) {
      const person = first[n - 1];
      const resident = syntheticResident(n);
      assert.deepEqual(
        person && [person.personalId, person.fullName, person.birthDate, person.sex, person.permanentCommuneCode],
        [resident.personalId, resident.fullName, resident.birthDate, resident.sex, resident.residenceCommuneCode],
      );
    }
  });

  it('are the same on every call, alone or in a stream (deterministic)', () => {
    fc.assert(
      fc.property(anyPerson, (n) => {
        assert.deepEqual(syntheticPerson(n), syntheticPerson(n));
        assert.deepEqual([...personsInRange(n, Math.min(n + 6, MAX_PERSONS))][0], syntheticPerson(n));
      }),
      { numRuns: 200 },
    );
    for (const p of first.slice(9_990, 10_020)) assert.deepEqual(syntheticPerson(p.number), p);
  });

  it('have structurally valid personal IDs consistent with birth year and sex, and real 2025 communes', () => {
    for (const p of first) assertWellFormed(p);
    fc.assert(fc.property(familyPerson, (n) => assertWellFormed(syntheticPerson(n))), { numRuns: 300 });
  });

  it('have unique personal IDs: all of the first 40,000, and any two persons anywhere (property)', () => {
    assert.equal(byId.size, first.length);
    fc.assert(
      fc.property(anyPerson, anyPerson, (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(syntheticPerson(a).personalId, syntheticPerson(b).personalId);
      }),
      { numRuns: 500 },
    );
    // Persons sharing an ID tail (990,000 apart) differ in province of birth or birth-year parity.
    fc.assert(
      fc.property(fc.integer({ min: SYNTHETIC_RESIDENTS + 1, max: SYNTHETIC_RESIDENTS + 990_000 }), fc.integer({ min: 1, max: 100 }), (n, blocks) => {
        const m = n + blocks * 990_000;
        fc.pre(m <= MAX_PERSONS);
        const [a, b] = [syntheticPerson(n).personalId, syntheticPerson(m).personalId];
        assert.equal(a.slice(6), b.slice(6));
        assert.notEqual(a, b);
      }),
      { numRuns: 300 },
    );
  });

  it('exist only for the numbers 1…MAX_PERSONS', () => {
    for (const n of [0, -1, MAX_PERSONS + 1, 1.5, Number.NaN]) assert.throws(() => syntheticPerson(n), RangeError, String(n));
  });

  it('have parents who are persons of the registry, of the right sex, aged 18–45 at the birth', () => {
    const checkParents = (p: SyntheticPerson, lookup: (id: string) => SyntheticPerson | undefined) => {
      for (const [id, sex] of [[p.fatherId, 'male'], [p.motherId, 'female']] as const) {
        if (id === null) continue;
        const parent = lookup(id) ?? assert.fail(`${p.number}: parent ${id} is not a person`);
        assert.equal(parent.sex, sex);
        const age = ageOn(parent.birthDate, p.birthDate);
        assert.ok(age >= 18 && age <= 45, `${p.number} born ${p.birthDate}, parent ${parent.number} born ${parent.birthDate}: ${age}`);
        assert.ok(parent.number < p.number || p.number <= SYNTHETIC_RESIDENTS, 'a generated child comes after its parents');
      }
    };
    for (const p of first) checkParents(p, (id) => byId.get(id));
    fc.assert(
      fc.property(familyPerson, (n) => {
        const head = householdHeadNumber(n);
        const family = [0, 1, 2, 3, 4].map((i) => syntheticPerson(head + i));
        const person = syntheticPerson(n);
        checkParents(person, (id) => family.find((m) => m.personalId === id));
      }),
      { numRuns: 300 },
    );
    const withParents = first.filter((p) => p.fatherId && p.motherId).length;
    assert.ok(withParents > first.length * 0.4, `${withParents} persons with both parents`);
  });

  it('live in consistent households: one commune and address, one head who is a member', () => {
    const households = new Map<string, SyntheticPerson[]>();
    for (const p of first) households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
    assert.equal(households.size, householdCount(40_000));
    for (const [id, members] of households) {
      const household = householdOf(members[0] ?? assert.fail());
      assert.equal(household.id, id);
      assert.ok(members.some((m) => m.personalId === household.headPersonalId), `${id}: the head is a member`);
      for (const m of members) {
        assert.equal(m.permanentCommuneCode, household.communeCode);
        assert.equal(m.permanentAddress, members[0]?.permanentAddress);
        assert.deepEqual(householdOf(m), household);
      }
    }
  });

  it('are loaded in whole families, between the demo residents and MAX_PERSONS', () => {
    assert.equal(loadedPersons(20_000), 20_000);
    assert.equal(loadedPersons(20_003), 20_000);
    for (const n of [9_999, MAX_PERSONS + 1, 1.5]) assert.throws(() => loadedPersons(n), RangeError);
  });

  it('count years with 29 February moving to 1 March', () => {
    assert.equal(addYears('2000-02-29', 1), '2001-03-01');
    assert.equal(addYears('2000-02-29', 4), '2004-02-29');
    assert.equal(ageOn('2000-02-29', '2018-02-28'), 17);
    assert.equal(ageOn('2000-02-29', '2018-03-01'), 18);
  });
});

describe('synthetic enterprises (full records)', () => {
  const count = 20_000;
  const all = Array.from({ length: count }, (_, i) => syntheticBusiness(i + 1));

  it('are the demo enterprises, unchanged, for 1…SYNTHETIC_ENTERPRISES', () => {
    for (let n = 1; n <= SYNTHETIC_ENTERPRISES; n++) {
      const { enterpriseCode, name, legalRepresentativeId, status, registeredOn } = all[n - 1] ?? assert.fail();
      assert.deepEqual({ enterpriseCode, name, legalRepresentativeId, status, registeredOn }, syntheticEnterprise(n));
    }
  });

  it('have valid, unique codes and unique names', () => {
    assert.equal(new Set(all.map((e) => e.enterpriseCode)).size, count);
    assert.equal(new Set(all.map((e) => e.name)).size, count);
    for (const e of all.slice(0, 2_000)) assert.deepEqual(checkEnterpriseCode(e.enterpriseCode), { valid: true, enterpriseCode: e.enterpriseCode, branchSuffix: null });
  });

  it('are represented by a person of age, loaded whenever the enterprise is, and list real VSIC lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        const e = syntheticBusiness(n);
        const persons = n <= SYNTHETIC_ENTERPRISES ? SYNTHETIC_RESIDENTS : n * PERSONS_PER_ENTERPRISE;
        assert.ok(enterpriseCount(persons) >= n);
        const { representative } = drawEnterprise(n, persons, syntheticPerson);
        assert.ok(representative.number <= persons);
        assert.equal(representative.personalId, e.legalRepresentativeId);
        assert.equal(representative.fullName, e.legalRepresentativeName);
        assert.ok(eighteenthBirthday(representative.birthDate) <= e.registeredOn, `${n}: registered before the representative came of age`);
        assert.ok(e.businessLines.length >= 1 && e.businessLines.every((code) => code in VSIC_CODES));
        assert.equal(new Set(e.businessLines).size, e.businessLines.length);
        assert.ok(COMMUNES.has(e.headOfficeCommuneCode));
      }),
      { numRuns: 60 },
    );
  });
});

describe('synthetic land parcels', () => {
  const parcels = Array.from({ length: parcelCount(40_000) }, (_, i) => syntheticParcel(i + 1));

  it('have unique keys (commune, sheet, parcel) and unique certificate numbers', () => {
    assert.equal(new Set(parcels.map((p) => `${p.communeCode}/${p.mapSheet}/${p.parcelNumber}`)).size, parcels.length);
    assert.equal(new Set(parcels.map((p) => p.certificateNumber)).size, parcels.length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: parcelCount(MAX_PERSONS) }), fc.integer({ min: 1, max: parcelCount(MAX_PERSONS) }), (a, b) => {
        fc.pre(a !== b);
        const [x, y] = [syntheticParcel(a), syntheticParcel(b)];
        assert.notEqual(`${x.mapSheet}/${x.parcelNumber}`, `${y.mapSheet}/${y.parcelNumber}`);
        assert.notEqual(x.certificateNumber, y.certificateNumber);
      }),
      { numRuns: 300 },
    );
  });

  it("are held by persons of the parcel's household, in its commune, with a real land-use code and a plausible area", () => {
    for (const p of parcels) {
      const holders = p.holderIds.map((id) => byId.get(id) ?? assert.fail(`holder ${id} is not a person`));
      assert.ok(holders.length >= 1 && holders.length <= 2);
      assert.equal(new Set(holders.map((h) => h.householdId)).size, 1);
      assert.equal(p.communeCode, holders[0]?.permanentCommuneCode);
      const purpose = LAND_USE_PURPOSES[p.purpose] ?? assert.fail(p.purpose);
      assert.ok(p.area >= purpose.area[0] - 0.01 && p.area <= purpose.area[1] + 0.01, `${p.purpose} ${p.area}`);
      assert.match(p.certificateNumber, /^[A-Z]{2} \d{6}$/);
      assert.ok(p.certificateIssuedOn >= '1994-01-01' && p.certificateIssuedOn <= '2025-06-30');
    }
  });
});
