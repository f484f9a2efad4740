-- POST a new clause to a random open agreement: wrk -s create-clause.lua URL -- AGREEMENTS_FILE RUN_TAG
-- References must be unique in an agreement: run tag + thread + counter makes each one new.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local threads = {}
local agreements, tag
local sent, unexpected = 0, 0
local headers = common.headers({ ["Content-Type"] = "application/json", ["Accept"] = "application/json" })
local text = string.rep("The parties shall cooperate in good faith on the matters set out in this clause. ", 5)

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  agreements = common.lines(args[1])
  tag = args[2]
  math.randomseed(os.time() + id * 7919)
end

function request()
  sent = sent + 1
  local body = '{"reference":"' .. tag .. "." .. id .. "." .. sent .. '","title":"Benchmark clause ' .. sent ..
      '","text":"' .. text .. '","topic":"security","priority":"HIGH"}'
  return wrk.format("POST", "/v1/agreements/" .. agreements[math.random(#agreements)] .. "/clauses", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
    wrk.thread:set("unexpected", unexpected)
    if unexpected <= 3 then io.stderr:write("create-clause: " .. status .. " " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  common.report(summary, latency, threads)
end
