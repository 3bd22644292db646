import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { DomainError } from '../../kernel/errors.ts';
import { createSmtpMailer } from './smtp-mailer.ts';
import { header, startSmtpSink, textBody, type SmtpSink } from './testing/smtp-sink.ts';

const logger = pino({ level: 'silent' });
const FROM = 'Cổng dịch vụ công <no-reply@dichvucong.example.vn>';

describe('SMTP adapter', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink({ login: { user: 'congso', pass: 'p@ss word' }, rejectRecipients: ['nobody@example.vn'] });
  });
  after(async () => sink.close());

  it('delivers a Vietnamese text e-mail through the relay, logging in with the URL credentials', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: FROM, logger });
    try {
      await mailer.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'Mã xác thực Congso', body: 'Mã xác thực của bạn là 482913.\nMã có hiệu lực trong 5 phút.' });
    } finally {
      mailer.close();
    }
    const mail = sink.received.at(-1);
    assert.ok(mail);
    assert.equal(mail.user, 'congso');
    assert.equal(mail.from, 'no-reply@dichvucong.example.vn');
    assert.deepEqual(mail.to, ['an.nguyen@example.vn']);
    assert.equal(header(mail.raw, 'Subject'), 'Mã xác thực Congso');
    assert.equal(header(mail.raw, 'From'), FROM);
    assert.equal(header(mail.raw, 'Auto-Submitted'), 'auto-generated');
    assert.match(header(mail.raw, 'Content-Type') ?? '', /^text\/plain; charset=utf-8/i);
    assert.equal(textBody(mail.raw).replace(/\r\n/g, '\n').trimEnd(), 'Mã xác thực của bạn là 482913.\nMã có hiệu lực trong 5 phút.');
  });

  it('answers a recipient the relay refuses with notifications.recipient_rejected', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: FROM, logger });
    try {
      await assert.rejects(
        mailer.notifier.send({ channel: 'email', to: 'nobody@example.vn', subject: 'x', body: 'x' }),
        (error: unknown) => error instanceof DomainError && error.kind === 'unprocessable' && error.code === 'notifications.recipient_rejected',
      );
    } finally {
      mailer.close();
    }
  });

  it('fails with notifications.email_failed (503) on wrong credentials, without leaking them', async () => {
    const lines: string[] = [];
    const capture = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const mailer = createSmtpMailer({ url: `smtp://congso:wrong-secret@127.0.0.1:${sink.port}`, from: FROM, logger: capture });
    try {
      await assert.rejects(
        mailer.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'x', body: 'Mã 111222' }),
        (error: unknown) => error instanceof DomainError && error.kind === 'unavailable' && error.code === 'notifications.email_failed',
      );
    } finally {
      mailer.close();
    }
    assert.match(lines.join(''), /EAUTH/);
    assert.doesNotMatch(lines.join(''), /wrong-secret|111222|an\.nguyen/);
  });

  it('fails with notifications.email_failed when no relay listens', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const mailer = createSmtpMailer({ url: closed.url, from: FROM, logger });
    try {
      await assert.rejects(
        mailer.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'x', body: 'x' }),
        (error: unknown) => error instanceof DomainError && error.code === 'notifications.email_failed',
      );
    } finally {
      mailer.close();
    }
  });

  it('speaks implicit TLS for smtps:// URLs', async () => {
    const tlsSink = await startSmtpSink({ secure: true });
    const mailer = createSmtpMailer({ url: tlsSink.url, from: FROM, logger });
    try {
      await mailer.notifier.send({ channel: 'email', to: 'binh.tran@example.vn', subject: 'TLS', body: 'qua TLS' });
      assert.deepEqual(tlsSink.received.map((mail) => mail.to), [['binh.tran@example.vn']]);
    } finally {
      mailer.close();
      await tlsSink.close();
    }
  });
});
