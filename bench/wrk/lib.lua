-- bench/wrk/lib.lua: what the wrk scripts of bench/ share (bench.lua for
-- bench/run, soak.lua for bench/soak): the request-list files and a small
-- JSON encoder for the one result line each script's done() prints.
-- Loaded with dofile() from the directory of the script that needs it.
local lib = {}

-- read_requests(file) -> list of {path = ..., headers = {Name = value}}.
-- One request a line: a path, optionally followed by TAB-separated
-- "Name: value" headers (e.g. If-None-Match); empty lines are skipped.
function lib.read_requests(file)
  local f = assert(io.open(file, "r"), "cannot open " .. tostring(file))
  local out = {}
  for line in f:lines() do
    if line ~= "" then
      local path, rest = line:match("^([^\t]+)\t?(.*)$")
      local headers = {}
      for name, value in rest:gmatch("([^\t:]+):%s*([^\t]*)") do headers[name] = value end
      out[#out + 1] = {path = path, headers = headers}
    end
  end
  f:close()
  assert(#out > 0, "no requests in " .. file)
  return out
end

local function quote(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\" end
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

-- json(v): numbers, strings, booleans and tables (a table with [1] is an
-- array, any other an object whose keys are written as strings, sorted).
function lib.json(v)
  local t = type(v)
  if t == "number" then
    if v == math.floor(v) and math.abs(v) < 2 ^ 53 then return string.format("%d", v) end
    return string.format("%.3f", v)
  elseif t == "string" then return quote(v)
  elseif t == "boolean" then return tostring(v)
  elseif t == "table" then
    local parts = {}
    if v[1] ~= nil then
      for _, x in ipairs(v) do parts[#parts + 1] = lib.json(x) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local x = v[k]
      if x == nil then x = v[tonumber(k)] end
      parts[#parts + 1] = quote(k) .. ":" .. lib.json(x)
    end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  return "null"
end

return lib
