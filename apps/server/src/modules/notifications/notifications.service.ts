import type { Logger } from 'pino';
import type { Clock } from '../../kernel/clock.ts';
import type { Environment } from '../../kernel/config/config.ts';
import { createDevMailbox, type DevMailbox } from './dev-mailbox.ts';
import { EMAIL_UNAVAILABLE, routeByChannel, SMS_UNAVAILABLE, unavailableNotifier, type Notifier } from './notifier.ts';
import type { NotificationsRepository } from './notifications.repository.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** Which adapter serves each channel. */
export type DeliveryPlan = Readonly<{ email: 'smtp' | 'mailbox' | 'unavailable'; sms: 'mailbox' | 'unavailable' }>;

/**
 * E-mail goes to the SMTP relay whenever one is configured. Without one, and for SMS (no gateway
 * adapter yet), development and tests keep messages in the mailbox; production refuses to send,
 * because a one-time code silently kept in a table nobody reads is worse than a clear error.
 */
export function planDelivery(environment: Environment, smtpUrl: string | undefined): DeliveryPlan {
  const production = environment === 'production';
  return {
    email: smtpUrl ? 'smtp' : production ? 'unavailable' : 'mailbox',
    sms: production ? 'unavailable' : 'mailbox',
  };
}

/** Tells the operator at boot what will not be delivered, rather than at the first citizen's login. */
export function reportDeliveryPlan(plan: DeliveryPlan, logger: Logger): void {
  if (plan.email === 'unavailable') {
    logger.warn('e-mail is not configured (SMTP_URL is unset): sending e-mail will fail with notifications.email_unavailable');
  }
  if (plan.sms === 'unavailable') {
    logger.warn('no SMS gateway adapter: sending SMS will fail with notifications.sms_unavailable');
  }
  if (plan.email === 'mailbox' || plan.sms === 'mailbox') {
    logger.info({ email: plan.email, sms: plan.sms }, 'messages are kept in the development mailbox at /dev/mailbox');
  }
}

export type NotificationsService = {
  notifier: Notifier;
  delivery: DeliveryPlan;
  /** The development mailbox; absent in production. */
  mailbox: DevMailbox | undefined;
  close(): Promise<void>;
};

export function createNotificationsService(deps: {
  environment: Environment;
  smtpUrl: string | undefined;
  mailFrom: string;
  repository: NotificationsRepository;
  clock: Clock;
  logger: Logger;
}): NotificationsService {
  const delivery = planDelivery(deps.environment, deps.smtpUrl);
  const mailbox = deps.environment === 'production' ? undefined : createDevMailbox(deps);
  const smtp = deps.smtpUrl ? createSmtpMailer({ url: deps.smtpUrl, from: deps.mailFrom, logger: deps.logger }) : undefined;
  const email = smtp?.notifier ?? mailbox?.notifier ?? unavailableNotifier('notifications.email_unavailable', EMAIL_UNAVAILABLE);
  const sms = mailbox?.notifier ?? unavailableNotifier('notifications.sms_unavailable', SMS_UNAVAILABLE);
  return {
    notifier: routeByChannel({ email, sms }),
    delivery,
    mailbox,
    async close() {
      smtp?.close();
    },
  };
}
