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

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).http.port, 3000);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['PORT not a number', { PORT: 'abc' }, 'PORT'],
    ['PORT out of range', { PORT: '70000' }, 'PORT'],
    ['DATABASE_URL not postgres', { DATABASE_URL: 'mysql://root:s3cret@db/x' }, 'DATABASE_URL'],
    ['NATS_URL not nats', { NATS_URL: 'http://x' }, 'NATS_URL'],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ];
  for (const [name, env, variable] of bad) {
    it(`stops on ${name} and names ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.message.includes(variable),
      );
    });
  }

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
