// The one-stop shop's benchmarks: filing a dossier over HTTP against the same rows inserted directly
// in SQL (the floor the database sets), and the public status lookup.
import { createHash, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { DEMO_FORM_SAMPLES } from '../apps/server/src/modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF } from '../apps/server/src/modules/dossiers/testing/fixtures.ts';
import { signIn } from '../apps/server/src/modules/identity/testing/browser-login.ts';
import type { BenchRequest, BenchServer } from './scenarios.ts';

export type LoadResult = { requestsPerSecond: number; total: number; p50: number; p90: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number };

export const BENCH_PROCEDURE = '2.000635';
const BENCH_AGENCY = 'H29.15';
export const BENCH_PORTAL = 'bench-portal';
export const BENCH_REDIRECT = 'http://127.0.0.1:9/callback';
export const BENCH_CITIZEN_PASSWORD = 'Bench-citizen-pass-Kq7w-Zt2';
export const RAW_SQL_FILING = 'dossier rows inserted directly in SQL (baseline: sequence, dossier, audit entry, outbox event, attachment)';

async function citizenToken(server: BenchServer): Promise<string> {
  const { tokens } = await signIn({ base: server.base, clientId: BENCH_PORTAL, redirectUri: BENCH_REDIRECT, personalId: server.citizen, password: BENCH_CITIZEN_PASSWORD, scope: 'openid api' });
  return tokens.access_token;
}

/** JSON with every non-ASCII character escaped, so the body survives load generators that send text. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function filingBody() {
  const submission = { agencyCode: BENCH_AGENCY, procedureCode: BENCH_PROCEDURE, formData: DEMO_FORM_SAMPLES[BENCH_PROCEDURE] };
  return multipartBody(asciiJson(submission), [{ field: 'authorisation', name: 'giay-uy-quyen.pdf', bytes: SMALL_PDF }]);
}

/** One filing request (no Idempotency-Key: every request is a new dossier). The PDF is text, so the body is. */
export async function filingRequest(server: BenchServer): Promise<BenchRequest> {
  const body = filingBody();
  return { method: 'POST', path: '/api/v1/dossiers', headers: { authorization: `Bearer ${await citizenToken(server)}`, 'content-type': body.contentType }, body: body.payload.toString('ascii') };
}

/** Files `count` dossiers, then looks them up the way the public does. */
export async function statusRequests(server: BenchServer, count: number): Promise<BenchRequest[]> {
  const token = await citizenToken(server);
  const requests: BenchRequest[] = [];
  for (let i = 0; i < count; i++) {
    const body = filingBody();
    const response = await fetch(`${server.base}/api/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, body: body.payload });
    if (response.status !== 201) throw new Error(`filing answered ${response.status}: ${await response.text()}`);
    const { code } = (await response.json()) as { code: string };
    requests.push({ path: `/api/v1/dossiers/${code}/status?idLast4=${server.citizen.slice(-4)}` });
  }
  return requests;
}

/**
 * The rows one filing writes, inserted by `connections` concurrent transactions for `seconds`: the
 * dossier, its first audit entry, the attachment, then the daily-sequence upsert (the same agency and
 * day, so the same row lock), the code and the outbox event — what the filing does, without HTTP.
 */
export async function rawSqlFilings(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const sql = postgres(url, { max: connections, onnotice: () => undefined });
  const pdf = Buffer.from(SMALL_PDF);
  const digest = createHash('sha256').update(pdf).digest('hex');
  const latencies: number[] = [];
  let errors = 0;
  const day = '2099-12-31';
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        await sql.begin(async (tx) => {
          // The same statements in the same order as a filing: the code is drawn last.
          const id = randomUUID();
          await tx`insert into dossiers.dossier (id, code, service_id, service_version, agency_code, handling_agency_code, procedure_code, owner_id, owner_kind, filed_by, channel, state, form_data, submitted_at, due_date, due_at, audit_count, audit_last_hash)
            values (${id}, null, ${randomUUID()}, 1, 'BENCH', 'BENCH', ${BENCH_PROCEDURE}, '079203001234', 'citizen', ${randomUUID()}, 'online', 'submitted', ${sql.json(DEMO_FORM_SAMPLES[BENCH_PROCEDURE] as never)}, now(), current_date + 1, now() + interval '1 day', 1, ${digest})`;
          await tx`insert into dossiers.audit_entry (dossier_id, seq, entry, prev_hash, hash) values (${id}, 1, ${sql.json({ action: 'submit', to: 'submitted' })}, ${'0'.repeat(64)}, ${digest})`;
          await tx`insert into dossiers.attachment (id, dossier_id, document_code, stored_name, media_type, size, sha256, content) values (${randomUUID()}, ${id}, 'authorisation', 'giay-uy-quyen.pdf', 'application/pdf', ${pdf.length}, ${digest}, ${pdf})`;
          const [row] = await tx<{ last: number }[]>`insert into dossiers.daily_sequence (agency_code, day, last) values ('BENCH', ${day}, 1)
            on conflict (agency_code, day) do update set last = dossiers.daily_sequence.last + 1 returning last`;
          const code = `BENCH-991231-${String(row?.last ?? 0).padStart(4, '0')}`;
          await tx`update dossiers.dossier set code = ${code} where id = ${id}`;
          await tx`insert into kernel.outbox_event (id, topic, version, aggregate_id, payload, occurred_at) values (${randomUUID()}, 'dossiers.dossier.submitted', 1, ${id}, ${sql.json({ code })}, now())`;
        });
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await sql.end({ timeout: 5 });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(3));
  return { requestsPerSecond: latencies.length / seconds, total: latencies.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), errors, timeouts: 0, non2xx: 0 };
}
