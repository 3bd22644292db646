// What `npm run bench` measures. Requests cycle per connection, so a scenario with several paths
// measures a realistic mix rather than one cached answer.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { foldVietnamese } from '../apps/server/src/kernel/text.ts';
import { POPULAR_QUERIES } from '../apps/server/src/modules/catalog/search/popular-queries.ts';

export type Scenario = { name: string; requests: { path: string }[]; target?: string };

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
];
