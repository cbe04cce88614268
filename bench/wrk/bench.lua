-- bench/wrk/bench.lua: the wrk script for every HTTP measurement of bench/run.
--
--   wrk -t T -c C -d S -s bench/wrk/bench.lua URL -- REQUESTS_FILE [EXPECT]
--
-- REQUESTS_FILE holds one request per line: a path, optionally followed by
-- TAB-separated "Name: value" headers (e.g. If-None-Match). Each wrk thread
-- cycles through the lines from its own starting offset, so every side of a
-- comparison sends the same mix. EXPECT is the status that counts as
-- expected: "2xx" (default: any 200-299) or a number such as 304; responses
-- with any other status are counted as "unexpected".
--
-- done() prints exactly one machine-readable line, which bench/report.py
-- reads (nothing parses wrk's own text output):
--   BENCH-WRK {"requests":..,"duration_us":..,"connect":..,"read":..,"write":..,
--              "status":..,"timeout":..,"unexpected":..,"p50_us":..,"p99_us":..,...}

local lib = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib.lua")

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

local requests = {}
local nreq = 0
local pos = 0
local expect = nil -- nil: any 2xx
unexpected = 0
statuses = {}

function init(args)
  if args[2] and args[2] ~= "2xx" then expect = tonumber(args[2]) end
  for _, r in ipairs(lib.read_requests(args[1])) do
    nreq = nreq + 1
    requests[nreq] = wrk.format("GET", r.path, r.headers)
  end
  -- spread the threads' starting points over the list
  pos = ((thread_no or 1) - 1) * math.floor(nreq / 7 + 1) % nreq
end

function request()
  pos = pos % nreq + 1
  return requests[pos]
end

function response(status, headers, body)
  local ok
  if expect then ok = (status == expect) else ok = (status >= 200 and status < 300) end
  if not ok then
    unexpected = unexpected + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, reqs)
  local bad, seen = 0, {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("unexpected") or 0)
    local st = t:get("statuses")
    if st then
      for code, n in pairs(st) do seen[code] = (seen[code] or 0) + n end
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-WRK {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,' ..
    '"write":%d,"status":%d,"timeout":%d,"unexpected":%d,"unexpected_statuses":%s,' ..
    '"p50_us":%.1f,"p90_us":%.1f,"p99_us":%.1f,"max_us":%.1f,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, bad, lib.json(seen),
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
