import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { DomainError } from '../../kernel/errors.ts';
import { checkMessage, routeByChannel, type OutgoingMessage } from './notifier.ts';
import { planDelivery, reportDeliveryPlan } from './notifications.service.ts';

const email = (to: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ channel: 'email', to, subject: 'Mã xác thực', body: 'Mã: 123456', ...extra });
const sms = (to: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ channel: 'sms', to, subject: '', body: 'Ma xac thuc: 123456', ...extra });
const rejectsWith = (code: string) => (error: unknown) => error instanceof DomainError && error.kind === 'invalid' && error.code === code;

describe('checkMessage', () => {
  it('accepts one e-mail address or one phone number, trimmed', () => {
    assert.equal(checkMessage(email(' an.nguyen@example.vn ')).to, 'an.nguyen@example.vn');
    assert.equal(checkMessage(sms('0912345678')).to, '0912345678');
    assert.equal(checkMessage(sms('+84912345678')).to, '+84912345678');
  });

  for (const to of ['', 'an.nguyen', 'a@b@c', 'a@example.vn, b@example.vn', 'a@example.vn;b@example.vn', 'An <a@example.vn>', 'a b@example.vn', `${'a'.repeat(250)}@example.vn`]) {
    it(`refuses the e-mail recipient ${JSON.stringify(to.slice(0, 40))}`, () => {
      assert.throws(() => checkMessage(email(to)), rejectsWith('notifications.invalid_recipient'));
    });
  }

  for (const to of ['', '091 234 5678', '12345', 'an.nguyen@example.vn', '+84-912345678']) {
    it(`refuses the SMS recipient ${JSON.stringify(to)}`, () => {
      assert.throws(() => checkMessage(sms(to)), rejectsWith('notifications.invalid_recipient'));
    });
  }

  it('refuses a subject that would start a new mail header, and an empty or oversized body', () => {
    assert.throws(() => checkMessage(email('a@example.vn', { subject: 'Mã\r\nBcc: x@example.vn' })), rejectsWith('notifications.invalid_subject'));
    assert.throws(() => checkMessage(email('a@example.vn', { subject: 'x'.repeat(201) })), rejectsWith('notifications.invalid_subject'));
    assert.throws(() => checkMessage(email('a@example.vn', { body: '  \n' })), rejectsWith('notifications.invalid_body'));
    assert.throws(() => checkMessage(sms('0912345678', { body: 'x'.repeat(613) })), rejectsWith('notifications.invalid_body'));
    assert.equal(checkMessage(email('a@example.vn', { body: 'x'.repeat(613) })).body.length, 613);
  });
});

describe('routeByChannel', () => {
  it('hands each checked message to the adapter for its channel', async () => {
    const sent: string[] = [];
    const notifier = routeByChannel({
      email: { send: async (message) => void sent.push(`email ${message.to}`) },
      sms: { send: async (message) => void sent.push(`sms ${message.to}`) },
    });
    await notifier.send(email(' a@example.vn'));
    await notifier.send(sms('0912345678'));
    await assert.rejects(notifier.send(sms('not a number')), rejectsWith('notifications.invalid_recipient'));
    assert.deepEqual(sent, ['email a@example.vn', 'sms 0912345678']);
  });
});

describe('planDelivery', () => {
  it('uses SMTP for e-mail whenever configured, the mailbox outside production, and nothing in production', () => {
    assert.deepEqual(planDelivery('development', undefined), { email: 'mailbox', sms: 'mailbox' });
    assert.deepEqual(planDelivery('test', 'smtp://127.0.0.1:2525'), { email: 'smtp', sms: 'mailbox' });
    assert.deepEqual(planDelivery('production', 'smtps://relay.example.vn'), { email: 'smtp', sms: 'unavailable' });
    assert.deepEqual(planDelivery('production', undefined), { email: 'unavailable', sms: 'unavailable' });
  });

  it('warns at boot about what production cannot deliver', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    reportDeliveryPlan(planDelivery('production', undefined), logger);
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    assert.deepEqual(entries.map((entry) => entry.level), [40, 40]);
    assert.match(entries[0]?.msg ?? '', /e-mail is not configured \(SMTP_URL is unset\)/);
    assert.match(entries[1]?.msg ?? '', /no SMS gateway/);

    lines.length = 0;
    reportDeliveryPlan(planDelivery('production', 'smtps://relay.example.vn'), logger);
    assert.equal(lines.filter((line) => line.includes('e-mail')).length, 0);
  });
});
