-- bench/wrk/soak.lua: the wrk script of bench/soak, a long mixed load of
-- reads and writes that records every answer that is not 2xx or 3xx.
--
--   SOAK_RESULT=FILE wrk -t T -c C -d S -s bench/wrk/soak.lua URL -- INPUT_DIR
--
-- INPUT_DIR (bench/soak writes it) holds the request lists get.req,
-- conditional.req, filtered.req, search.req and other.req (bench/prep.py's
-- format, read by lib.lua) and soak.conf: "name value..." lines giving the
-- editor and admin keys, the run's name, the actors and sources new
-- statements name, and max_id (statement ids 1..max_id exist).
--
-- Each request is drawn at random (per thread, seeded by the thread's
-- number) from this mix, in thousandths:
--   300 GET /v1/statements/{id}, id in 1..max_id
--   150 conditional GET of a record (If-None-Match: its ETag) -> 304
--   150 filtered list (actor, topic, from, to)
--   150 search by relevance, with a limit of 10..60 (so new answers keep
--       entering the answer cache and old ones leave it)
--    50 the same searches with Cache-Control: no-cache (they run the SQL)
--   140 other reads (other.req: actors, positions, timelines, stances,
--       stats, changes, sources, ...)
--     1 a CSV export of one actor's statements on one topic
--    30 POST /v1/statements (editor key, an Idempotency-Key of its own)
--    20 PATCH of a statement this thread created, If-Match its ETag; one in
--       8 sends the ETag before its last PATCH instead: 412 by design
--     9 DELETE (admin key, If-Match) of a statement this thread created
-- A PATCH or DELETE with no created statement free to take becomes a POST.
--
-- Every request carries X-Request-Id "<thread>-<n>", which onrecord echoes:
-- response() finds what it sent by it. Every answer outside 200-399 is
-- counted per status with its method and path, except the 412s of the
-- stale PATCHes, which are counted apart as expected; a stale PATCH that is
-- accepted is counted as a failure ("stale-accepted"), as a lost update.
-- done() writes one JSON document to $SOAK_RESULT and prints it after
-- "SOAK-WRK " (bench/report.py soak reads it).
local lib = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib.lua")

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

-- Per thread (each has its own Lua state). R is read by done() with
-- thread:get, which copies only flat tables (wrk 4.1's script_copy_value
-- corrupts the stack on a nested one), so its keys are TAB-joined:
--   "k<TAB>kind<TAB>status" answers of each kind and status
--   "b<TAB>status<TAB>what" unexpected answers, by "METHOD path"
--   "e<TAB>status<TAB>what" answers expected by design
--   "o<TAB>b|e<TAB>status"  answers past MAX_PATHS distinct paths
--   "t<TAB>status<TAB>i"    the first bodies of unexpected answers
--   unmatched, created, deleted, inflight_post, inflight_delete
R = {unmatched = 0, created = 0, deleted = 0, inflight_post = 0, inflight_delete = 0}
local npaths = {} -- "b|e<TAB>status" -> distinct paths kept
local nbodies = {} -- status -> bodies kept
local lists = {}
local conf = {}
local pending = {} -- X-Request-Id -> what was sent
local created = {} -- statements this thread created and has not deleted: {id, etag, prev, busy, idx}
local seq = 0
local MAX_PATHS = 40 -- distinct paths kept per status and thread
local MAX_BODIES = 3 -- bodies kept per status and thread

local function read_conf(file)
  local f = assert(io.open(file, "r"), "cannot open " .. file)
  for line in f:lines() do
    local name, rest = line:match("^(%S+)%s*(.*)$")
    if name then
      local words = {}
      for w in rest:gmatch("%S+") do words[#words + 1] = w end
      conf[name] = words
    end
  end
  f:close()
  for _, k in ipairs({"editor", "admin", "run", "actors", "sources", "max_id"}) do
    assert(conf[k] and conf[k][1], "soak.conf lacks " .. k)
  end
end

function init(args)
  local dir = assert(args[1], "usage: ... -- INPUT_DIR")
  read_conf(dir .. "/soak.conf")
  for _, name in ipairs({"get", "conditional", "filtered", "search", "other", "export"}) do
    lists[name] = lib.read_requests(dir .. "/" .. name .. ".req")
  end
  math.randomseed(7919 * (thread_no or 1))
end

local function pick(list) return list[math.random(#list)] end

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

-- A created statement no request of this thread is working on, or nil.
local function free_record()
  if #created == 0 then return nil end
  for _ = 1, 6 do
    local rec = created[math.random(#created)]
    if not rec.busy then return rec end
  end
  return nil
end

local function forget(rec)
  local last = created[#created]
  created[rec.idx] = last
  last.idx = rec.idx
  created[#created] = nil
end

local function bump(key, n) R[key] = (R[key] or 0) + n end

local function post_request(headers)
  local n = seq
  local body = string.format(
    '{"actor":%s,"said_on":"2025-%02d-%02d","kind":"direct_quote","language":"en",' ..
    '"summary":"Soak statement %s-%d-%d","reports":[{"source":%d,"wording":"Soak wording %d."}]}',
    lib.json(pick(conf.actors)), math.random(12), math.random(28), conf.run[1], thread_no or 1, n,
    tonumber(pick(conf.sources)), n)
  headers["Authorization"] = "Bearer " .. conf.editor[1]
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = string.format("soak-%s-%d-%d", conf.run[1], thread_no or 1, n)
  return "POST", "/v1/statements", body, {kind = "post"}
end

function request()
  seq = seq + 1
  local rid = string.format("%d-%d", thread_no or 1, seq)
  local r = math.random(1000)
  local method, path, body, p = "GET", nil, nil, nil
  local headers = {}
  if r <= 300 then
    path, p = "/v1/statements/" .. math.random(tonumber(conf.max_id[1])), {kind = "get"}
  elseif r <= 450 then
    local q = pick(lists.conditional)
    path, headers, p = q.path, copy(q.headers), {kind = "conditional"}
  elseif r <= 600 then
    path, p = pick(lists.filtered).path, {kind = "filtered"}
  elseif r <= 750 then
    path = pick(lists.search).path:gsub("limit=50", "limit=" .. math.random(10, 60))
    p = {kind = "search"}
  elseif r <= 800 then
    path, p = pick(lists.search).path, {kind = "search-no-cache"}
    headers["Cache-Control"] = "no-cache"
  elseif r <= 940 then
    path, p = pick(lists.other).path, {kind = "other"}
  elseif r <= 941 then
    path, p = pick(lists.export).path, {kind = "export"}
  elseif r <= 971 then
    method, path, body, p = post_request(headers)
  else
    local rec = free_record()
    if not rec then
      method, path, body, p = post_request(headers)
    elseif r <= 991 then
      method, path = "PATCH", "/v1/statements/" .. rec.id
      body = string.format('{"summary":"Soak edit %s-%d-%d"}', conf.run[1], thread_no or 1, seq)
      headers["Authorization"] = "Bearer " .. conf.editor[1]
      headers["Content-Type"] = "application/merge-patch+json"
      local stale = rec.prev ~= nil and math.random(8) == 1
      headers["If-Match"] = stale and rec.prev or rec.etag
      p = {kind = stale and "patch-stale" or "patch", rec = rec}
      rec.busy = true
    else
      method, path = "DELETE", "/v1/statements/" .. rec.id
      headers["Authorization"] = "Bearer " .. conf.admin[1]
      headers["If-Match"] = rec.etag
      p = {kind = "delete", rec = rec}
      rec.busy = true
    end
  end
  headers["X-Request-Id"] = rid
  p.what = method .. " " .. path
  if p.kind == "post" or p.kind == "delete" then bump("inflight_" .. p.kind, 1) end
  pending[rid] = p
  return wrk.format(method, path, headers, body)
end

local function header(headers, name)
  local v = headers[name]
  if v then return v end
  local lower = name:lower()
  for k, x in pairs(headers) do
    if k:lower() == lower then return x end
  end
  return nil
end

-- note(tag, status, what, body): one more answer with this status, "b"
-- (unexpected) or "e" (expected by design).
local function note(tag, status, what, body)
  local key = tag .. "\t" .. status .. "\t" .. what
  local kept = tag .. "\t" .. status
  if R[key] then
    bump(key, 1)
  elseif (npaths[kept] or 0) < MAX_PATHS then
    npaths[kept] = (npaths[kept] or 0) + 1
    bump(key, 1)
  else
    bump("o\t" .. kept, 1)
  end
  if body and (nbodies[status] or 0) < MAX_BODIES then
    nbodies[status] = (nbodies[status] or 0) + 1
    R["t\t" .. status .. "\t" .. nbodies[status]] = body:sub(1, 400)
  end
end

function response(status, headers, body)
  local rid = header(headers, "X-Request-Id")
  local p = rid and pending[rid]
  if p then
    pending[rid] = nil
  else
    bump("unmatched", 1)
    p = {kind = "unmatched", what = "?"}
  end
  if p.kind == "post" or p.kind == "delete" then bump("inflight_" .. p.kind, -1) end
  bump("k\t" .. p.kind .. "\t" .. status, 1)

  local ok = status >= 200 and status < 400
  local rec = p.rec
  if p.kind == "post" and status == 201 then
    local id = (header(headers, "Location") or ""):match("/v1/statements/(%d+)")
    if id then
      created[#created + 1] = {id = id, etag = header(headers, "ETag"), idx = #created + 1}
      bump("created", 1)
    end
  elseif rec then
    rec.busy = false
    if p.kind == "patch" and status == 200 then
      rec.prev, rec.etag = rec.etag, header(headers, "ETag")
    elseif p.kind == "delete" and status == 204 then
      forget(rec)
      bump("deleted", 1)
    end
  end

  if p.kind == "patch-stale" then
    if status == 412 then
      note("e", status, "stale If-Match (sent on purpose): " .. p.what, nil)
    else
      -- a stale If-Match must never be accepted: that would lose an update
      note("b", ok and ("stale-accepted-" .. status) or status, p.what, body)
    end
  elseif not ok then
    note("b", status, p.what, body)
  end
end

local function entry(tbl, status)
  local e = tbl[status]
  if not e then
    e = {count = 0, paths = {}, other_paths = 0, bodies = {}}
    tbl[status] = e
  end
  return e
end

function done(summary, latency, requests)
  local out = {kinds = {}, bad = {}, expected = {}, unmatched = 0, created = 0, deleted = 0,
               inflight = {post = 0, delete = 0}}
  for _, t in ipairs(threads) do
    for key, v in pairs(t:get("R") or {}) do
      local tag, a, b = key:match("^(%a)\t([^\t]*)\t(.*)$")
      if tag == "k" then
        out.kinds[a] = out.kinds[a] or {}
        out.kinds[a][b] = (out.kinds[a][b] or 0) + v
      elseif tag == "b" or tag == "e" then
        local e = entry(tag == "b" and out.bad or out.expected, a)
        e.count = e.count + v
        e.paths[b] = (e.paths[b] or 0) + v
      elseif tag == "o" then
        local e = entry(a == "b" and out.bad or out.expected, b)
        e.count = e.count + v
        e.other_paths = e.other_paths + v
      elseif tag == "t" then
        local e = entry(out.bad, a)
        if #e.bodies < 5 then e.bodies[#e.bodies + 1] = v end
      elseif key:match("^inflight_") then
        local k = key:sub(10)
        out.inflight[k] = out.inflight[k] + v
      elseif out[key] then
        out[key] = out[key] + v
      end
    end
  end
  local e = summary.errors
  out.requests, out.duration_us, out.bytes = summary.requests, summary.duration, summary.bytes
  out.socket_errors = {connect = e.connect, read = e.read, write = e.write, timeout = e.timeout}
  out.wrk_status_errors = e.status
  out.latency_us = {p50 = latency:percentile(50), p90 = latency:percentile(90),
                    p99 = latency:percentile(99), max = latency.max, mean = latency.mean}
  local text = lib.json(out)
  local file = os.getenv("SOAK_RESULT")
  if file and file ~= "" then
    local f = assert(io.open(file, "w"))
    f:write(text, "\n")
    f:close()
  end
  io.write("SOAK-WRK ", text, "\n")
end
