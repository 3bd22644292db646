import { sql } from 'drizzle-orm';
import { text, timestamp } from 'drizzle-orm/pg-core';
import { kernelSchema } from '../events/outbox.schema.ts';

/**
 * Which reference data set was loaded, and from which exact file contents. Seeding runs again only
 * when the checksum changes, so a restart is fast and a data update is picked up.
 */
export const seedRun = kernelSchema.table('seed_run', {
  name: text('name').primaryKey(),
  checksum: text('checksum').notNull(),
  summary: text('summary').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().default(sql`now()`),
});
