import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.http.port, 3000);
    assert.equal(config.dataDir, './var');
    assert.equal(config.db.url, undefined);
    assert.equal(config.nats.url, undefined);
  });

  it('reads the trusted proxies', () => {
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).http.trustProxy, ['10.0.0.1', '10.1.0.0/16']);
    assert.deepEqual(loadConfig({}).http.trustProxy, []);
  });

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).http.port, 3000);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['PORT not a number', { PORT: 'abc' }, 'PORT'],
    ['PORT out of range', { PORT: '70000' }, 'PORT'],
    ['DATABASE_URL not postgres', { DATABASE_URL: 'mysql://root:s3cret@db/x' }, 'DATABASE_URL'],
    ['NATS_URL not nats', { NATS_URL: 'http://x' }, 'NATS_URL'],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['TRUST_PROXY not addresses', { TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    ['SMTP_URL not smtp', { SMTP_URL: 'https://mail.example.vn' }, 'SMTP_URL'],
    ['SMTP_URL without a host', { SMTP_URL: 'smtp://' }, 'SMTP_URL'],
    ['SMTP_URL not a URL', { SMTP_URL: 'mail.example.vn:587' }, 'SMTP_URL'],
    ['MAIL_FROM without an address', { MAIL_FROM: 'Congso' }, 'MAIL_FROM'],
    ['MAIL_FROM spanning lines', { MAIL_FROM: 'Congso <a@b.vn>\r\nBcc: x@y.vn' }, 'MAIL_FROM'],
    ['event retention shorter than the stream keeps messages', { EXCHANGE_EVENT_RETENTION_DAYS: '7' }, 'EXCHANGE_EVENT_RETENTION_DAYS'],
  ];
  for (const [name, env, variable] of bad) {
    it(`stops on ${name} and names ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.message.includes(variable),
      );
    });
  }

  it('reads the outgoing mail settings, with a default sender and no relay', () => {
    assert.deepEqual(loadConfig({}).mail, { smtpUrl: undefined, from: 'Congso <no-reply@congso.local>' });
    for (const url of ['smtp://127.0.0.1:2525', 'smtps://user:p%40ss@smtp.example.vn:465', 'smtp://relay.local?requireTLS=true']) {
      assert.equal(loadConfig({ SMTP_URL: url }).mail.smtpUrl, url);
    }
    assert.equal(loadConfig({ MAIL_FROM: 'no-reply@dichvucong.example.vn' }).mail.from, 'no-reply@dichvucong.example.vn');
    assert.equal(loadConfig({ MAIL_FROM: 'Cổng dịch vụ công <no-reply@example.vn>' }).mail.from, 'Cổng dịch vụ công <no-reply@example.vn>');
  });

  it('never echoes a bad SMTP_URL, which may carry a password', () => {
    assert.throws(
      () => loadConfig({ SMTP_URL: 'http://user:smtp-s3cret@mail.example.vn' }),
      (error: unknown) => error instanceof ConfigError && error.message.includes('SMTP_URL') && !error.message.includes('smtp-s3cret'),
    );
  });

  it('never echoes the value of a bad variable', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:s3cret-password@db/x' });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.ok(!error.message.includes('s3cret-password'));
    }
  });
});
