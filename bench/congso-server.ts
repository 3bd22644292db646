// The platform as `npm start` runs it, without logs and with rate limiting out of the way
// (the load comes from one loopback address), on the database prepared by bench/run.ts.
import pino from 'pino';
import { loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { buildApp } from '../apps/server/src/main/build-app.ts';
import type { createIdentityModule } from '../apps/server/src/modules/identity/index.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: congso-server.ts <database url> [port]');
const config = loadConfig({ NODE_ENV: 'production', RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'silent', DB_POOL_MAX: '20' });
const database = connectDatabase(url, { max: config.db.poolMax });
const built = await buildApp({ config, database, logger: pino({ level: 'silent' }) });

// The agency system the identity scenarios act as (BENCH_CLIENT_ID, set by bench/run.ts only, so a
// profiling run against another database registers nothing). It is registered the way an
// administrator does it, through the identity module's service of this very app, so it goes through
// the same adapter the provider reads; its secret is shown once, on the ready line.
let client = '';
const clientId = process.env.BENCH_CLIENT_ID;
if (clientId) {
  type IdentityService = ReturnType<typeof createIdentityModule>['service'];
  const identity = built.modules.find((module) => module.name === 'identity') as { service?: IdentityService } | undefined;
  if (!identity?.service) throw new Error('the identity module has no service');
  const registered = await identity.service.registerClient({ clientId, name: 'Congso benchmark', agencyCode: 'H29', kind: 'agency_system', permissions: ['dossiers:read'] });
  if (!registered.clientSecret) throw new Error('an agency system got no client secret');
  client = ` client=${registered.clientId}:${registered.clientSecret}`;
}

await built.app.listen({ port: Number(process.argv[3] ?? 0), host: '127.0.0.1' });
const address = built.app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : ''} rss=${process.memoryUsage().rss}${client}\n`);
// Exit cleanly on a signal so `node --cpu-prof` can write its profile.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
