import { sql } from 'drizzle-orm';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const notificationsSchema = pgSchema('notifications');

/**
 * The development mailbox: what the platform would have sent by e-mail or SMS, kept locally and
 * shown at /dev/mailbox in development only. Production adapters (SMTP, SMS gateway) send instead.
 */
export const devMessage = notificationsSchema.table(
  'dev_message',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('dev_message_recipient_idx').on(t.recipient, t.createdAt)],
);
