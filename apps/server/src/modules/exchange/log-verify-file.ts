import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromJsonLines } from './log-export.ts';
import { verifyLog, type Verification } from './log-verifier.ts';

const run = promisify(execFile);

/**
 * exchange:verify-log: the export file checked offline (chain, signatures, imprints) and, given the
 * TSA's CA certificate, each token's signature by `openssl ts -verify` (an independent verifier).
 */
export async function verifyLogFile(path: string, options: { tsaCa?: string | undefined } = {}): Promise<Verification> {
  const data = fromJsonLines(await readFile(path, 'utf8'));
  const result = verifyLog(data);
  if (!options.tsaCa) return result;
  const dir = await mkdtemp(join(tmpdir(), 'congso-ts-verify-'));
  try {
    for (const [position, batch] of data.batches.entries()) {
      const file = join(dir, `${position}.tsr`);
      await writeFile(file, Buffer.from(batch.token, 'base64'));
      try {
        await run('openssl', ['ts', '-verify', '-in', file, '-digest', batch.headHash, '-CAfile', options.tsaCa]);
      } catch (error) {
        const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0] ?? 'failed';
        result.breaks.push({ kind: 'bad_timestamp', position, seq: batch.lastSeq, detail: `openssl ts -verify: ${detail}` });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { ...result, ok: result.breaks.length === 0 };
}
