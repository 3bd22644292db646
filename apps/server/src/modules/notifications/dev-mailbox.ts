import type { Logger } from 'pino';
import type { Clock } from '../../kernel/clock.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { Channel, Notifier } from './notifier.ts';
import type { NotificationsRepository } from './notifications.repository.ts';

/** A message as the development mailbox shows it. */
export type MailboxMessage = { id: string; channel: Channel; to: string; subject: string; body: string; createdAt: string };

export type DevMailbox = {
  /** The adapter: keeps each message instead of sending it. */
  notifier: Notifier;
  /** Newest first, optionally for one recipient (exact address or number, as sent). */
  list(filter: { to?: string | undefined; limit: number }): Promise<MailboxMessage[]>;
};

/** The development adapter: messages go to notifications.dev_message, read at /dev/mailbox. */
export function createDevMailbox(deps: { repository: NotificationsRepository; clock: Clock; logger: Logger }): DevMailbox {
  const { repository, clock, logger } = deps;
  return {
    notifier: {
      async send(message) {
        const id = uuidv7();
        await repository.insert({ id, channel: message.channel, recipient: message.to, subject: message.subject, body: message.body, createdAt: clock.now() });
        // Neither the recipient nor the body: a body may hold a one-time code.
        logger.info({ channel: message.channel, messageId: id }, 'message kept in the development mailbox (/dev/mailbox)');
      },
    },
    async list(filter) {
      const to = filter.to?.trim();
      const rows = await repository.listNewest({ ...(to ? { recipient: to } : {}), limit: filter.limit });
      return rows.map((row) => ({
        id: row.id,
        channel: row.channel,
        to: row.recipient,
        subject: row.subject,
        body: row.body,
        createdAt: row.createdAt.toISOString(),
      }));
    },
  };
}
