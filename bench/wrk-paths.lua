-- wrk script: cycles through the request paths listed (one per line) in $BENCH_PATHS and prints
-- the result as one JSON line (latencies in milliseconds).
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local i = 0

request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requestsPerSecond":%.1f,"total":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"errors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors - summary.errors.timeout, summary.errors.timeout, summary.errors.status))
end
