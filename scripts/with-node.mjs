// Runs a command under a Node.js >= 22.12 (see ensure-node.mjs), so `npm start` and `npm test`
// work as written on a machine whose preinstalled Node is older. Plain JavaScript on purpose.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNodeBin, isRecentEnough } from './ensure-node.mjs';

const bin = ensureNodeBin();
const args = process.argv.slice(2);
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
const node = isRecentEnough() ? process.execPath : join(bin, 'node');
// Node runs our .ts files by stripping types, unflagged from 22.18; 22.12–22.17 need the flag.
const [major, minor] = (isRecentEnough() ? process.versions.node : '24.0').split('.').map(Number);
const flags = major === 22 && minor < 18 ? ['--experimental-strip-types', '--no-warnings=ExperimentalWarning'] : [];
const child = spawn(node, [...flags, ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
