-- wrk script: cycles through the requests listed in $BENCH_REQUESTS, one a line, tab-separated:
-- method, path, body (may be empty), then any headers as "name: value". Prints the result as one
-- JSON line (latencies in milliseconds).
local requests = {}
local i = 0

-- Bodies come escaped (\\, \r, \n, \t) so that a multipart body fits on one line.
local function unescape(body)
  return (body:gsub("\\(.)", function(c)
    if c == "n" then return "\n" elseif c == "r" then return "\r" elseif c == "t" then return "\t" else return c end
  end))
end

local function fields(line)
  local found = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do found[#found + 1] = field end
  return found
end

-- Runs in each thread once wrk has set the Host header; every request is formatted here, once,
-- so the load generator does no more work per request for a POST with headers than for a GET.
init = function(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local f = fields(line)
    local headers = {}
    for k = 4, #f do
      local name, value = f[k]:match("^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    requests[#requests + 1] = wrk.format(f[1], f[2], headers, f[3] ~= "" and unescape(f[3]) or nil)
  end
end

request = function()
  i = i + 1
  if i > #requests then i = 1 end
  return requests[i]
end

-- wrk counts responses with a status of 400 or more in errors.status (reported as non2xx).
done = function(summary, latency)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requestsPerSecond":%.1f,"total":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"errors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors - summary.errors.timeout, summary.errors.timeout, summary.errors.status))
end
