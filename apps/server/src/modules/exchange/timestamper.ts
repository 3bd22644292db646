import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../kernel/db/database.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { timestampBatch } from './exchange.schema.ts';
import { opensslVerifyToken } from './tsa/openssl-verify.ts';
import { readTimeStampResponse, timeStampRequest } from './tsa/rfc3161.ts';

const TSA_TIMEOUT_MS = 10_000;
const stripZeros = (value: Buffer) => {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
};

/**
 * Asks an RFC 3161 TSA for a token over a SHA-256 digest; checks the answer is for this request and,
 * given the TSA's CA certificate, that the TSA signed it (a forged "granted" answer from whoever sits
 * at the URL would otherwise keep the gateway open on worthless evidence).
 */
export async function requestTimeStamp(url: string, imprint: Buffer, caFile?: string): Promise<Buffer> {
  const nonce = randomBytes(8);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
    body: timeStampRequest(imprint, nonce),
    signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the TSA answered ${response.status}`);
  const token = Buffer.from(await response.arrayBuffer());
  const info = readTimeStampResponse(token);
  if (!info.granted) throw new Error('the TSA refused the request');
  if (!info.imprint.equals(imprint) || !stripZeros(info.nonce).equals(stripZeros(nonce))) throw new Error('the TSA answered for another request');
  if (caFile) {
    const complaint = await opensslVerifyToken(token, imprint.toString('hex'), caFile);
    if (complaint !== null) throw new Error(`the TSA's token does not verify against its CA certificate: ${complaint}`);
  }
  return token;
}

/**
 * Batch time-stamping of the message log (X-Road's default mode): every interval, the chain head
 * since the last batch is sent to an RFC 3161 TSA (Circular 39/2017 recommends RFC 3161) and the
 * token kept with the range it covers. One token over the head hash covers every row before it,
 * because each row hash includes its predecessor's. When stamping has been failing for longer than
 * the limit, `refusing()` turns true and the gateway fails closed (X-Road's
 * acceptable-timestamp-failure-period); the next success stamps the whole backlog at once.
 */
export function createTimestamper(deps: { db: Db; tsaUrl: () => string | undefined; tsaCaFile?: () => string | undefined; intervalMs: number; failureLimitMs: number; now: () => Date; logger: Logger }) {
  let failingSince: Date | null = null;
  let lastError: string | null = null;
  let lastStampedSeq = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  /** The chain head and the last stamped seq, as committed (shared by every instance). */
  async function progress() {
    const [head] = (await deps.db.execute(sql`select seq, hash from exchange.chain_head where id = 1`)) as unknown as { seq: string; hash: string }[];
    const [last] = (await deps.db.execute(sql`select coalesce(max(last_seq), 0) as last from exchange.timestamp_batch`)) as unknown as { last: string }[];
    return { head, headSeq: Number(head?.seq ?? 0), stampedSeq: Number(last?.last ?? 0) };
  }

  /** When the oldest row still without a time-stamp was logged: how long evidence has been missing. */
  async function unstampedSince(stampedSeq: number): Promise<Date | null> {
    const [row] = (await deps.db.execute(sql`select (extract(epoch from at) * 1000)::float8 as ms from exchange.message_log where seq = ${stampedSeq + 1}`)) as unknown as { ms: number }[];
    return row ? new Date(row.ms) : null;
  }

  async function stampOnce(): Promise<'stamped' | 'nothing' | 'failed'> {
    const { head, headSeq, stampedSeq } = await progress();
    lastStampedSeq = stampedSeq;
    if (!head || headSeq <= lastStampedSeq) {
      failingSince = null; // nothing is waiting for evidence
      return 'nothing';
    }
    try {
      const url = deps.tsaUrl();
      if (!url) throw new Error('no time-stamping authority configured');
      const token = await requestTimeStamp(url, Buffer.from(head.hash, 'hex'), deps.tsaCaFile?.());
      await deps.db
        .insert(timestampBatch)
        .values({ id: uuidv7(), firstSeq: lastStampedSeq + 1, lastSeq: headSeq, headHash: head.hash, token: token.toString('base64'), stampedAt: deps.now() })
        .onConflictDoNothing();
      lastStampedSeq = headSeq;
      if (failingSince) deps.logger.info({ lastSeq: headSeq }, 'exchange time-stamping recovered; backlog stamped');
      failingSince = null;
      lastError = null;
      return 'stamped';
    } catch (error) {
      // Failing since the first failure this process saw, or since the oldest row waiting for evidence
      // if that is earlier: a restart (or another instance) must not start the failure period afresh.
      const since = await unstampedSince(lastStampedSeq).catch(() => null);
      const first = failingSince ?? deps.now();
      failingSince = since && since < first ? since : first;
      lastError = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ err: error, failingSince }, 'exchange time-stamping failed');
      return 'failed';
    }
  }

  /** One stamping at a time in this process. */
  function stampNow(): Promise<'stamped' | 'nothing' | 'failed'> {
    const next = (running ?? Promise.resolve()).then(stampOnce, stampOnce);
    running = next.catch(() => undefined);
    return next;
  }

  return {
    stampNow,
    /**
     * Picks up where the log stands before the first call is served: rows that have waited for a
     * time-stamp longer than the limit keep the gateway closed until a stamp succeeds, as they did
     * before a restart.
     */
    async init() {
      const { headSeq, stampedSeq } = await progress();
      lastStampedSeq = stampedSeq;
      const since = headSeq > stampedSeq ? await unstampedSince(stampedSeq) : null;
      if (since && deps.now().getTime() - since.getTime() > deps.failureLimitMs) {
        failingSince = since;
        lastError = 'rows have waited for a time-stamp longer than the limit (found at start)';
      }
    },
    /** Stamps now (a backlog left by a restart should not wait an interval), then every interval. */
    start() {
      if (!timer) void stampNow().catch((error: unknown) => deps.logger.error({ err: error }, 'exchange time-stamping crashed'));
      timer ??= setInterval(() => {
        void stampNow().catch((error: unknown) => deps.logger.error({ err: error }, 'exchange time-stamping crashed'));
      }, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    /** Fail closed: stamping has failed for longer than the limit. */
    refusing(): boolean {
      return failingSince !== null && deps.now().getTime() - failingSince.getTime() > deps.failureLimitMs;
    },
    state() {
      return { failingSince: failingSince?.toISOString() ?? null, lastError, lastStampedSeq };
    },
  };
}
export type Timestamper = ReturnType<typeof createTimestamper>;
