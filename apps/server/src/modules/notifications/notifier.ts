import { DomainError, invalid } from '../../kernel/errors.ts';

export type Channel = 'email' | 'sms';

/** One message to one recipient: an e-mail address, or a phone number for SMS. */
export type OutgoingMessage = { channel: Channel; to: string; subject: string; body: string };

/**
 * The port through which the platform reaches people (one-time codes, notices). Adapters: the
 * development mailbox, SMTP for e-mail; a failing adapter where nothing is configured.
 */
export type Notifier = { send(message: OutgoingMessage): Promise<void> };

// One address only: a comma or semicolon would make an SMTP library send the same one-time code to
// several people, and angle brackets or quotes would let the caller smuggle in a display name.
const EMAIL = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/;
const MAX_EMAIL_LENGTH = 254;
// Digits with an optional +country prefix (0912345678, +84912345678); formatting is the caller's job.
const PHONE = /^\+?[0-9]{8,15}$/;
const MAX_SUBJECT_LENGTH = 200;
// SMS is billed per 153-character part; four parts hold any notice we send, a one-time code fits in one.
const MAX_SMS_LENGTH = 612;
const MAX_EMAIL_BODY_LENGTH = 100_000;

/** Checks a message at the port, whatever the adapter, so development catches what production would. */
export function checkMessage(message: OutgoingMessage): OutgoingMessage {
  const to = message.to.trim();
  if (message.channel === 'email' ? !(EMAIL.test(to) && to.length <= MAX_EMAIL_LENGTH) : !PHONE.test(to)) {
    throw invalid(
      'notifications.invalid_recipient',
      message.channel === 'email'
        ? { vi: 'Địa chỉ thư điện tử người nhận không hợp lệ.', en: 'The recipient e-mail address is not valid.' }
        : { vi: 'Số điện thoại người nhận không hợp lệ.', en: 'The recipient phone number is not valid.' },
      { channel: message.channel },
    );
  }
  // A line break in a subject would start a new mail header.
  if (/[\r\n]/.test(message.subject) || message.subject.length > MAX_SUBJECT_LENGTH) {
    throw invalid('notifications.invalid_subject', {
      vi: `Tiêu đề phải trên một dòng, tối đa ${MAX_SUBJECT_LENGTH} ký tự.`,
      en: `The subject must be one line of at most ${MAX_SUBJECT_LENGTH} characters.`,
    });
  }
  const maxBody = message.channel === 'email' ? MAX_EMAIL_BODY_LENGTH : MAX_SMS_LENGTH;
  if (message.body.trim() === '' || message.body.length > maxBody) {
    throw invalid('notifications.invalid_body', {
      vi: `Nội dung không được để trống và tối đa ${maxBody} ký tự.`,
      en: `The body must not be empty and may have at most ${maxBody} characters.`,
    });
  }
  return { channel: message.channel, to, subject: message.subject, body: message.body };
}

export const EMAIL_UNAVAILABLE = {
  vi: 'Không gửi được thư điện tử: hệ thống chưa được cấu hình máy chủ gửi thư (SMTP_URL).',
  en: 'E-mail cannot be sent: this installation has no mail relay configured (SMTP_URL).',
};

export const SMS_UNAVAILABLE = {
  vi: 'Không gửi được tin nhắn SMS: hệ thống chưa kết nối cổng tin nhắn.',
  en: 'SMS cannot be sent: this installation has no SMS gateway.',
};

/** Where nothing can deliver, sending fails loudly (503) instead of dropping a one-time code. */
export function unavailableNotifier(code: string, text: { vi: string; en: string }): Notifier {
  return {
    async send() {
      throw new DomainError('unavailable', code, text);
    },
  };
}

/** Validates each message, then hands it to the adapter for its channel. */
export function routeByChannel(adapters: Record<Channel, Notifier>): Notifier {
  return {
    async send(message) {
      const checked = checkMessage(message);
      await adapters[checked.channel].send(checked);
    },
  };
}
