import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Checks an RFC 3161 time-stamp response with `openssl ts -verify`: the TSA's signature chains to the
 * CA certificate in `caFile` and the token covers `digestHex`. Resolves with null when it verifies,
 * else with openssl's first line of complaint.
 */
export async function opensslVerifyToken(token: Buffer, digestHex: string, caFile: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'congso-ts-verify-'));
  try {
    const file = join(dir, 'token.tsr');
    await writeFile(file, token);
    await run('openssl', ['ts', '-verify', '-in', file, '-digest', digestHex, '-CAfile', caFile]);
    return null;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0] ?? 'failed';
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
