-- Usage metering. The log phase adds bytes sent and the status class (requests are their sum) per site per
-- minute to a shared dict (no I/O on the request path). One timer in worker 0 moves the counts
-- to Redis in batches; a batch carries an id and Redis applies each id once, so a batch whose
-- answer was lost is simply sent again. While Redis is down the batch waits and new counts keep
-- adding up in the dict; counts that find the dict full go to overflow counters, flushed too.
local cjson = require "cjson.safe"
local keys = require "keys"
local config = require "edge_config"
local redis_conn = require "redis_conn"
local insights = require "insights"

local M = {}

local counters = ngx.shared.pm_usage
local pending = ngx.shared.pm_pending
local state = ngx.shared.pm_state

-- Adds n to a counter without ever evicting another one (safe_add fails instead of evicting).
local function bump(key, n)
  local value, err = counters:incr(key, n)
  if value then return true end
  if err ~= "not found" then return false end
  local ok, add_err = counters:safe_add(key, n)
  if ok then return true end
  if add_err == "exists" then return counters:incr(key, n) ~= nil end
  return false
end

local last_second, last_minute = -1, nil
local get_var = require("vars").get
local floor = math.floor

-- The counter keys of `route` in `minute`, made once per route and minute rather than per request.
local function counter_keys(route, minute)
  local base = route.usage_base .. minute .. "|"
  local k = { minute = minute, bytes = base .. "bytes", other = base .. "other" }
  for class = 1, 5 do k[class] = base .. class .. "xx" end
  route.usage_keys = k
  return k
end

-- Two atomic adds a request: its status class and its bytes. Its request count is the sum of the
-- classes, worked out when the counts leave for Redis (take_batch), not a third add here.
function M.log()
  local route = ngx.ctx.route
  if not route then return end
  local now = ngx.time()
  if now ~= last_second then last_second, last_minute = now, keys.minute(now) end
  local k = route.usage_keys
  if not k or k.minute ~= last_minute then k = counter_keys(route, last_minute) end
  local bytes = tonumber(get_var("bytes_sent")) or 0
  if not bump(k[floor(ngx.status / 100)] or k.other, 1) then counters:incr(keys.OVERFLOW_REQUESTS, 1, 0) end
  if bytes > 0 and not bump(k.bytes, bytes) then counters:incr(keys.OVERFLOW_BYTES, bytes, 0) end
  insights.log(route, ngx.status, bytes)
end

-- The log phase of a request the WAF refused: nginx's error_page handed it to our page's location,
-- which dropped its Lua context, so its site is looked up again in the worker's route cache (it
-- is there: the request was routed a moment ago). Refused requests count as the site's requests,
-- as the limiter's 429 answers do.
function M.log_blocked()
  local entry = require("router").peek(get_var("host") or "")
  if not entry or entry.missing then return end
  ngx.ctx.route = entry.route
  return M.log()
end

-- Applies a batch once (by id), beats the instance heartbeat, returns month totals.
local FLUSH = [[
local p, id, raw, inst, now, ttl, month = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local applied = 0
if raw ~= '' and redis.call('SET', p .. '~batch:' .. id, '1', 'NX', 'EX', 604800) then
  applied = 1
  local b = cjson.decode(raw)
  for _, e in ipairs(b.b) do
    local slug, sid, minute, f = e[1], e[2], e[3], e[4]
    local k = p .. slug .. ':' .. minute
    for name, n in pairs(f) do redis.call('HINCRBY', k, name, n) end
    if sid ~= '' then redis.call('HSET', k, 'site_id', sid) end
    redis.call('SADD', p .. '~index', k)
    local mk = p .. '~month:' .. slug .. ':' .. string.sub(minute, 1, 6)
    if f.requests then redis.call('HINCRBY', mk, 'requests', f.requests) end
    if f.bytes then redis.call('HINCRBY', mk, 'bytes', f.bytes) end
    redis.call('EXPIRE', mk, 3456000)
  end
  for name, n in pairs(b.o) do redis.call('HINCRBY', p .. '~overflow', name, n) end
end
redis.call('ZADD', p .. '~edges', now, inst)
redis.call('ZREMRANGEBYSCORE', p .. '~edges', '-inf', now - ttl)
local out = {applied, redis.call('ZCARD', p .. '~edges')}
for i = 8, #ARGV do
  local v = redis.call('HMGET', p .. '~month:' .. ARGV[i] .. ':' .. month, 'requests', 'bytes')
  out[#out + 1] = ARGV[i]
  out[#out + 1] = v[1] or '0'
  out[#out + 1] = v[2] or '0'
end
return out
]]

-- The same, unless a backup is reading the usage keys (P~hold, hosting/backup/redis_state.py): then
-- nothing is applied, and the batch waits here for the next flush (Redis is not down for that).
local FLUSH_UNLESS_HELD = "if redis.call('EXISTS', ARGV[1] .. '~hold') == 1 then return {-1} end\n" .. FLUSH

-- Moves counts from the dict into a new pending batch; returns true when there is one.
local function take_batch(max_keys)
  local entries, index, overflow, taken = {}, {}, {}, {}
  local count = 0
  local current = keys.minute(ngx.time())
  for _, key in ipairs(counters:get_keys(0)) do
    local value = counters:get(key)
    if key == keys.OVERFLOW_REQUESTS or key == keys.OVERFLOW_BYTES then
      if value and value > 0 then
        overflow[string.match(key, "|(.*)$")] = string.format("%d", value)
        taken[#taken + 1] = { key, value }
      end
    else
      local slug, site_id, minute, field = keys.parse_counter(key)
      if slug and value and value > 0 then
        local id = slug .. ":" .. minute
        local entry = index[id]
        if not entry then
          if count >= max_keys then break end
          count = count + 1
          entry = { slug, site_id, minute, {} }
          index[id] = entry
          entries[#entries + 1] = entry
        end
        local fields = entry[4]
        fields[field] = value
        if field ~= "bytes" then fields.requests = (fields.requests or 0) + value end -- a status class
        taken[#taken + 1] = { key, value }
      elseif slug and value == 0 and minute < current then
        counters:delete(key) -- an old minute never counts again; free its slot
      end
    end
  end
  if #taken == 0 then return false end
  for _, entry in ipairs(entries) do
    for name, n in pairs(entry[4]) do entry[4][name] = string.format("%d", n) end
  end
  local seq = pending:incr("seq", 1, 0)
  local batch = cjson.encode({ b = entries, o = overflow })
  local id = config.get().instance .. ":" .. ngx.time() .. ":" .. seq
  local ok, err = pending:safe_set("batch", batch)
  if not ok then
    ngx.log(ngx.ERR, "pagemagic edge: cannot hold a usage batch: ", err)
    return false
  end
  pending:set("id", id)
  for _, t in ipairs(taken) do counters:incr(t[1], -t[2]) end
  return true
end

local active = {} -- slug -> last time its usage was flushed (quota totals are refreshed for these)

local function remember_active(raw)
  local batch = cjson.decode(raw)
  if not batch then return end
  local now = ngx.now()
  for _, e in ipairs(batch.b) do active[e[1]] = now end
end

-- Returns true when Redis took the batch, "held" while a backup holds the counts still, or nil and
-- the error. A worker's last flush at shutdown (`final`) does not wait for a backup: its counts
-- would otherwise be lost with the worker.
local function send(final)
  local c = config.get()
  local raw, id = pending:get("batch"), pending:get("id")
  raw, id = raw or "", id or ""
  if raw ~= "" then remember_active(raw) end
  local now = ngx.now()
  local args = { c.usage_prefix, id, raw, c.instance, string.format("%.3f", now),
                 tostring(c.flush_interval * 3 + 1), keys.month(now) }
  for slug, seen in pairs(active) do
    if now - seen > 120 then active[slug] = nil else args[#args + 1] = slug end
  end
  local red, err = redis_conn.connect()
  if not red then return nil, err end
  local res, eval_err = red:eval(final and FLUSH or FLUSH_UNLESS_HELD, 0, unpack(args))
  if not res then red:close(); return nil, eval_err end
  redis_conn.release(red)
  if res[1] == -1 then return "held" end
  if raw ~= "" then pending:delete("batch"); pending:delete("id") end
  state:set("instances", tonumber(res[2]) or 1)
  local month = keys.month(now)
  for i = 3, #res, 3 do
    state:set("q:" .. res[i], month .. "|" .. res[i + 1] .. "|" .. res[i + 2])
  end
  return true
end

local running = false

function M.flush(premature)
  if running then return end
  running = true
  local ok, err = pcall(function()
    local c = config.get()
    if not pending:get("batch") then take_batch(c.batch_max_keys) end
    local sent, send_err = send(premature)
    if sent == "held" then
      return
    elseif sent then
      redis_conn.mark_up()
    else
      state:set("instances", 1) -- unknown: each instance enforces the full rate itself
      redis_conn.mark_down(send_err, c.flush_interval)
    end
  end)
  running = false
  if not ok then ngx.log(ngx.ERR, "pagemagic edge: usage flush failed: ", err) end
  if premature then return end
end

function M.init()
  counters:safe_add(keys.OVERFLOW_REQUESTS, 0)
  counters:safe_add(keys.OVERFLOW_BYTES, 0)
end

function M.start()
  if ngx.worker.id() ~= 0 then return end
  local ok, err = ngx.timer.every(config.get().flush_interval, M.flush)
  if not ok then ngx.log(ngx.ERR, "pagemagic edge: cannot start the usage flusher: ", err) end
end

return M
