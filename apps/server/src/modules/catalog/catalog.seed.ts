import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { referenceDataPath } from '../../kernel/paths.ts';
import { createCatalogRepository, toProcedureRow } from './catalog.repository.ts';
import { parseProcedure } from './parse/parse-procedure.ts';

export const CATALOG_FILE = 'vn-tthc-catalog/tthc_national_catalog_2026-07.jsonl.gz';

/** The national catalogue file's records: one JSON object per line, gzip. */
function catalogRecords(bytes: Buffer): unknown[] {
  return gunzipSync(bytes)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * Imports the national procedure catalogue (data/vn-tthc-catalog, 2,642 records), parsed, next to its
 * raw text. Procedures are upserted by code: an administrator's per-procedure settings (the receipt
 * cut-off) survive a re-import. Every running instance reloads its search index on commit.
 */
export async function seedCatalog(db: Db) {
  // Only the checksum is computed at every start; the file is unpacked and parsed when it changed.
  const bytes = await readFile(referenceDataPath(CATALOG_FILE));
  return runSeedOnce(db, 'catalog.national', checksumOf(bytes), async (tx) => {
    const parsed = catalogRecords(bytes).map((record) => parseProcedure(record));
    const repository = createCatalogRepository(tx);
    await repository.upsertMany(parsed.map(toProcedureRow));
    await repository.notifyChanged();
    const complete = parsed.filter((p) => p.diagnostics.complete).length;
    return `${parsed.length} procedures, ${complete} parsed fully (${((100 * complete) / parsed.length).toFixed(1)} %)`;
  });
}
