import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db, Transaction } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { referenceDataPath } from '../../kernel/paths.ts';
import { adminUnit, unitSuccession } from './geo.schema.ts';
import {
  MergesFile,
  pre2025Units,
  reformUnits,
  successions,
  Units2025File,
  UnitsPre2025File,
  type Succession,
  type UnitVersion,
} from './unit-import.ts';

const FILES = {
  pre2025: 'vn-admin-units-pre2025/vn_units_63_provinces_2025-03-01_v2.4.1.simplified.min.json',
  units2025: 'vn-admin-units-2025/vn_units_34_provinces_2025-07-01_v3.0.2.full.json',
  units2026: 'vn-admin-units-2025/vn_units_34_provinces_2026-07-25.full.json',
  merges: 'vn-admin-mapping-2025/merges_new_to_old.json',
} as const;

/** Loads the administrative units and the 2025 old→new links; a no-op when the files did not change. */
export async function seedAdminUnits(db: Db) {
  const raw = await Promise.all(Object.values(FILES).map((file) => readFile(referenceDataPath(file))));
  return runSeedOnce(db, 'geo.admin-units', checksumOf(...raw), async (tx) => {
    const [pre, u2025, u2026, merges] = raw.map((buffer) => JSON.parse(buffer.toString('utf8')) as unknown);
    const units = [
      ...pre2025Units(UnitsPre2025File.parse(pre), `data/${FILES.pre2025}`),
      ...reformUnits(Units2025File.parse(u2025), Units2025File.parse(u2026), {
        file2025: `data/${FILES.units2025}`,
        file2026: `data/${FILES.units2026}`,
      }),
    ];
    const links = successions(MergesFile.parse(merges));
    await replaceAll(tx, units, links);
    return `${units.length} unit versions, ${links.length} succession links`;
  });
}

async function replaceAll(tx: Transaction, units: UnitVersion[], links: Succession[]) {
  await tx.execute(sql`truncate geo.admin_unit, geo.unit_succession`);
  for (let i = 0; i < units.length; i += 2000) {
    await tx.insert(adminUnit).values(units.slice(i, i + 2000).map((unit) => ({ id: uuidv7(), ...unit })));
  }
  for (let i = 0; i < links.length; i += 2000) {
    await tx.insert(unitSuccession).values(links.slice(i, i + 2000));
  }
}
