// Administrator's commands (npm run cli -- <command> --option value …; entry point scripts/cli.ts): agencies, officials,
// OIDC clients, password resets and signing-key rotation, on the database the server uses
// (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR while the server is stopped).
import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import pino from 'pino';
import { AgencyView } from '@congso/contracts';
import { systemClock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/config.ts';
import type { Database } from '../kernel/db/database.ts';
import { DomainError } from '../kernel/errors.ts';
import { createEventBus } from '../kernel/events/event-bus.ts';
import { createOutbox } from '../kernel/events/outbox.ts';
import type { createAgenciesModule } from '../modules/agencies/index.ts';
import type { createDossiersModule } from '../modules/dossiers/index.ts';
import { exportLog, toJsonLines, verifyLogFile } from '../modules/exchange/index.ts';
import type { createIdentityModule, Permission, Role } from '../modules/identity/index.ts';
import { describeProgress, seedSyntheticRegistries } from '../modules/registries/index.ts';
import { moduleContextOf } from './build-app.ts';
import { createModules } from './modules.ts';

export const USAGE = `Congso administration

  agencies:create  --code H29.20 --name "Sở Y tế" --name-en "Department of Health" --kind department --level province [--parent H29]
  officials:create --agency H29.15 --roles handler,leader [--unit H29.15.01] --personal-id 079… --name "…" --birth-date 1985-01-31 --sex male|female [--email …]
  clients:create   --id sotuphap-egov --name "…" --agency H29.15 --kind agency_system|web_app [--permissions dossiers:read] [--redirect-uri URL] [--post-logout-uri URL] [--backchannel-logout-uri URL]
  password:reset   --personal-id 079…
  keys:rotate
  dossiers:verify  [--code H29.25747.01-261123-0001]   (every dossier's audit hash chain, or one; exit 1 if any is broken)
  exchange:export-log --out log.jsonl [--from 2026-12-01] [--to 2026-12-02]   (message log rows, time-stamps, gateway keys)
  exchange:verify-log log.jsonl [--tsa-ca ca.pem]   (offline: hash chain, signatures, time-stamps; exit 1 on any break)
  registries:load  --persons 100000000 [--database-url postgres://…]   (the synthetic registries by COPY, with progress; serve them with REGISTRY_PERSONS set to the same size)

Passwords and client secrets are generated and printed once.`;

/** A generated password: five random words from a fixed list plus digits (NIST 800-63B length rule). */
function generatedPassword(): string {
  const words = ['sông', 'núi', 'mây', 'gió', 'lúa', 'biển', 'trăng', 'sao', 'rừng', 'đồi', 'cầu', 'thuyền', 'phố', 'làng', 'hoa', 'chè', 'cà phê', 'đèn'];
  return [...Array.from({ length: 5 }, () => words[randomInt(words.length)]), String(randomInt(100, 1000))].join(' ');
}

const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

function required(values: Record<string, string | undefined>, ...names: string[]): void {
  const missing = names.filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`missing --${missing.join(', --')}`);
}

/** exchange:verify-log needs no database: it checks an export file offline. Exit code 1 on any break. */
export async function verifyExchangeLog(file: string | undefined, tsaCa: string | undefined, print: (line: string) => void): Promise<void> {
  if (!file) throw new Error('usage: exchange:verify-log log.jsonl [--tsa-ca ca.pem]');
  const result = await verifyLogFile(file, { tsaCa });
  for (const found of result.breaks) print(`BREAK ${found.kind} at position ${found.position}${found.seq !== null ? ` (seq ${found.seq})` : ''}: ${found.detail}`);
  print(`${result.rows} rows, ${result.batches} time-stamps; stamped through seq ${result.stampedThrough ?? '-'}, ${result.unstampedRows} rows not yet stamped${tsaCa ? '; tokens checked with openssl ts -verify' : ''}.`);
  if (!result.ok) throw new Error('the message log does not verify');
  print('The message log verifies.');
}

export async function runCommand(config: Config, command: string, values: Record<string, string | undefined>, database: Database, print: (line: string) => void): Promise<void> {
  const logger = pino({ level: 'warn' });
  const modules = createModules(moduleContextOf({ config, database, logger, outbox: createOutbox(createEventBus()), clock: systemClock }));
  const service = <T>(name: string) => (modules.find((module) => module.name === name) as unknown as { service: T }).service;
  const identity = service<ReturnType<typeof createIdentityModule>['service']>('identity');
  const agencies = service<ReturnType<typeof createAgenciesModule>['service']>('agencies');

  switch (command) {
    case 'agencies:create': {
      required(values, 'code', 'name', 'name-en', 'kind', 'level');
      const input = AgencyView.pick({ code: true, name: true, nameEn: true, kind: true, level: true, parentCode: true }).parse({
        code: values.code, name: values.name, nameEn: values['name-en'], kind: values.kind, level: values.level, parentCode: values.parent ?? null,
      });
      await agencies.saveAgency(input);
      print(`Agency ${input.code} saved.`);
      return;
    }
    case 'officials:create': {
      required(values, 'agency', 'roles', 'personal-id', 'name', 'birth-date', 'sex');
      const password = generatedPassword();
      const official = await identity.appointOfficial(
        { personalId: values['personal-id'] ?? '', fullName: values.name ?? '', birthDate: values['birth-date'] ?? '', sex: values.sex === 'female' ? 'female' : 'male', password, ...(values.email ? { email: values.email } : {}) },
        { agencyCode: values.agency ?? '', unitCode: values.unit ?? null, roles: list(values.roles) as Role[] },
      );
      print(`Official ${official.fullName} (${official.id}) appointed to ${official.agencyCode}: ${official.roles.join(', ')}.`);
      print(`Initial password (shown once; if the person already had an account, their own password stays): ${password}`);
      print('Official powers need a second factor: the official enrols a passkey or an authenticator app after the first login.');
      return;
    }
    case 'clients:create': {
      required(values, 'id', 'name', 'agency', 'kind');
      await agencies.getAgency(values.agency ?? ''); // an unknown agency stops here with its own error
      const created = await identity.registerClient({
        clientId: values.id ?? '',
        name: values.name ?? '',
        agencyCode: values.agency ?? '',
        kind: values.kind === 'web_app' ? 'web_app' : 'agency_system',
        permissions: list(values.permissions) as Permission[],
        redirectUris: list(values['redirect-uri']),
        postLogoutRedirectUris: list(values['post-logout-uri']),
        ...(values['backchannel-logout-uri'] ? { backchannelLogoutUri: values['backchannel-logout-uri'] } : {}),
      });
      print(`Client ${created.clientId} registered.`);
      if (created.clientSecret) print(`Client secret (shown once): ${created.clientSecret}`);
      return;
    }
    case 'password:reset': {
      required(values, 'personal-id');
      const found = await identity.services.accounts.findByPersonalId(values['personal-id'] ?? '');
      if (!found) throw new DomainError('not_found', 'identity.account_not_found', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
      const password = generatedPassword();
      await identity.services.accounts.setPassword(found.id, password);
      print(`New password for ${found.fullName} (shown once; the account is unlocked): ${password}`);
      return;
    }
    case 'dossiers:verify': {
      const dossiers = service<ReturnType<typeof createDossiersModule>['service']>('dossiers');
      const result = await dossiers.verifyAuditChains(values.code);
      for (const broken of result.broken) {
        const verdict = broken.verdict.ok ? '' : `row ${broken.verdict.index + 1}: ${broken.verdict.problem}`;
        print(`BROKEN ${broken.code ?? '(no code)'} ${verdict}`);
      }
      print(`${result.checked} audit chains checked, ${result.broken.length} broken.`);
      if (result.broken.length > 0) throw new Error('audit chains are broken');
      return;
    }
    case 'exchange:export-log': {
      required(values, 'out');
      const at = (value: string | undefined) => (value ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value) : undefined);
      const range = { from: at(values.from), to: at(values.to) };
      if ([range.from, range.to].some((d) => d && Number.isNaN(d.getTime()))) throw new Error('--from and --to are dates (YYYY-MM-DD, Vietnam time) or ISO 8601 instants');
      const data = await exportLog(database.db, { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
      await writeFile(values.out ?? '', toJsonLines(data));
      print(`${data.rows.length} message-log rows (seq ${data.fromSeq ?? '-'}…${data.toSeq ?? '-'}), ${data.batches.length} time-stamps written to ${values.out ?? ''}.`);
      return;
    }
    case 'registries:load': {
      required(values, 'persons');
      const persons = Number(values.persons);
      const summary = await seedSyntheticRegistries(database, {
        persons,
        onProgress: (p) => print(describeProgress(p)),
      });
      print(summary.applied ? `Loaded ${summary.summary}.` : `Already loaded: ${summary.summary}.`);
      return;
    }
    case 'keys:rotate': {
      const kid = await identity.rotateSigningKey();
      print(`New signing key ${kid} is active; the previous key stays published until the tokens it signed expire.`);
      return;
    }
    default:
      throw new Error(`unknown command ${command}\n\n${USAGE}`);
  }
}
