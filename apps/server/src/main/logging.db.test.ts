import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { buildApp, type BuiltApp } from './build-app.ts';
import { loadConfig } from '../kernel/config/config.ts';
import { loggerOptions, maskPersonalIds } from '../kernel/logger.ts';
import { createTestDatabase, type TestDatabase } from '../kernel/testing/test-database.ts';

let lines = '';
let built: BuiltApp;
let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines += chunk.toString();
      done();
    },
  });
  const logger = pino(loggerOptions('info'), sink);
  built = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database: db.database, logger });
});
after(async () => {
  await built.close();
  await db.drop();
});

describe('logs (Decree 13/2023 personal data)', () => {
  it('masks 12-digit personal IDs in request URLs and never writes authorization headers', async () => {
    await built.app.inject({ url: '/api/v1/agencies?owner=079203001234', headers: { authorization: 'Bearer secret-token-value' } });
    assert.match(lines, /request completed/);
    assert.ok(!lines.includes('079203001234'), 'the personal ID is masked');
    assert.ok(!lines.includes('secret-token-value'), 'the token is not logged');
    assert.ok(lines.includes('owner=************'));
  });

  it('masks only whole 12-digit runs', () => {
    assert.equal(maskPersonalIds('/x/079203001234/y'), '/x/************/y');
    assert.equal(maskPersonalIds('0792030012345'), '0792030012345');
    assert.equal(maskPersonalIds('code 1.000178'), 'code 1.000178');
  });
});
