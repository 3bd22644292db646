import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SYNTHETIC_DATA_VERSION } from './registries.seed.ts';
import { dayNumber, eighteenthBirthday } from './synthetic-dates.ts';
import { allSyntheticEnterprises, enterpriseCheckDigit, SYNTHETIC_ENTERPRISES, syntheticEnterprise } from './synthetic-enterprise.ts';
import { allSyntheticResidents, personalIdTail, SYNTHETIC_RESIDENTS, syntheticResident, syntheticResidentById } from './synthetic-resident.ts';
import { RESIDENCE_COMMUNE_CODES } from './residence-communes.ts';
import { syntheticBusiness } from './synthetic-business.ts';
import { syntheticParcel } from './synthetic-parcel.ts';
import { MAX_PERSONS, syntheticPerson } from './synthetic-person.ts';

// A second copy of the 63 pre-2025 province codes (QĐ 124/2004/QĐ-TTg, as in identity's personal-id.ts),
// apart from the generator's so that a slip there cannot pass here; identifiers.cross-check.test.ts
// also runs identity's own validators.
const PRE_2025_PROVINCES =
  '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96';

const residents = allSyntheticResidents();
const enterprises = allSyntheticEnterprises();
const residentsById = new Map(residents.map((resident) => [resident.personalId, resident]));

/**
 * SHA-256 of the whole generated data set for each SYNTHETIC_DATA_VERSION. A generator change that
 * alters any record must bump the version (so installations reload) and add its fingerprint here.
 */
const FINGERPRINTS: Readonly<Record<number, string>> = {
  1: '4379385257e9687846b5f7fb92e35706abb49fbd4b774efa28679e4b20b3affc',
  2: 'c34873866ad89379f874e5f2b340f92e2391182a46da9c62ac21bbc70b8b2ce7',
};

describe('synthetic residents', () => {
  it('are the same on every call (deterministic, no Math.random)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: SYNTHETIC_RESIDENTS }), (n) => {
        assert.deepEqual(syntheticResident(n), syntheticResident(n));
        assert.deepEqual(syntheticResident(n), residents[n - 1]);
      }),
    );
  });

  it('exist only for the numbers 1…SYNTHETIC_RESIDENTS', () => {
    for (const n of [0, -1, SYNTHETIC_RESIDENTS + 1, 1.5, Number.NaN]) assert.throws(() => syntheticResident(n), RangeError, String(n));
    assert.equal(residents.length, 10_000);
  });

  it('have personal IDs built as province · century/sex · year · tail of the number (domain-vn.md §4.1)', () => {
    const provinces = new Set(PRE_2025_PROVINCES.split(' ').map((code) => '0' + code));
    residents.forEach((resident, i) => {
      const year = Number(resident.birthDate.slice(0, 4));
      const centuryDigit = (year >= 2000 ? 2 : 0) + (resident.sex === 'female' ? 1 : 0);
      assert.match(resident.personalId, /^\d{12}$/);
      assert.equal(resident.personalId.slice(0, 3), resident.birthProvinceCode);
      assert.ok(provinces.has(resident.birthProvinceCode), resident.birthProvinceCode);
      assert.equal(resident.personalId[3], String(centuryDigit));
      assert.equal(resident.personalId.slice(4, 6), resident.birthDate.slice(2, 4));
      assert.equal(resident.personalId.slice(6), personalIdTail(i + 1));
    });
  });

  it('have unique personal IDs over the whole set', () => {
    assert.equal(residentsById.size, SYNTHETIC_RESIDENTS);
  });

  it('get distinct ID tails for distinct numbers up to a million (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(personalIdTail(a), personalIdTail(b));
      }),
    );
  });

  it('are born 1940–2008, both sexes, from many provinces, living in 2025 communes', () => {
    const communes = new Set(RESIDENCE_COMMUNE_CODES);
    for (const resident of residents) {
      assert.match(resident.birthDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(resident.birthDate >= '1940-01-01' && resident.birthDate <= '2008-12-31', resident.birthDate);
      assert.ok(communes.has(resident.residenceCommuneCode), resident.residenceCommuneCode);
    }
    const males = residents.filter((resident) => resident.sex === 'male').length;
    assert.ok(males > 4_500 && males < 5_500, `${males} males`);
    assert.equal(new Set(residents.map((resident) => resident.birthProvinceCode)).size, 63);
  });

  it('have plausible Vietnamese names in NFC, weighted towards Nguyễn', () => {
    for (const resident of residents) {
      assert.equal(resident.fullName, resident.fullName.normalize('NFC'));
      assert.match(resident.fullName, /^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
    }
    const nguyen = residents.filter((resident) => resident.fullName.startsWith('Nguyễn ')).length;
    assert.ok(nguyen > 3_000 && nguyen < 4_600, `${nguyen} Nguyễn`);
    const thi = residents.filter((resident) => resident.fullName.split(' ')[1] === 'Thị');
    assert.ok(thi.length > 1_000 && thi.every((resident) => resident.sex === 'female'));
  });
});

describe('synthetic enterprises', () => {
  it('are deterministic and exist only for the numbers 1…SYNTHETIC_ENTERPRISES', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: SYNTHETIC_ENTERPRISES }), (n) => assert.deepEqual(syntheticEnterprise(n), enterprises[n - 1])));
    for (const n of [0, SYNTHETIC_ENTERPRISES + 1, 2.5]) assert.throws(() => syntheticEnterprise(n), RangeError, String(n));
    assert.equal(enterprises.length, 1_000);
  });

  it('have 10-digit codes with a valid check digit, unique over the set', () => {
    for (const enterprise of enterprises) {
      assert.match(enterprise.enterpriseCode, /^\d{10}$/);
      assert.equal(enterpriseCheckDigit(enterprise.enterpriseCode.slice(0, 9)), Number(enterprise.enterpriseCode[9]));
    }
    assert.equal(new Set(enterprises.map((enterprise) => enterprise.enterpriseCode)).size, SYNTHETIC_ENTERPRISES);
  });

  it('compute the check digit of known real codes (Viettel, FPT; domain-vn.md §4.2)', () => {
    const cases: [string, number | undefined][] = [
      ['010010910', 6],
      ['010124814', 1],
      ['000000000', undefined], // sum 0: remainder 0 gives 10, not a digit
    ];
    for (const [nine, digit] of cases) assert.equal(enterpriseCheckDigit(nine), digit, nine);
  });

  it('are represented by synthetic residents who were adults when the enterprise was registered', () => {
    for (const enterprise of enterprises) {
      const representative = residentsById.get(enterprise.legalRepresentativeId);
      assert.ok(representative, `${enterprise.enterpriseCode}: representative ${enterprise.legalRepresentativeId} is not a resident`);
      assert.ok(eighteenthBirthday(representative.birthDate) <= enterprise.registeredOn, `${enterprise.enterpriseCode} registered by a minor`);
      assert.ok(enterprise.registeredOn >= '2000-01-01' && enterprise.registeredOn <= '2025-06-30', enterprise.registeredOn);
    }
  });

  it('are mostly active, some suspended or dissolved, with unique plausible names', () => {
    const count = (status: string) => enterprises.filter((enterprise) => enterprise.status === status).length;
    assert.ok(count('active') > 800, `${count('active')} active`);
    assert.ok(count('suspended') > 30 && count('dissolved') > 30);
    for (const enterprise of enterprises) {
      assert.match(enterprise.name, /^(Công ty TNHH|Công ty TNHH một thành viên|Công ty Cổ phần|Doanh nghiệp tư nhân) \p{Lu}/u);
      assert.equal(enterprise.name, enterprise.name.normalize('NFC'));
      assert.doesNotMatch(enterprise.name, /undefined/);
    }
    assert.equal(new Set(enterprises.map((enterprise) => enterprise.name)).size, SYNTHETIC_ENTERPRISES);
  });
});

describe('eighteenthBirthday', () => {
  const cases: [string, string][] = [
    ['1990-05-14', '2008-05-14'],
    ['2004-02-29', '2022-03-01'], // no 29 February in 2022: of age the day after 28 February
    ['1988-02-29', '2006-03-01'],
    ['1982-12-31', '2000-12-31'],
  ];
  for (const [birth, adult] of cases) it(`${birth} → ${adult}`, () => assert.equal(eighteenthBirthday(birth), adult));

  it('falls 18 × 365 days plus the leap days between, on the same day of the month but 29/2 (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01'), max: new Date('2080-12-31'), noInvalidDate: true }), (date) => {
        const birth = date.toISOString().slice(0, 10);
        const adult = eighteenthBirthday(birth);
        const days = dayNumber(adult) - dayNumber(birth);
        assert.ok(days >= 18 * 365 + 4 && days <= 18 * 365 + 5, `${birth}: ${days} days`);
        assert.equal(adult.slice(0, 4), String(Number(birth.slice(0, 4)) + 18));
        if (!birth.endsWith('-02-29')) assert.equal(adult.slice(5), birth.slice(5));
      }),
    );
  });
});

describe('the generated data set', () => {
  it('keeps the demo residents and enterprises exactly as in version 1 (demo accounts and tests log in as them)', () => {
    const fingerprint = createHash('sha256').update(JSON.stringify({ residents, enterprises })).digest('hex');
    assert.equal(fingerprint, FINGERPRINTS[1]);
  });

  it('matches the fingerprint of SYNTHETIC_DATA_VERSION (bump the version when generators change)', () => {
    // Every kind of record, over a sample that crosses from the demo residents into the families.
    const sample = {
      persons: Array.from({ length: 12_000 }, (_, i) => syntheticPerson(i + 1)),
      businesses: Array.from({ length: 1_200 }, (_, i) => syntheticBusiness(i + 1)),
      parcels: Array.from({ length: 4_000 }, (_, i) => syntheticParcel(i + 1)),
      far: [syntheticPerson(MAX_PERSONS), syntheticPerson(54_321_987), syntheticBusiness(999_999), syntheticParcel(33_333_333)],
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(sample)).digest('hex');
    assert.equal(fingerprint, FINGERPRINTS[SYNTHETIC_DATA_VERSION], `the synthetic data changed: bump SYNTHETIC_DATA_VERSION and record the new fingerprint ${fingerprint}`);
  });
});

describe('finding a synthetic resident by personal ID', () => {
  it('finds every resident by its ID, and nobody else', () => {
    for (let n = 1; n <= SYNTHETIC_RESIDENTS; n++) {
      const resident = syntheticResident(n);
      assert.equal(syntheticResidentById(resident.personalId)?.personalId, resident.personalId);
    }
    for (const id of ['079203001234', '000000000000', '12345', 'abcdefghijkl']) assert.equal(syntheticResidentById(id), undefined);
  });
});
