import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { fixedClock } from '../../kernel/clock.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { createDevMailbox, type DevMailbox } from './dev-mailbox.ts';
import { createNotificationsRepository } from './notifications.repository.ts';
import { devMessage } from './notifications.schema.ts';

let db: TestDatabase;
let mailbox: DevMailbox;
before(async () => {
  db = await createTestDatabase();
  mailbox = createDevMailbox({
    repository: createNotificationsRepository(db.database.db),
    // One instant for every message: the order must still be the order of sending.
    clock: fixedClock('2026-03-02T08:30:00+07:00'),
    logger: pino({ level: 'silent' }),
  });
});
after(async () => db.drop());

describe('development mailbox adapter', () => {
  it('keeps each message as a row of notifications.dev_message', async () => {
    await mailbox.notifier.send({ channel: 'email', to: 'an.nguyen@example.vn', subject: 'Mã xác thực', body: 'Mã: 482913' });
    const rows = await db.database.db.select().from(devMessage).where(eq(devMessage.recipient, 'an.nguyen@example.vn'));
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.ok(row);
    assert.match(row.id, UUID_PATTERN);
    assert.equal(row.id[14], '7', 'a UUID version 7');
    assert.equal(row.channel, 'email');
    assert.equal(row.subject, 'Mã xác thực');
    assert.equal(row.body, 'Mã: 482913');
    assert.equal(row.createdAt.toISOString(), '2026-03-02T01:30:00.000Z');
  });

  it('lists newest first, for one recipient or all, up to the limit', async () => {
    await mailbox.notifier.send({ channel: 'sms', to: '0912345678', subject: '', body: 'Ma xac thuc: 111111' });
    await mailbox.notifier.send({ channel: 'sms', to: '0912345678', subject: '', body: 'Ma xac thuc: 222222' });
    await mailbox.notifier.send({ channel: 'email', to: 'binh.tran@example.vn', subject: 'Thông báo', body: 'Hồ sơ đã được tiếp nhận.' });

    const forPhone = await mailbox.list({ to: '0912345678', limit: 10 });
    assert.deepEqual(forPhone.map((m) => m.body), ['Ma xac thuc: 222222', 'Ma xac thuc: 111111']);
    assert.deepEqual(forPhone[0], { ...forPhone[0], channel: 'sms', to: '0912345678', subject: '', createdAt: '2026-03-02T01:30:00.000Z' });

    const all = await mailbox.list({ limit: 10 });
    assert.deepEqual(all.map((m) => m.to), ['binh.tran@example.vn', '0912345678', '0912345678', 'an.nguyen@example.vn']);
    assert.equal((await mailbox.list({ limit: 2 })).length, 2);
    assert.deepEqual(await mailbox.list({ to: 'nobody@example.vn', limit: 10 }), []);
    assert.equal((await mailbox.list({ to: '  ', limit: 10 })).length, 4, 'a blank filter means everyone');
  });
});
