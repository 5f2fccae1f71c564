-- Site analytics (docs/dashboard-insights.md): per site per UTC day, requests by status class, bytes,
-- page views (HTML answers to GET), top pages, referring hosts and unique visitors.
--
-- A visitor is an anonymous hash of address and user agent with a salt that changes every UTC day
-- and is kept only in Redis, which erases it within 48 hours of its making: no cookie, nothing stored
-- on the visitor's device, and once the salt is gone no hash can be traced back to an address. The
-- hashes themselves leave this dict only into a Redis HyperLogLog (which keeps no hash either).
--
-- Like usage.lua: counts add up in a shared dict of their own (pm_insights, so analytics can never
-- crowd out billing's counters); worker 0's timer moves them to Redis in batches applied once by id.
local cjson = require "cjson.safe"
local config = require "edge_config"
local redis_conn = require "redis_conn"
local get_var = require("vars").get

local M = {}

local counts = ngx.shared.pm_insights
local pending = ngx.shared.pm_pending
local state = ngx.shared.pm_state
local floor, sub, lower, match = math.floor, string.sub, string.lower, string.match

local MAX_PATH, MAX_HOST = 200, 100
M.MAX_DISTINCT = 500 -- pages (or referrers) kept per site per day; the rest add up under "~other"
M.KEEP_SECONDS = 259200 -- the day's keys outlive the day by two more, for the rollup to read them

function M.day(epoch) return os.date("!%Y%m%d", epoch) end

-- "slug|site_id|day|kind|value": kinds c (status class), b (bytes), p (page), r (referrer), v (visitor).
local function key(route, day, kind, value)
  return route.slug .. "|" .. (route.site_id or "") .. "|" .. day .. "|" .. kind .. "|" .. value
end

function M.parse(k)
  return match(k, "^([^|]+)|([^|]*)|(%d+)|(%a)|(.*)$")
end

local function bump(k, n)
  local value, err = counts:incr(k, n)
  if value or err ~= "not found" then return end
  local ok, add_err = counts:safe_add(k, n)
  if not ok and add_err == "exists" then counts:incr(k, n) end
  -- a full dict drops analytics, never billing (its own dict)
end

-- The referring host, unless it is the site itself (a visitor moving between its own pages).
function M.referrer_host(referer, host)
  if not referer then return nil end
  local found = match(referer, "^[%a][%w+.-]*://([^/:?#@]+)")
  if not found then return nil end
  found = lower(sub(found, 1, MAX_HOST))
  if found == lower(host or "") then return nil end
  return found
end

function M.log(route, status, bytes)
  local now = ngx.time()
  local day = M.day(now)
  local class = floor(status / 100)
  bump(key(route, day, "c", (class >= 1 and class <= 5) and (class .. "xx") or "other"), 1)
  if bytes > 0 then bump(key(route, day, "b", ""), bytes) end
  if status >= 400 or get_var("request_method") ~= "GET" then return end
  local content_type = get_var("sent_http_content_type") or ""
  if sub(content_type, 1, 9) ~= "text/html" then return end
  bump(key(route, day, "p", sub(get_var("uri") or "/", 1, MAX_PATH)), 1)
  local ref = M.referrer_host(get_var("http_referer"), get_var("host"))
  if ref then bump(key(route, day, "r", ref), 1) end
  local salt = state:get("salt:" .. day)
  if salt then -- known within one flush of start-up; tomorrow's is fetched a day ahead
    local visitor = sub(ngx.md5(salt .. (get_var("remote_addr") or "") .. "\0" .. (get_var("http_user_agent") or "")), 1, 16)
    counts:safe_add(key(route, day, "v", visitor), 1)
  end
end

-- Applies a batch once, then makes sure today's and tomorrow's salts exist and returns them.
local APPLY = [[
local p, id, raw, keep, d1, d2, s1, s2, most = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8], tonumber(ARGV[9])
if raw ~= '' and redis.call('SET', p .. '~ins~batch:' .. id, '1', 'NX', 'EX', 604800) then
  for _, e in ipairs(cjson.decode(raw)) do
    local base = p .. '~ins:' .. e.s .. ':' .. e.d
    for name, n in pairs(e.c) do redis.call('HINCRBY', base, name, n) end
    if e.i ~= '' then redis.call('HSET', base, 'site_id', e.i) end
    for kind, list in pairs({pages = e.p, refs = e.r}) do
      local k = base .. ':' .. kind
      for name, n in pairs(list) do
        if redis.call('HEXISTS', k, name) == 0 and redis.call('HLEN', k) >= most then name = '~other' end
        redis.call('HINCRBY', k, name, n)
      end
      redis.call('EXPIRE', k, keep)
    end
    if #e.v > 0 then redis.call('PFADD', base .. ':uv', unpack(e.v)) end
    redis.call('EXPIRE', base .. ':uv', keep)
    redis.call('EXPIRE', base, keep)
    redis.call('SADD', p .. '~ins~days', e.s .. ':' .. e.d)
  end
end
redis.call('SET', p .. '~ins~salt:' .. d1, s1, 'NX', 'EX', 172800)
redis.call('SET', p .. '~ins~salt:' .. d2, s2, 'NX', 'EX', 172800)
return {redis.call('GET', p .. '~ins~salt:' .. d1), redis.call('GET', p .. '~ins~salt:' .. d2)}
]]

local function fresh_salt()
  local file = io.open("/dev/urandom", "rb")
  if not file then return ngx.md5(ngx.now() .. ngx.worker.pid()) end
  local bytes = file:read(16)
  file:close()
  return ngx.encode_base64(bytes)
end

-- Moves counts from the dict into a pending batch (JSON); nothing when there is nothing to send.
local function take_batch(max_keys)
  local entries, index, taken = {}, {}, {}
  for _, k in ipairs(counts:get_keys(max_keys)) do
    local value = counts:get(k)
    local slug, site_id, day, kind, name = M.parse(k)
    if slug and value and value > 0 then
      local id = slug .. ":" .. day
      local e = index[id]
      if not e then
        e = { s = slug, i = site_id, d = day, c = {}, p = {}, r = {}, v = {} }
        index[id] = e
        entries[#entries + 1] = e
      end
      if kind == "c" then
        e.c[name] = value
        e.c.requests = (e.c.requests or 0) + value
      elseif kind == "b" then e.c.bytes = value
      elseif kind == "p" then e.p[name] = value; e.c.views = (e.c.views or 0) + value
      elseif kind == "r" then e.r[name] = value
      elseif kind == "v" then e.v[#e.v + 1] = name end
      taken[#taken + 1] = { k, value, kind }
    elseif value == 0 then
      counts:delete(k)
    end
  end
  if #taken == 0 then return false end
  for _, e in ipairs(entries) do
    for _, list in ipairs({ e.c, e.p, e.r }) do
      for name, n in pairs(list) do list[name] = string.format("%d", n) end
    end
    -- cjson writes an empty table as {}; the script reads them with pairs()/# either way
  end
  local seq = pending:incr("ins_seq", 1, 0)
  local ok = pending:safe_set("ins_batch", cjson.encode(entries))
  if not ok then return false end
  pending:set("ins_id", config.get().instance .. ":" .. ngx.time() .. ":" .. seq)
  for _, t in ipairs(taken) do
    if t[3] == "v" then counts:delete(t[1]) else counts:incr(t[1], -t[2]) end
  end
  return true
end

local function send()
  local c = config.get()
  local raw, id = pending:get("ins_batch") or "", pending:get("ins_id") or ""
  local now = ngx.time()
  local today, tomorrow = M.day(now), M.day(now + 86400)
  local red, err = redis_conn.connect()
  if not red then return nil, err end
  local res, eval_err = red:eval(APPLY, 0, c.usage_prefix, id, raw, tostring(M.KEEP_SECONDS), today, tomorrow,
    fresh_salt(), fresh_salt(), tostring(M.MAX_DISTINCT))
  if not res then red:close(); return nil, eval_err end
  redis_conn.release(red)
  if raw ~= "" then pending:delete("ins_batch"); pending:delete("ins_id") end
  if type(res[1]) == "string" then state:set("salt:" .. today, res[1], 172800) end
  if type(res[2]) == "string" then state:set("salt:" .. tomorrow, res[2], 172800) end
  return true
end

function M.flush()
  local ok, err = pcall(function()
    if not pending:get("ins_batch") then take_batch(2000) end
    local sent, send_err = send()
    if not sent then ngx.log(ngx.WARN, "pagemagic edge: analytics wait for Redis: ", send_err) end
  end)
  if not ok then ngx.log(ngx.ERR, "pagemagic edge: analytics flush failed: ", err) end
end

function M.start()
  if ngx.worker.id() ~= 0 then return end
  ngx.timer.at(0, M.flush) -- the salts at once, so the first visitors are counted
  local ok, err = ngx.timer.every(config.get().flush_interval, M.flush)
  if not ok then ngx.log(ngx.ERR, "pagemagic edge: cannot start the analytics flusher: ", err) end
end

return M
