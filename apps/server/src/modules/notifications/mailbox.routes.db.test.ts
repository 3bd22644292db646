import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, injectGet, moduleService, type TestApp } from '../../kernel/testing/test-app.ts';
import type { NotificationsService } from './index.ts';

let t: TestApp;
let service: NotificationsService;
before(async () => {
  t = await createTestApp();
  service = moduleService<NotificationsService>(t, 'notifications');
  await service.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'Mã xác thực Congso', body: 'Mã xác thực của bạn là 482913.' });
  await service.notifier.send({ channel: 'sms', to: '0912345678', subject: '', body: 'Ma xac thuc Congso: 735102' });
  await service.notifier.send({
    channel: 'email',
    to: 'binh.tran@example.vn',
    subject: '<img src=x onerror=alert(1)> "Thông báo"',
    body: '<script>alert("mã")</script> & <b>đậm</b>',
  });
});
after(async () => t.close());

describe('development mailbox routes', () => {
  it('keeps e-mail and SMS in the mailbox in tests (no SMTP_URL)', () => {
    assert.deepEqual(service.delivery, { email: 'mailbox', sms: 'mailbox' });
  });

  it('lists messages as JSON, newest first, not cacheable', async () => {
    const response = await t.app.inject('/dev/mailbox/messages');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const { items } = response.json<{ items: { id: string; channel: string; to: string; subject: string; body: string; createdAt: string }[] }>();
    assert.deepEqual(items.map((m) => m.to), ['binh.tran@example.vn', '0912345678', 'an.nguyen@example.vn']);
    assert.deepEqual(Object.keys(items[0] ?? {}).sort(), ['body', 'channel', 'createdAt', 'id', 'subject', 'to']);
    assert.ok(!Number.isNaN(Date.parse(items[0]?.createdAt ?? '')));
  });

  it('filters by recipient and limits, so a test can pick up the latest one-time code', async () => {
    await service.notifier.send({ channel: 'sms', to: '0912345678', subject: '', body: 'Ma xac thuc Congso: 990011' });
    const latest = await injectGet(t, '/dev/mailbox/messages?to=0912345678&limit=1');
    assert.equal(latest.status, 200);
    assert.deepEqual(latest.body.items.map((m: { body: string }) => m.body), ['Ma xac thuc Congso: 990011']);
    const both = await injectGet(t, '/dev/mailbox/messages?to=0912345678');
    assert.equal(both.body.items.length, 2);
    assert.deepEqual((await injectGet(t, '/dev/mailbox/messages?to=nobody%40example.vn')).body.items, []);
    assert.equal((await injectGet(t, '/dev/mailbox/messages?to=')).body.items.length, 4, 'a blank filter means everyone');
  });

  for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', `to=${'x'.repeat(321)}`]) {
    it(`answers ?${query.slice(0, 20)} with a 400 problem`, async () => {
      const response = await injectGet(t, `/dev/mailbox/messages?${query}`);
      assert.equal(response.status, 400);
      assert.match(response.type, /application\/problem\+json/);
      assert.equal(response.body.code, 'request.invalid');
    });
  }

  it('shows an HTML page in Vietnamese, without scripts, under the strict CSP', async () => {
    const response = await t.app.inject('/dev/mailbox');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
    assert.match(response.body, /<html lang="vi">/);
    assert.match(response.body, /Hộp thư phát triển/);
    assert.match(response.body, /Mã xác thực của bạn là 482913\./);
    assert.match(response.body, /Ma xac thuc Congso: 735102/);
    assert.match(response.body, /Thư điện tử/);
    assert.doesNotMatch(response.body, /<script/i, 'no script element, not even from a message');
  });

  it('escapes what messages contain', async () => {
    const { body } = await t.app.inject('/dev/mailbox');
    assert.ok(body.includes('&lt;script&gt;alert(&quot;mã&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;'));
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt; &quot;Thông báo&quot;'));
    assert.doesNotMatch(body, /<img|<b>/);
  });

  it('filters the page by recipient, keeping the filter in the form', async () => {
    const { statusCode, body } = await t.app.inject('/dev/mailbox?to=an.nguyen%40example.vn');
    assert.equal(statusCode, 200);
    assert.match(body, /Mã xác thực Congso/);
    assert.doesNotMatch(body, /735102|Thông báo/);
    assert.match(body, /value="an\.nguyen@example\.vn"/);
    const hostile = await t.app.inject(`/dev/mailbox?to=${encodeURIComponent('"><script>x</script>')}`);
    assert.equal(hostile.statusCode, 200);
    assert.match(hostile.body, /Chưa có thư nào/);
    assert.doesNotMatch(hostile.body, /<script/);
  });

  it('declares both routes public', () => {
    const routes = t.app.declaredRoutes.filter((route) => route.url.startsWith('/dev/'));
    assert.deepEqual(routes.map((route) => `${route.method} ${route.url} ${JSON.stringify(route.access)}`).sort(), ['GET /dev/mailbox "public"', 'GET /dev/mailbox/messages "public"']);
  });
});
