// `npm run dev`: the platform as `npm start` runs it, with its public URL on Vite's dev server, and
// Vite serving the web app with hot reload on http://localhost:5173 (it proxies /api, /oidc and /auth
// to the server, so the pages and the OpenID provider share one origin as in production).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../apps/server/src/kernel/paths.ts';

const DEV_ORIGIN = 'http://localhost:5173';
const webRoot = join(REPO_ROOT, 'apps/web');
const viteBin = join(dirname(createRequire(join(webRoot, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');

const children: ChildProcess[] = [
  spawn(process.execPath, [join(REPO_ROOT, 'scripts/start.ts')], { stdio: 'inherit', env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? DEV_ORIGIN } }),
  spawn(process.execPath, [viteBin, '--port', '5173', '--strictPort'], { stdio: 'inherit', cwd: webRoot }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
// When either stops, stop the other: a half-running dev setup only confuses.
for (const child of children) child.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
