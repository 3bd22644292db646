import { sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { formatDossierCode } from './domain/dossier-code.ts';

/**
 * Allocates the next dossier code of an agency for a day, inside the caller's transaction. The upsert
 * takes the row lock until that transaction ends, so concurrent submissions get consecutive numbers;
 * a rolled-back submission releases its number with the lock (no gap, no duplicate).
 */
export async function allocateDossierCode(tx: Executor, agencyCode: string, day: string): Promise<string> {
  const rows = await tx.execute<{ last: number }>(sql`
    insert into dossiers.daily_sequence (agency_code, day, last) values (${agencyCode}, ${day}, 1)
    on conflict (agency_code, day) do update set last = dossiers.daily_sequence.last + 1
    returning last`);
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('daily sequence upsert returned no row');
  return formatDossierCode(agencyCode, day, Number(last));
}
