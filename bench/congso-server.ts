// The platform as `npm start` runs it, without logs and with rate limiting out of the way
// (the load comes from one loopback address), on the database prepared by bench/run.ts.
import pino from 'pino';
import { loadConfig } from '../apps/server/src/kernel/config/config.ts';
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts';
import { buildApp } from '../apps/server/src/main/build-app.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: congso-server.ts <database url> [port]');
const config = loadConfig({ NODE_ENV: 'production', RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'silent', DB_POOL_MAX: '20' });
const database = connectDatabase(url, { max: config.db.poolMax });
const built = await buildApp({ config, database, logger: pino({ level: 'silent' }) });
await built.app.listen({ port: Number(process.argv[3] ?? 0), host: '127.0.0.1' });
const address = built.app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : ''} rss=${process.memoryUsage().rss}\n`);
// Exit cleanly on a signal so `node --cpu-prof` can write its profile.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
