import type { Module, ModuleContext } from '../../kernel/module.ts';
import { mailboxRoutes } from './mailbox.routes.ts';
import { createNotificationsRepository } from './notifications.repository.ts';
import { createNotificationsService, reportDeliveryPlan } from './notifications.service.ts';

export type { Channel, Notifier, OutgoingMessage } from './notifier.ts';
export type { DevMailbox, MailboxMessage } from './dev-mailbox.ts';
export type { DeliveryPlan, NotificationsService } from './notifications.service.ts';

/** Notifications (thông báo): e-mail and SMS out of the platform; the development mailbox. */
export function createNotificationsModule(context: ModuleContext) {
  const logger = context.logger.child({ module: 'notifications' });
  const service = createNotificationsService({
    environment: context.environment,
    smtpUrl: context.notifications.smtpUrl,
    mailFrom: context.notifications.mailFrom,
    repository: createNotificationsRepository(context.database.db),
    clock: context.clock,
    logger,
  });
  reportDeliveryPlan(service.delivery, logger);
  const { mailbox } = service;
  const module: Module = {
    name: 'notifications',
    // In production the mailbox does not exist, so neither do its routes (not merely hidden).
    ...(mailbox ? { routes: mailboxRoutes(mailbox) } : {}),
    stop: () => service.close(),
    readiness: () => ({ ...service.delivery }),
  };
  return { ...module, service };
}
