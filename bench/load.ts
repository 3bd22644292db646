// One load run with autocannon, in its own process (pinned to its own core by bench/run.ts).
// Prints the result as one JSON line.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { printLoadSummary } from './load-summary.ts';
import type { BenchRequest } from './scenarios.ts';

const [url, requestsFile, connections, seconds] = process.argv.slice(2);
if (!url || !requestsFile) throw new Error('usage: load.ts <url> <requests json file> <connections> <seconds>');
const requests = JSON.parse(readFileSync(requestsFile, 'utf8')) as BenchRequest[];
const result = await autocannon({
  url,
  connections: Number(connections ?? 50),
  duration: Number(seconds ?? 10),
  requests: requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, ...(r.headers ? { headers: r.headers } : {}), ...(r.body === undefined ? {} : { body: r.body }) })),
});
printLoadSummary(result);
