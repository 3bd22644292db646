import { readFile } from 'node:fs/promises';
import { fromJsonLines } from './log-export.ts';
import { verifyLog, type Verification } from './log-verifier.ts';
import { opensslVerifyToken } from './tsa/openssl-verify.ts';

/**
 * exchange:verify-log: the export file checked offline (chain, signatures, imprints) and, given the
 * TSA's CA certificate, each token's signature by `openssl ts -verify` (an independent verifier).
 */
export async function verifyLogFile(path: string, options: { tsaCa?: string | undefined } = {}): Promise<Verification> {
  const data = fromJsonLines(await readFile(path, 'utf8'));
  const result = verifyLog(data);
  if (!options.tsaCa) return result;
  for (const [position, batch] of data.batches.entries()) {
    const complaint = await opensslVerifyToken(Buffer.from(batch.token, 'base64'), batch.headHash, options.tsaCa);
    if (complaint !== null) result.breaks.push({ kind: 'bad_timestamp', position, seq: batch.lastSeq, detail: `openssl ts -verify: ${complaint}` });
  }
  return { ...result, ok: result.breaks.length === 0 };
}
