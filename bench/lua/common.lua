-- Shared by the scenario scripts: load a file of lines, and report the run as one JSON line.
local common = {}

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
