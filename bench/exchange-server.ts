// The platform for the gateway benchmark (bench/exchange-gateway.ts): as bench/congso-server.ts, plus an
// agency system that may read the registries both directly and through the gateway, its client
// subsystem (quotas out of the way) and an access right to the population registry's person service.
import pino from 'pino';
import type { Caller } from '../apps/server/src/kernel/http/access.ts';
import { loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { findFreePort } from '../apps/server/src/kernel/db/embedded.ts';
import { buildApp } from '../apps/server/src/main/build-app.ts';
import type { createExchangeModule } from '../apps/server/src/modules/exchange/index.ts';
import type { createIdentityModule } from '../apps/server/src/modules/identity/index.ts';

export const GATEWAY_CLIENT = 'VN/GOV/H29.15/bench-client';
export const PERSON_SERVICE = 'VN/GOV/G01/population-registry/person';

const url = process.argv[2];
if (!url) throw new Error('usage: exchange-server.ts <database url>');
const port = await findFreePort();
const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'silent', DB_POOL_MAX: '20', PUBLIC_URL: `http://127.0.0.1:${port}` });
const database = connectDatabase(url, { max: config.db.poolMax });
const built = await buildApp({ config, database, logger: pino({ level: 'silent' }) });
const service = <T>(name: string) => (built.modules.find((module) => module.name === name) as { service?: T } | undefined)?.service ?? (() => { throw new Error(`no ${name} service`); })();
const identity = service<ReturnType<typeof createIdentityModule>['service']>('identity');
const exchange = service<ReturnType<typeof createExchangeModule>['service']>('exchange');

const clientId = `bench-exchange-${process.pid}`;
const registered = await identity.registerClient({ clientId, name: 'Gateway benchmark', agencyCode: 'H29.15', kind: 'agency_system', permissions: ['registries:read', 'exchange:call'] });
// The administrators' steps, done as agency systems holding exchange:manage for their own agency.
const admin = (agencyCode: string) => ({ kind: 'client', subject: 'bench', agencyCode, permissions: ['exchange:manage'] }) as Caller;
await exchange.administration.saveSubsystem(admin('H29.15'), 'H29.15', 'bench-client', { memberName: 'Sở Tư pháp', name: 'Benchmark client', clientId, signingKey: null, quotaPerMinute: 1_000_000, quotaPerDay: 100_000_000 });
await exchange.administration.grant(admin('G01'), { clientSubsystemId: GATEWAY_CLIENT, serviceId: PERSON_SERVICE, mayDeferDisclosure: false });

await built.app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`ready ${port} client=${registered.clientId}:${registered.clientSecret ?? ''}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
