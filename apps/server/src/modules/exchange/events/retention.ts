import { sql } from 'drizzle-orm';
import type { Db } from '../../../kernel/db/database.ts';

export type EventPruning = { envelopes: number; unhandledEnvelopes: number; inboxRows: number };

/** Rows deleted per statement: short transactions, no long lock on a busy inbox. */
const BATCH = 5_000;

/**
 * Deletes in-process envelopes created and inbox rows handled before `cutoff` (the same limit as
 * JetStream's stream age, which drops old messages whether handled or not). Envelopes go first: the
 * in-process reader hands out every envelope its inbox does not hold, so an inbox row may only
 * disappear after its envelope — and as an envelope is always handled after it was created, deleting
 * both by the same cutoff keeps that order. `unhandledEnvelopes` counts envelopes no consumer of their
 * subscriber had taken: a subscriber that stayed away longer than the retention missed them.
 */
export async function pruneEventTables(db: Db, cutoff: Date): Promise<EventPruning> {
  const result: EventPruning = { envelopes: 0, unhandledEnvelopes: 0, inboxRows: 0 };
  const at = cutoff.toISOString();
  for (;;) {
    const [row] = (await db.execute(sql`
      with gone as (
        delete from exchange.event_envelope
         where ctid = any(array(select ctid from exchange.event_envelope where created_at < ${at}::timestamptz limit ${BATCH}))
        returning event_id, subscriber)
      select count(*)::int as deleted,
             count(*) filter (where not exists (select 1 from exchange.event_inbox i
                                                 where i.subscriber = gone.subscriber and i.event_id = gone.event_id))::int as unhandled
        from gone`)) as unknown as { deleted: number; unhandled: number }[];
    result.envelopes += row?.deleted ?? 0;
    result.unhandledEnvelopes += row?.unhandled ?? 0;
    if ((row?.deleted ?? 0) < BATCH) break;
  }
  for (;;) {
    const [row] = (await db.execute(sql`
      with gone as (
        delete from exchange.event_inbox
         where ctid = any(array(select ctid from exchange.event_inbox where handled_at < ${at}::timestamptz limit ${BATCH}))
        returning 1)
      select count(*)::int as deleted from gone`)) as unknown as { deleted: number }[];
    result.inboxRows += row?.deleted ?? 0;
    if ((row?.deleted ?? 0) < BATCH) break;
  }
  return result;
}
