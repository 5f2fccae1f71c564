-- Host -> site from the Redis route table (hosting/routes.py), cached per worker for a short,
-- settable time. While Redis is unreachable, the last known route keeps serving (stale cache).
--
-- A cached entry carries what every request of the site needs, worked out once per fetch
-- rather than per request: the endpoints parsed, the plan's limits as numbers (lua/plan.lua),
-- and the usage counter key prefix.
local cjson = require "cjson.safe"
local lrucache = require "resty.lrucache"
local config = require "edge_config"
local redis_conn = require "redis_conn"
local endpoints = require "endpoints"
local plan = require "plan"

local M = {}

local cache = assert(lrucache.new(20000))

-- One round trip: host key -> site key -> the plan's limits key.
local LOOKUP = [[
local h = redis.call('GET', KEYS[1])
if not h then return false end
local ok, d = pcall(cjson.decode, h)
if not ok or type(d) ~= 'table' or type(d.slug) ~= 'string' then return false end
local site = redis.call('GET', ARGV[1] .. 'site:' .. d.slug)
if not site then return false end
local limits = false
local ok2, s = pcall(cjson.decode, site)
if ok2 and type(s) == 'table' and s.plan ~= nil then
  limits = redis.call('GET', ARGV[1] .. 'limits:' .. tostring(s.plan))
end
return {site, limits or ''}
]]

local MISSING = { missing = true }

-- The entry of a route: {route=, limits=, plan=, waf=} (route gains peers= and usage_base=).
function M.entry(route, limits)
  if type(route.endpoints) ~= "table" then route.endpoints = {} end
  local peers = {}
  for i, ep in ipairs(route.endpoints) do
    local host, port = endpoints.parse(tostring(ep))
    peers[i] = host and { host, port } or false
  end
  route.peers = peers
  route.usage_base = route.slug .. "|" .. tostring(route.site_id or "") .. "|"
  -- waf: the plan puts the site behind the WAF (billing/edge_limits.py, hosting/edge/waf.py)
  local waf = type(limits) == "table" and limits.waf == true
  return { route = route, limits = limits, plan = plan.new(route.slug, limits), waf = waf }
end

local function fetch(host)
  local c = config.get()
  local red, err = redis_conn.connect()
  if not red then return nil, err end
  local res, eval_err = red:eval(LOOKUP, 1, c.route_prefix .. "host:" .. host, c.route_prefix)
  if not res then red:close(); return nil, eval_err end
  redis_conn.release(red)
  if res == ngx.null then return MISSING end
  local route = cjson.decode(res[1])
  if type(route) ~= "table" or type(route.slug) ~= "string" then
    ngx.log(ngx.ERR, "pagemagic edge: unreadable route for ", host)
    return MISSING
  end
  local limits = res[2] ~= "" and cjson.decode(res[2]) or nil
  return M.entry(route, type(limits) == "table" and limits or nil)
end

-- The fresh cached entry for `host` (or MISSING), nil when none: never touches Redis, so the
-- rewrite phase (where no socket may be opened) can use it.
function M.peek(host)
  return (cache:get(host))
end

-- Returns the entry for `host`, MISSING for an unknown host,
-- or nil when Redis is unreachable and nothing (not even stale) is known.
function M.resolve(host)
  local entry, stale = cache:get(host)
  if entry then return entry end
  if not redis_conn.is_down() then
    local fresh, err = fetch(host)
    if fresh then
      redis_conn.mark_up()
      cache:set(host, fresh, fresh.missing and math.min(1, config.get().cache_ttl) or config.get().cache_ttl)
      return fresh
    end
    redis_conn.mark_down(err)
  end
  if stale then
    cache:set(host, stale, 1) -- keep serving the last known route; retry Redis in a second
    return stale
  end
  return nil
end

M.MISSING = MISSING

return M
