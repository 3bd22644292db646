import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import { DomainError } from '../../kernel/errors.ts';
import type { Notifier } from './notifier.ts';

export type SmtpMailer = { notifier: Notifier; close(): void };

const RECIPIENT_REJECTED = {
  vi: 'Máy chủ thư từ chối địa chỉ người nhận.',
  en: 'The mail server rejected the recipient address.',
};
const EMAIL_FAILED = {
  vi: 'Không gửi được thư điện tử lúc này. Vui lòng thử lại sau.',
  en: 'The e-mail could not be sent right now. Please try again later.',
};

/**
 * E-mail through an SMTP relay given as a URL (smtp:// or smtps://, credentials and nodemailer
 * options such as ?requireTLS=true in it). Connections are pooled: one-time codes come in bursts.
 */
export function createSmtpMailer(deps: { url: string; from: string; logger: Logger }): SmtpMailer {
  const transport = createTransport({
    url: deps.url,
    pool: true,
    maxConnections: 3,
    // A request waiting on a silent relay must not hang: fail within seconds, the caller may retry.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    notifier: {
      async send(message) {
        try {
          const info = await transport.sendMail({
            from: deps.from,
            to: message.to,
            subject: message.subject,
            text: message.body,
            // RFC 3834: out-of-office robots must not answer a one-time code.
            headers: { 'auto-submitted': 'auto-generated' },
          });
          deps.logger.info({ channel: 'email', messageId: info.messageId }, 'e-mail handed to the SMTP relay');
        } catch (error) {
          const { code, responseCode, command } = error as { code?: unknown; responseCode?: unknown; command?: unknown };
          // The error text may quote the recipient; the codes say enough to diagnose.
          deps.logger.warn({ channel: 'email', code, responseCode, command }, 'SMTP relay did not accept the e-mail');
          if (code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500) {
            throw new DomainError('unprocessable', 'notifications.recipient_rejected', RECIPIENT_REJECTED);
          }
          throw new DomainError('unavailable', 'notifications.email_failed', EMAIL_FAILED);
        }
      },
    },
    close() {
      transport.close();
    },
  };
}
