import type autocannon from 'autocannon';

/** One load run's figures as the bench scripts print them: one JSON line on stdout. */
export function printLoadSummary(result: autocannon.Result): void {
  process.stdout.write(
    JSON.stringify({
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    }) + '\n',
  );
}
