-- Shared by the scenario scripts: the bearer token, loading a file of lines, and reporting the run
-- as one JSON line.
local common = {}

-- bench/run.sh mints a token with its throw-away key and passes it in BENCH_TOKEN: the service
-- verifies tokens as in production, so every request carries one.
local token = os.getenv("BENCH_TOKEN")
assert(token and #token > 0, "BENCH_TOKEN is not set: run the scenarios through bench/run.sh")

-- The headers of a request: the given ones plus Authorization.
function common.headers(headers)
  local all = { ["Authorization"] = "Bearer " .. token }
  for name, value in pairs(headers) do all[name] = value end
  return all
end

function common.lines(path)
  local lines = {}
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  for line in file:lines() do
    if #line > 0 then lines[#lines + 1] = line end
  end
  file:close()
  assert(#lines > 0, path .. " is empty")
  return lines
end

-- wrk counts statuses > 399 as errors; scenarios that expect one status also count others.
function common.report(summary, latency, threads)
  local unexpected = 0
  for _, thread in ipairs(threads) do
    unexpected = unexpected + (tonumber(thread:get("unexpected")) or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    'BENCH-RESULT {"requests":%d,"duration_us":%d,"errors":%d,"status_errors":%d,"socket_errors":%d,' ..
    '"unexpected":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, errors + unexpected, e.status,
    e.connect + e.read + e.write + e.timeout, unexpected,
    latency:percentile(50), latency:percentile(99), latency.max))
end

return common
