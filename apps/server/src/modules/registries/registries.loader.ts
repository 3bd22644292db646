// Loads the synthetic registries by COPY … FROM STDIN, the fastest way into PostgreSQL: 1 million
// persons for an ordinary installation, 100 million for the scale benchmark. The tables are emptied,
// their indexes dropped, the rows streamed, then the indexes built once over the loaded data (building
// an index once is several times cheaper than maintaining it row by row).

import type { Sql } from '../../kernel/db/database.ts';
import { enterpriseCount, syntheticBusiness } from './synthetic-business.ts';
import { parcelCount, PERSONS_PER_PARCEL, syntheticParcel } from './synthetic-parcel.ts';
import { householdCount, householdOf, isHouseholdHead, loadedPersons, personsInRange } from './synthetic-person.ts';

export type LoadTable = 'person' | 'household' | 'enterprise' | 'parcel' | 'indexes';

export type LoadProgress = Readonly<{ table: LoadTable; rows: number; total: number; percent: number; rowsPerSecond: number; elapsedMs: number }>;

/** One line for a log or a terminal, e.g. `person 120,000/1,000,000 (12 %, 98,000 rows/s, 2 s)`. */
export function describeProgress(p: LoadProgress): string {
  const count = (n: number) => n.toLocaleString('en');
  const rate = p.table === 'indexes' ? 'keys and indexes built' : `${count(p.rowsPerSecond)} rows/s`;
  return `${p.table} ${count(p.rows)}/${count(p.total)} (${p.percent} %, ${rate}, ${Math.round(p.elapsedMs / 1000)} s)`;
}

export type LoadSummary = Readonly<{ persons: number; households: number; enterprises: number; parcels: number; ms: number }>;

/** Index and key definitions, dropped before the COPY and built after it (names as drizzle-kit made them). */
const INDEXES: readonly [table: string, name: string, create: string][] = [
  ['person', 'person_pkey', 'alter table registries.person add constraint person_pkey primary key (personal_id)'],
  ['person', 'person_household_idx', 'create index person_household_idx on registries.person using btree (household_id)'],
  ['household', 'household_pkey', 'alter table registries.household add constraint household_pkey primary key (id)'],
  ['enterprise', 'enterprise_pkey', 'alter table registries.enterprise add constraint enterprise_pkey primary key (enterprise_code)'],
  ['parcel', 'parcel_commune_code_map_sheet_parcel_number_pk', 'alter table registries.parcel add constraint parcel_commune_code_map_sheet_parcel_number_pk primary key (commune_code, map_sheet, parcel_number)'],
  ['parcel_holder', 'parcel_holder_person_idx', 'create index parcel_holder_person_idx on registries.parcel_holder using btree (personal_id)'],
];

// COPY's text format: tab-separated, \N for null. Generated values hold no tab, newline or backslash.
const field = (value: string | number | null) => (value === null ? '\\N' : String(value));
const line = (...values: (string | number | null)[]) => values.map(field).join('\t') + '\n';
const array = (values: readonly string[]) => `{${values.join(',')}}`;

/** ~256 KB per write: large enough that the per-write overhead vanishes, small enough to keep memory flat. */
const CHUNK = 256 * 1024;

type CopyStream = { write(text: string): Promise<void>; end(): Promise<void> };

async function copyInto(sql: Sql, statement: string): Promise<CopyStream & { release(): void }> {
  const connection = await sql.reserve();
  const writable = await connection.unsafe(statement).writable();
  // A COPY the server rejects emits 'error' and never 'drain': every wait races against it.
  const failed = new Promise<never>((_, reject) => writable.once('error', reject));
  failed.catch(() => undefined);
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    if (!writable.write(text)) await Promise.race([new Promise<void>((resolve) => writable.once('drain', resolve)), failed]);
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
    async end() {
      await flush();
      await Promise.race([new Promise<void>((resolve) => writable.end(resolve)), failed]);
    },
    release: () => connection.release(),
  };
}

/**
 * Replaces the synthetic registries with `persons` persons (whole families only; see loadedPersons),
 * one enterprise per 100 persons (at least the 1,000 demo enterprises) and one parcel per 3 persons.
 * Uses three connections of the pool at once (persons, households and parcels are streamed side by
 * side from one pass over the generated families). Not one transaction: the caller records success
 * (kernel.seed_run) only after it returns, so an interrupted load is simply loaded again.
 */
export async function loadRegistries(sql: Sql, options: { persons: number; onProgress?: (progress: LoadProgress) => void; progressMs?: number }): Promise<LoadSummary> {
  const started = performance.now();
  const persons = loadedPersons(options.persons);
  const households = householdCount(persons);
  const parcels = parcelCount(persons);
  const enterprises = enterpriseCount(persons);
  const progressMs = options.progressMs ?? 1_000;
  let phaseStarted = started;
  let lastReport = started;
  const report = (table: LoadTable, rows: number, total: number, force = false) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastReport < progressMs)) return;
    lastReport = now;
    const seconds = Math.max((now - phaseStarted) / 1_000, 1e-3);
    options.onProgress({ table, rows, total, percent: Math.round((rows / Math.max(total, 1)) * 1_000) / 10, rowsPerSecond: Math.round(rows / seconds), elapsedMs: Math.round(now - started) });
  };

  await sql.unsafe('truncate registries.person, registries.household, registries.enterprise, registries.parcel, registries.parcel_holder');
  for (const [table, name] of INDEXES) {
    const isConstraint = name.endsWith('_pkey') || name.endsWith('_pk');
    await sql.unsafe(isConstraint ? `alter table registries.${table} drop constraint if exists ${name}` : `drop index if exists registries.${name}`);
  }

  const personCopy = await copyInto(sql, 'copy registries.person (personal_id, full_name, birth_date, sex, permanent_commune_code, permanent_address, temporary_commune_code, temporary_address, household_id, father_id, mother_id) from stdin');
  const householdCopy = await copyInto(sql, 'copy registries.household (id, head_personal_id, commune_code) from stdin');
  const parcelCopy = await copyInto(sql, 'copy registries.parcel (commune_code, map_sheet, parcel_number, area, purpose, certificate_number, certificate_issued_on, holder_ids) from stdin');
  try {
    let rows = 0;
    for (const p of personsInRange(1, persons)) {
      await personCopy.write(line(p.personalId, p.fullName, p.birthDate, p.sex, p.permanentCommuneCode, p.permanentAddress, p.temporaryCommuneCode, p.temporaryAddress, p.householdId, p.fatherId, p.motherId));
      if (isHouseholdHead(p.number)) {
        const h = householdOf(p);
        await householdCopy.write(line(h.id, h.headPersonalId, h.communeCode));
      }
      // Parcel i goes with person 3i − 2, while that person's family is the one in hand.
      if (p.number % PERSONS_PER_PARCEL === 1) {
        const i = (p.number + 2) / PERSONS_PER_PARCEL;
        if (i <= parcels) {
          const x = syntheticParcel(i);
          await parcelCopy.write(line(x.communeCode, x.mapSheet, x.parcelNumber, x.area.toFixed(2), x.purpose, x.certificateNumber, x.certificateIssuedOn, array(x.holderIds)));
        }
      }
      if (++rows % 10_000 === 0) report('person', rows, persons);
    }
    await Promise.all([personCopy.end(), householdCopy.end(), parcelCopy.end()]);
    report('person', rows, persons, true);
  } finally {
    personCopy.release();
    householdCopy.release();
    parcelCopy.release();
  }

  phaseStarted = performance.now();
  const enterpriseCopy = await copyInto(sql, 'copy registries.enterprise (enterprise_code, name, legal_representative_id, legal_representative_name, head_office_commune_code, head_office_address, status, business_lines, registered_on) from stdin');
  try {
    for (let n = 1; n <= enterprises; n++) {
      const e = syntheticBusiness(n);
      await enterpriseCopy.write(line(e.enterpriseCode, e.name, e.legalRepresentativeId, e.legalRepresentativeName, e.headOfficeCommuneCode, e.headOfficeAddress, e.status, array(e.businessLines), e.registeredOn));
      if (n % 10_000 === 0) report('enterprise', n, enterprises);
    }
    await enterpriseCopy.end();
    report('enterprise', enterprises, enterprises, true);
  } finally {
    enterpriseCopy.release();
  }

  phaseStarted = performance.now();
  // More memory for the sorts of the index builds than the 64 MB default: a 100-million-row key fits.
  const connection = await sql.reserve();
  try {
    await connection.unsafe("set maintenance_work_mem = '512MB'");
    await connection.unsafe('insert into registries.parcel_holder select unnest(holder_ids), commune_code, map_sheet, parcel_number from registries.parcel');
    for (const [index, [, , create]] of INDEXES.entries()) {
      await connection.unsafe(create);
      report('indexes', index + 1, INDEXES.length, true);
    }
    await connection.unsafe('analyze registries.person, registries.household, registries.enterprise, registries.parcel, registries.parcel_holder');
  } finally {
    await connection.unsafe('reset maintenance_work_mem').catch(() => undefined);
    connection.release();
  }
  return { persons, households, enterprises, parcels, ms: Math.round(performance.now() - started) };
}
