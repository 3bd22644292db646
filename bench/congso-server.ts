// The platform as `npm start` runs it, without logs and with rate limiting out of the way
// (the load comes from one loopback address), on the database prepared by bench/run.ts.
import pino from 'pino';
import { loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { findFreePort } from '../apps/server/src/kernel/db/embedded.ts';
import { buildApp } from '../apps/server/src/main/build-app.ts';
import { seedDemoAgencies } from '../apps/server/src/modules/agencies/index.ts';
import { DEMO_SERVICES, type createDossiersModule } from '../apps/server/src/modules/dossiers/index.ts';
import type { createIdentityModule } from '../apps/server/src/modules/identity/index.ts';
import { syntheticResident } from '../apps/server/src/modules/registries/index.ts';
import { BENCH_CITIZEN_PASSWORD, BENCH_PORTAL, BENCH_PROCEDURE, BENCH_REDIRECT } from './dossier-bench.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: congso-server.ts <database url> [port]');
// The port is chosen first so the public URL (the OpenID issuer the portal signs in with) is right.
const port = Number(process.argv[3] ?? 0) || (await findFreePort());
// NODE_ENV=test, not production: production cookies are Secure and the bench's plain-HTTP sign-in
// (for the filing citizen's token) would not get them; the request paths measured are the same.
const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'silent', DB_POOL_MAX: '20', PUBLIC_URL: `http://127.0.0.1:${port}` });
const database = connectDatabase(url, { max: config.db.poolMax });
// BENCH_WEB_DIST: serve the built web app too (the page-budget benchmark).
const built = await buildApp({ config, database, logger: pino({ level: 'silent' }), ...(process.env.BENCH_WEB_DIST ? { webDistDir: process.env.BENCH_WEB_DIST } : {}) });

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

  // The one-stop shop: the demo agencies, one demo service, a portal and a level-2 citizen who files.
  type DossiersService = ReturnType<typeof createDossiersModule>['service'];
  const dossiers = built.modules.find((module) => module.name === 'dossiers') as { service?: DossiersService } | undefined;
  if (!dossiers?.service) throw new Error('the dossiers module has no service');
  await seedDemoAgencies(database.db);
  const service = DEMO_SERVICES.find((definition) => definition.procedureCode === BENCH_PROCEDURE);
  if (!service) throw new Error(`no demo service ${BENCH_PROCEDURE}`);
  await dossiers.service.enableService('platform', service);
  await identity.service.registerClient({ clientId: BENCH_PORTAL, name: 'Congso benchmark portal', agencyCode: null, kind: 'web_app', redirectUris: [BENCH_REDIRECT] });
  const resident = syntheticResident(5000);
  const citizen = await identity.service.registerCitizen({ personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password: BENCH_CITIZEN_PASSWORD });
  await identity.service.services.verification.verifyIdentity(citizen.id, null);
  client += ` citizen=${resident.personalId}`;
}

await built.app.listen({ port, host: '127.0.0.1' });
const address = built.app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : ''} rss=${process.memoryUsage().rss}${client}\n`);
// Exit cleanly on a signal so `node --cpu-prof` can write its profile.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
