-- GET a random path from a file (one path a line): wrk -s read.lua URL -- PATHS_FILE
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local threads = {}
local paths, count
local headers = common.headers({ ["Accept"] = "application/json" })

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = common.lines(args[1])
  count = #paths
  math.randomseed(os.time() + id * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(count)], headers)
end

function done(summary, latency, requests)
  common.report(summary, latency, threads)
end
