-- PATCH a clause's title with If-Match: wrk -s patch-clause.lua URL -- CLAUSES_FILE
-- CLAUSES_FILE lines are "agreementId clauseId version". Each thread owns its own clauses and never
-- has two requests in flight for one clause, so If-Match always names the current version: the
-- response's ETag gives the next one. A 412 is an error, never expected.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local threads = {}
local idle, first, last = {}, 1, 0   -- FIFO of clauses with no request in flight
local clauses = {}                   -- clause id -> { agreement, version }
local sent, unexpected = 0, 0
local lost = 0

function setup(thread)
  thread:set("id", #threads + 1)
  thread:set("count", 0)
  table.insert(threads, thread)
end

function init(args)
  local lines = common.lines(args[1])
  local threadCount = tonumber(args[2])
  for i = id, #lines, threadCount do
    local agreement, clause, version = lines[i]:match("^(%S+) (%S+) (%d+)$")
    clauses[clause] = { agreement = agreement, version = version }
    last = last + 1
    idle[last] = clause
  end
end

function request()
  if first > last then
    error("patch-clause: more connections than clauses for this thread")
  end
  local clause = idle[first]
  idle[first] = nil
  first = first + 1
  local c = clauses[clause]
  sent = sent + 1
  return wrk.format("PATCH", "/v1/agreements/" .. c.agreement .. "/clauses/" .. clause, common.headers({
    ["Content-Type"] = "application/merge-patch+json",
    ["Accept"] = "application/json",
    ["If-Match"] = '"' .. c.version .. '"',
  }), '{"title":"Benchmark title ' .. sent .. '"}')
end

function response(status, headers, body)
  local clause = body:match('^{"id":"([%x-]+)"') or body:match('/clauses/([%x-]+)"')
  local etag = headers["ETag"] or headers["etag"] or headers["Etag"]
  if status ~= 200 then
    unexpected = unexpected + 1
    wrk.thread:set("unexpected", unexpected)
    if unexpected <= 3 then io.stderr:write("patch-clause: " .. status .. " " .. body:sub(1, 300) .. "\n") end
  end
  if clause and clauses[clause] then
    if status == 200 and etag then
      clauses[clause].version = etag:match('"(%d+)"')
    end
    last = last + 1
    idle[last] = clause
  else
    lost = lost + 1
  end
end

function done(summary, latency, requests)
  common.report(summary, latency, threads)
end
