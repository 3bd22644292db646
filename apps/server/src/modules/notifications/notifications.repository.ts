import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { devMessage } from './notifications.schema.ts';

export type DevMessageRow = typeof devMessage.$inferSelect;
export type NewDevMessageRow = typeof devMessage.$inferInsert;

/** The development mailbox table: what would have been sent, newest first. */
export function createNotificationsRepository(db: Executor) {
  return {
    async insert(row: NewDevMessageRow): Promise<void> {
      await db.insert(devMessage).values(row);
    },

    async listNewest(filter: { recipient?: string; limit: number }): Promise<DevMessageRow[]> {
      return db
        .select()
        .from(devMessage)
        .where(filter.recipient === undefined ? undefined : eq(devMessage.recipient, filter.recipient))
        // uuidv7 ids are time-ordered: they break ties between messages of the same instant.
        .orderBy(desc(devMessage.createdAt), desc(devMessage.id))
        .limit(filter.limit);
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
