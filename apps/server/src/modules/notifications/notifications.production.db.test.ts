import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { createTestApp, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import type { NotificationsService } from './index.ts';
import { header, startSmtpSink, type SmtpSink } from './testing/smtp-sink.ts';

// The whole application as it runs in production (NODE_ENV=production).

describe('notifications in production without SMTP_URL', () => {
  let t: TestApp;
  let service: NotificationsService;
  before(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', EXCHANGE_TSA_URL: 'http://127.0.0.1:9/tsa' } });
    service = moduleService<NotificationsService>(t, 'notifications');
  });
  after(async () => t.close());

  it('has no mailbox: its routes do not exist and are not documented', async () => {
    assert.equal(service.mailbox, undefined);
    for (const url of ['/dev/mailbox', '/dev/mailbox/messages', '/dev/mailbox/messages?to=0912345678']) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().code, 'route.not_found');
    }
    assert.deepEqual(t.app.declaredRoutes.filter((route) => route.url.startsWith('/dev/')), []);
    const paths = Object.keys((await t.app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>().paths);
    assert.deepEqual(paths.filter((path) => path.startsWith('/dev/')), []);
  });

  it('refuses to send e-mail, with a clear 503 error in Vietnamese and English', async () => {
    await assert.rejects(service.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'Mã xác thực', body: 'Mã: 482913' }), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.kind, 'unavailable');
      assert.equal(error.code, 'notifications.email_unavailable');
      assert.match(error.text.vi, /thư điện tử/);
      assert.match(error.text.en, /SMTP_URL/);
      return true;
    });
  });

  it('refuses to send SMS: there is no gateway adapter', async () => {
    await assert.rejects(
      service.notifier.send({ channel: 'sms', to: '0912345678', subject: '', body: 'Ma: 482913' }),
      (error: unknown) => error instanceof DomainError && error.kind === 'unavailable' && error.code === 'notifications.sms_unavailable',
    );
  });

  it('keeps nothing in the mailbox table and reports the plan in readiness', async () => {
    const rows = await t.db.database.sql`select count(*)::int as n from notifications.dev_message`;
    assert.equal(rows[0]?.n, 0);
    const ready = await t.app.inject('/readyz');
    assert.deepEqual(ready.json().checks.notifications, { email: 'unavailable', sms: 'unavailable' });
  });
});

describe('notifications in production with SMTP_URL', () => {
  let t: TestApp;
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { NODE_ENV: 'production', EXCHANGE_TSA_URL: 'http://127.0.0.1:9/tsa', SMTP_URL: sink.url, MAIL_FROM: 'Cổng dịch vụ công <no-reply@dichvucong.example.vn>' } });
  });
  after(async () => {
    await t.close();
    await sink.close();
  });

  it('sends e-mail through the relay from MAIL_FROM', async () => {
    const service = moduleService<NotificationsService>(t, 'notifications');
    assert.deepEqual(service.delivery, { email: 'smtp', sms: 'unavailable' });
    await service.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'Mã xác thực', body: 'Mã: 482913' });
    const mail = sink.received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['an.nguyen@example.vn']);
    assert.equal(header(mail.raw, 'From'), 'Cổng dịch vụ công <no-reply@dichvucong.example.vn>');
    assert.equal(header(mail.raw, 'Subject'), 'Mã xác thực');
  });
});
