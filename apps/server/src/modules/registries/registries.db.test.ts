import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { seedRun } from '../../kernel/db/seed-run.schema.ts';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { createRegistriesRepository } from './registries.repository.ts';
import { enterprise as enterpriseTable, household as householdTable, parcel as parcelTable, person as personTable } from './registries.schema.ts';
import { createSyntheticBusinessRegistry, createSyntheticPopulationRegistry } from './registries.service.ts';
import { enterpriseCheckDigit } from './synthetic-enterprise.ts';
import {
  describeProgress,
  seedSyntheticRegistries,
  SYNTHETIC_ENTERPRISES,
  SYNTHETIC_RESIDENTS,
  syntheticEnterprise,
  syntheticResident,
  TEST_REGISTRY_PERSONS,
  type BusinessRegistry,
  type PopulationRegistry,
  type ResidentClaim,
  type ResidentVerification,
} from './index.ts';

let t: TestDatabase;
let population: PopulationRegistry;
let businesses: BusinessRegistry;
before(async () => {
  // The template database is seeded with the reference data, the synthetic registries included.
  t = await createTestDatabase();
  const repository = createRegistriesRepository(t.database.db);
  population = createSyntheticPopulationRegistry({ repository });
  businesses = createSyntheticBusinessRegistry({ repository });
});
after(async () => t.drop());

describe('synthetic registries seed', () => {
  const total = async (table: typeof personTable | typeof enterpriseTable | typeof householdTable | typeof parcelTable) => (await t.database.db.select({ total: count() }).from(table))[0]?.total;

  it('holds the test size (every demo resident and enterprise included), and seeding again changes nothing', async () => {
    assert.equal(await total(personTable), TEST_REGISTRY_PERSONS);
    assert.ok(TEST_REGISTRY_PERSONS >= SYNTHETIC_RESIDENTS);
    assert.equal(await total(enterpriseTable), SYNTHETIC_ENTERPRISES);
    assert.equal(await total(householdTable), SYNTHETIC_RESIDENTS + (TEST_REGISTRY_PERSONS - SYNTHETIC_RESIDENTS) / 5);
    assert.equal(await total(parcelTable), Math.floor(TEST_REGISTRY_PERSONS / 3));
    assert.equal((await seedSyntheticRegistries(t.database, { persons: TEST_REGISTRY_PERSONS })).applied, false);
  });

  it('loads again when the generator version or the size changes', async () => {
    await t.database.db.update(seedRun).set({ checksum: 'an older generator' }).where(eq(seedRun.name, 'registries.synthetic'));
    assert.equal((await seedSyntheticRegistries(t.database, { persons: TEST_REGISTRY_PERSONS })).applied, true);
    assert.equal(await total(personTable), TEST_REGISTRY_PERSONS);
    const progress: string[] = [];
    assert.equal((await seedSyntheticRegistries(t.database, { persons: 12_000, onProgress: (p) => progress.push(p.table === 'person' ? describeProgress(p) : p.table) })).applied, true);
    assert.equal(await total(personTable), 12_000);
    assert.equal(await total(parcelTable), 4_000);
    assert.ok(progress.some((line) => /^person 12,000\/12,000 \(100 %, [\d,]+ rows\/s, \d+ s\)$/.test(line)) && progress.includes('indexes'), progress.join());
    assert.equal((await seedSyntheticRegistries(t.database, { persons: 12_000 })).applied, false);
  });

  it('forgets the previous load before loading, so an interrupted load is redone at the next start', async () => {
    let recordedDuringLoad: Promise<unknown[]> | undefined;
    const seeded = await seedSyntheticRegistries(t.database, {
      persons: TEST_REGISTRY_PERSONS,
      // .then starts the query at once (a Drizzle query runs when it is awaited).
      onProgress: () => void (recordedDuringLoad ??= t.database.db.select().from(seedRun).where(eq(seedRun.name, 'registries.synthetic')).then((rows) => rows)),
    });
    assert.equal(seeded.applied, true);
    assert.deepEqual(await recordedDuringLoad, []);
    assert.equal((await t.database.db.select().from(seedRun).where(eq(seedRun.name, 'registries.synthetic'))).length, 1);
  });
});

describe('PopulationRegistry.verifyResident', () => {
  // A woman with an accented family name, so that the accent cases below mean something.
  const person = Array.from({ length: 200 }, (_, i) => syntheticResident(i + 1)).find(
    (resident) => resident.sex === 'female' && resident.fullName.startsWith('Nguyễn '),
  );
  assert.ok(person);
  const claim: ResidentClaim = { personalId: person.personalId, fullName: person.fullName, birthDate: person.birthDate, sex: person.sex };
  const otherDay = person.birthDate.endsWith('-01') ? person.birthDate.replace(/-01$/, '-02') : person.birthDate.replace(/-\d\d$/, '-01');

  const cases: [string, ResidentClaim, ResidentVerification][] = [
    ['the exact record matches', claim, { outcome: 'match', mismatched: [] }],
    ['without sex, name and birth date suffice', { personalId: claim.personalId, fullName: claim.fullName, birthDate: claim.birthDate }, { outcome: 'match', mismatched: [] }],
    ['upper case and stray spaces still match', { ...claim, fullName: `  ${person.fullName.toLocaleUpperCase('vi').replaceAll(' ', '   ')} ` }, { outcome: 'match', mismatched: [] }],
    ['a decomposed (NFD) name still matches', { ...claim, fullName: person.fullName.normalize('NFD') }, { outcome: 'match', mismatched: [] }],
    ['accents matter: Nguyen is not Nguyễn', { ...claim, fullName: person.fullName.replace('Nguyễn', 'Nguyen') }, { outcome: 'mismatch', mismatched: ['fullName'] }],
    ['another name', { ...claim, fullName: 'Trần Văn Khác' }, { outcome: 'mismatch', mismatched: ['fullName'] }],
    ['another birth date', { ...claim, birthDate: otherDay }, { outcome: 'mismatch', mismatched: ['birthDate'] }],
    ['another sex', { ...claim, sex: 'male' }, { outcome: 'mismatch', mismatched: ['sex'] }],
    ['everything wrong', { ...claim, fullName: 'Lê Văn Sai', birthDate: '1999-09-09', sex: 'male' }, { outcome: 'mismatch', mismatched: ['fullName', 'birthDate', 'sex'] }],
    ['an unknown personal ID', { ...claim, personalId: '001099000000' }, { outcome: 'not_found', mismatched: [] }],
    ['not a personal ID at all', { ...claim, personalId: `${person.personalId} ` }, { outcome: 'not_found', mismatched: [] }],
  ];
  for (const [name, input, expected] of cases) {
    it(name, async () => assert.deepEqual(await population.verifyResident(input), expected));
  }

  it('answers only match/mismatch per field, never the registered values', async () => {
    const answer = await population.verifyResident({ ...claim, fullName: 'Trần Văn Khác', birthDate: '1999-09-09' });
    assert.deepEqual(Object.keys(answer).sort(), ['mismatched', 'outcome']);
    const text = JSON.stringify(answer);
    for (const value of [person.fullName, person.birthDate, person.residenceCommuneCode]) assert.ok(!text.includes(value), value);
  });

  it('verifies residents picked anywhere in the set', async () => {
    for (const n of [1, 2, 777, SYNTHETIC_RESIDENTS]) {
      const resident = syntheticResident(n);
      assert.deepEqual(await population.verifyResident(resident), { outcome: 'match', mismatched: [] }, `resident ${n}`);
    }
  });
});

describe('BusinessRegistry.findEnterprise', () => {
  const enterprise = syntheticEnterprise(1);

  it('finds an enterprise by its code, with its legal representative', async () => {
    assert.deepEqual(await businesses.findEnterprise(enterprise.enterpriseCode), enterprise);
    const representative = await population.verifyResident({ personalId: enterprise.legalRepresentativeId, fullName: 'x', birthDate: '1900-01-01' });
    assert.notEqual(representative.outcome, 'not_found');
  });

  it('resolves a branch code to its parent enterprise', async () => {
    assert.deepEqual(await businesses.findEnterprise(`${enterprise.enterpriseCode}-001`), enterprise);
    assert.deepEqual(await businesses.findEnterprise(` ${enterprise.enterpriseCode}-999 `), enterprise);
  });

  it('answers undefined for unknown, malformed or suffix-000 codes', async () => {
    // A well-formed code with a valid check digit that the generator never issues (its ranges are 01–63).
    const unknown = '9900000016';
    assert.equal(enterpriseCheckDigit(unknown.slice(0, 9)), 6);
    for (const code of [unknown, `${enterprise.enterpriseCode}-000`, `${enterprise.enterpriseCode}-01`, enterprise.enterpriseCode.slice(1), '', 'abc']) {
      assert.equal(await businesses.findEnterprise(code), undefined, JSON.stringify(code));
    }
  });

  it('finds every status', async () => {
    const statuses = new Set<string>();
    for (let n = 1; n <= 200; n++) statuses.add((await businesses.findEnterprise(syntheticEnterprise(n).enterpriseCode))?.status ?? 'missing');
    assert.deepEqual([...statuses].sort(), ['active', 'dissolved', 'suspended']);
  });
});
