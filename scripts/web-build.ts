// Builds the web app (apps/web → dist) when it is missing or older than its sources: used by
// `npm start` and by the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../apps/server/src/kernel/paths.ts';

/** Builds the web app when dist is missing or older than its sources, so a restart stays fast. */
export async function buildWebIfStale(distDir: string): Promise<boolean> {
  const indexFile = join(distDir, 'index.html');
  const webRoot = join(REPO_ROOT, 'apps/web');
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  if (existsSync(indexFile)) {
    const builtAt = statSync(indexFile).mtimeMs;
    let stale = false;
    for await (const file of glob(['src/**/*', 'index.html', 'vite.config.ts', '../../packages/contracts/src/**/*'], { cwd: webRoot })) {
      if (statSync(join(webRoot, file)).mtimeMs > builtAt) {
        stale = true;
        break;
      }
    }
    if (!stale) return false;
  }
  // npm may install vite under apps/web/node_modules or hoist it to the root: resolve it from the web app.
  const viteBin = join(dirname(createRequire(join(webRoot, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The web app build failed');
  return true;
}
