import { z } from 'zod';
import { PUBLIC } from '../../kernel/http/access.ts';
import { problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { DevMailbox } from './dev-mailbox.ts';
import { renderMailboxPage } from './mailbox-page.ts';

const PAGE_SIZE = 100;

// An empty `to` (the filter form submitted blank) means every recipient.
const Recipient = z
  .string()
  .trim()
  .max(320)
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const MailboxMessageView = z
  .object({
    id: z.uuid(),
    channel: z.enum(['email', 'sms']),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'MailboxMessage' });

const MailboxMessages = z.object({ items: z.array(MailboxMessageView) });

/**
 * The development mailbox: what the platform would have sent, readable by people (HTML) and by tests
 * or scripts (JSON), e.g. to pick up a one-time code. Registered only outside production.
 */
export function mailboxRoutes(mailbox: DevMailbox) {
  return (app: App) => {
    app.get(
      '/dev/mailbox',
      { config: PUBLIC, schema: { hide: true, querystring: z.object({ to: Recipient }) } },
      async (request, reply) => {
        const messages = await mailbox.list({ to: request.query.to, limit: PAGE_SIZE });
        // The page shows one-time codes: no cache anywhere may keep it.
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMailboxPage(messages, request.query.to));
      },
    );
    app.get(
      '/dev/mailbox/messages',
      {
        config: PUBLIC,
        schema: {
          tags: ['development'],
          summary: 'Development mailbox: messages kept instead of sent, newest first (absent in production)',
          querystring: z.object({ to: Recipient, limit: z.coerce.number().int().min(1).max(PAGE_SIZE).default(20) }),
          response: { 200: MailboxMessages, ...problemResponses },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { items: await mailbox.list({ to: request.query.to, limit: request.query.limit }) };
      },
    );
  };
}
