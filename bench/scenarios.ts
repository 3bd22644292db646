// What `npm run bench` measures. Requests cycle per connection, so a scenario with several requests
// measures a realistic mix rather than one cached answer.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { foldVietnamese } from '../apps/server/src/kernel/text.ts';
import { POPULAR_QUERIES } from '../apps/server/src/modules/catalog/search/popular-queries.ts';
import { filingRequest, RAW_SQL_FILING, statusRequests } from './dossier-bench.ts';

export type BenchRequest = { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

/** The running Congso server, as bench/run.ts hands it to a scenario that builds its requests. */
export type BenchServer = {
  base: string;
  /** The agency system registered for the bench (bench/congso-server.ts). */
  client: { id: string; secret: string };
  /** The personal ID of the level-2 citizen who files dossiers (password: BENCH_CITIZEN_PASSWORD). */
  citizen: string;
  /** The longest load run (warm-up or measured), in seconds: what a short-lived credential must outlive. */
  longestRunSeconds: number;
};

export type Scenario = {
  name: string;
  target?: string;
  /**
   * A list, or a function run right before each load run (warm-up, then measured) when the requests
   * carry something short-lived, such as an access token.
   */
  requests: BenchRequest[] | ((server: BenchServer) => BenchRequest[] | Promise<BenchRequest[]>);
  /** Another scenario this one is read against (run with it, and their req/s ratio printed). */
  comparedWith?: { scenario: string; label: string };
};

/**
 * 3,000 distinct queries (two or three consecutive words of real procedure names, without diacritics),
 * so nearly every request misses the answer cache and runs the index: the worst case for search.
 */
function distinctQueries(count: number): string[] {
  const lines = gunzipSync(readFileSync('data/vn-tthc-catalog/tthc_national_catalog_2026-07.jsonl.gz')).toString('utf8').split('\n');
  const queries = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const words = foldVietnamese((JSON.parse(line) as { ten_thu_tuc: string }).ten_thu_tuc).split(/[^a-z0-9]+/).filter(Boolean);
    for (let start = i % 3; start + 3 <= words.length && queries.size < count; start += 4) {
      queries.add(words.slice(start, start + 2 + (start % 2)).join(' '));
    }
  }
  return [...queries].slice(0, count);
}

const SEARCHES = POPULAR_QUERIES;
const WHOAMI_REFERENCE = 'whoami reference: public calendar day, no token (in memory)';

export const scenarios: Scenario[] = [
  {
    name: 'catalogue search (12 popular queries, typos included; answer cache warm)',
    target: '≥ 30 % of hello-world, p99 < 20 ms',
    requests: SEARCHES.map((q) => ({ path: `/api/v1/procedures?q=${encodeURIComponent(q)}&pageSize=20` })),
  },
  {
    name: 'catalogue search (3,000 distinct queries; answer cache mostly missed)',
    requests: distinctQueries(3000).map((q) => ({ path: `/api/v1/procedures?q=${encodeURIComponent(q)}&pageSize=20` })),
  },
  {
    name: 'catalogue search with a level filter',
    requests: SEARCHES.slice(0, 6).map((q) => ({ path: `/api/v1/procedures?q=${encodeURIComponent(q)}&level=commune` })),
  },
  { name: 'admin unit on a date (PostgreSQL)', requests: [{ path: '/api/v1/admin-units/25747?at=2025-03-01' }, { path: '/api/v1/admin-units/79' }] },
  {
    name: 'calendar due date (in memory)',
    requests: [{ path: '/api/v1/calendar/due?from=2026-02-13T10:00:00%2B07:00&workingDays=3' }, { path: '/api/v1/calendar/due?from=2026-11-18T15:30:00%2B07:00&workingDays=10&cutoff=15:00' }],
  },
  {
    name: 'token issuance (client credentials, RS256 JWT)',
    // Each request authenticates the client (one read of its registration) and signs a new JWT;
    // JWT access tokens are not stored by the provider, so nothing is written.
    requests: (server) => [
      {
        method: 'POST',
        path: '/oidc/token',
        headers: { authorization: basicAuth(server.client), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=api',
      },
    ],
  },
  {
    // The reference for the authenticated route below: an /api/v1 route that goes through the same
    // hooks (rate limiting, access check, metrics, Zod serialisation of a small object) and, like
    // whoami for an agency system, touches no database. /healthz would not do: it skips the rate limiter.
    name: WHOAMI_REFERENCE,
    requests: [{ path: '/api/v1/calendar/days/2026-03-02' }],
  },
  {
    name: 'whoami with a bearer token (RS256 JWT; verified once, then from the verified-token cache)',
    comparedWith: { scenario: WHOAMI_REFERENCE, label: 'authenticated request overhead (whoami req/s ÷ public calendar day req/s)' },
    requests: async (server) => [{ path: '/api/v1/auth/whoami', headers: { authorization: `Bearer ${await accessToken(server)}` } }],
  },
  {
    name: 'dossier filing (multipart with a small PDF: code, form check, attachment check, audit, outbox)',
    target: '≥ 1,000/s and ≥ 40 % of the same rows inserted directly in SQL',
    comparedWith: { scenario: RAW_SQL_FILING, label: 'dossier filing ÷ the same inserts directly in SQL' },
    requests: async (server) => [await filingRequest(server)],
  },
  {
    name: 'dossier status lookup (public: code + last 4 ID digits)',
    target: '≥ 5,000/s',
    requests: async (server) => statusRequests(server, 500),
  },
];

/** HTTP Basic client authentication as RFC 6749 §2.3.1 has it: id and secret form-encoded first. */
function basicAuth(client: BenchServer['client']): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
}

/** One client-credentials access token, which must outlive the load run it is used for. */
async function accessToken(server: BenchServer): Promise<string> {
  const response = await fetch(`${server.base}/oidc/token`, {
    method: 'POST',
    headers: { authorization: basicAuth(server.client), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api',
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`token request answered ${response.status}: ${body}`);
  const token = JSON.parse(body) as { access_token: string; expires_in: number };
  // An expired token turns every request into a cheap 401: refuse rather than measure that.
  if (token.expires_in < server.longestRunSeconds + 5) {
    throw new Error(`an access token lives ${token.expires_in} s, less than a ${server.longestRunSeconds} s load run: lower BENCH_SECONDS`);
  }
  return token.access_token;
}
