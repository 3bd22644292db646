import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../kernel/config/config.ts';
import { createTestDatabase, type TestDatabase } from '../kernel/testing/test-database.ts';
import { runCommand } from './cli.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.drop());

async function run(command: string, values: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  await runCommand(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), command, values, t.database, (line) => lines.push(line));
  return lines;
}

describe('administration CLI', () => {
  it('creates an agency, appoints an official, registers a client, resets a password and rotates keys', async () => {
    assert.match((await run('agencies:create', { code: 'H29.20', name: 'Sở Y tế', 'name-en': 'Department of Health', kind: 'department', level: 'province' }))[0] ?? '', /H29.20 saved/);
    const appointed = await run('officials:create', { agency: 'H29.20', roles: 'handler,leader', unit: 'H29.20.01', 'personal-id': '001085012345', name: 'Phạm Quốc Bảo', 'birth-date': '1985-03-03', sex: 'male' });
    assert.match(appointed[0] ?? '', /appointed to H29.20: handler, leader/);
    assert.match(appointed[1] ?? '', /Initial password/);
    const client = await run('clients:create', { id: 'soyte-his', name: 'HIS Sở Y tế', agency: 'H29.20', kind: 'agency_system', permissions: 'dossiers:read' });
    assert.match(client[1] ?? '', /Client secret \(shown once\): \S{20,}/);
    assert.match((await run('password:reset', { 'personal-id': '001085012345' }))[0] ?? '', /New password/);
    assert.match((await run('keys:rotate', {}))[0] ?? '', /New signing key/);
  });

  it('refuses an official for an unknown agency and a client without its options', async () => {
    await assert.rejects(run('officials:create', { agency: 'H29.99', roles: 'handler', 'personal-id': '001085054321', name: 'Lê Văn Tâm', 'birth-date': '1985-03-03', sex: 'male' }), { code: 'agencies.not_found' });
    await assert.rejects(run('clients:create', { id: 'x-system' }), /missing --name/);
  });

  it('verifies the audit chains, and fails on a broken one', async () => {
    assert.match((await run('dossiers:verify', {})).at(-1) ?? '', /audit chains checked, 0 broken/);
    await assert.rejects(run('dossiers:verify', { code: 'H29-261123-0001' }), { code: 'dossiers.not_found' });
  });
});
