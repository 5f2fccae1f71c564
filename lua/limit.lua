-- Per-site and per-client request rates (GCRA in a shared dict) and monthly quotas, from the
-- site's plan (lua/plan.lua, built from {"rps","burst","client_rps","client_burst",
-- "monthly_requests","monthly_bytes"}).
--
-- Rates are decided locally, never with a Redis round trip: each edge instance enforces its
-- share of the plan's rate (rps / live instances, counted by the usage flusher's heartbeat).
-- While Redis is unreachable the instance count is unknown, so each instance enforces the
-- plan's full rate on its own (fail open for traffic). Monthly totals come from Redis through
-- the flusher and are kept when Redis goes away, so a quota known to be exhausted stays closed.
--
-- This runs on every request, so it does little: the instance count and each site's quota
-- state are read from the shared dicts at most every REFRESH seconds per worker, and a bucket
-- costs one get and one atomic incr (gcra.take). The rate-limit fields go out through nginx
-- variables that nginx.conf's add_header lines send.
local clock = require "clock"
local gcra = require "gcra"
local fmt = require "ratelimit_headers"
local keys = require "keys"
local plan_of = require "plan"
local vars = require "vars"

local M = {}

local buckets = ngx.shared.pm_limits
local state = ngx.shared.pm_state
local get, set = vars.get, vars.set
local floor, ceil = math.floor, math.ceil

local REFRESH = 0.1
-- Bucket times are seconds since this instant: small numbers keep more float precision.
local EPOCH = 1700000000

-- Instances sharing the plan's rate; 1 (the full rate here) while Redis is unreachable.
local instances, instances_next = 1, 0
local function share(now)
  if now >= instances_next then
    instances_next = now + REFRESH
    local n = state:get("instances")
    if not n or n < 1 or state:get("redis_down") then n = 1 end
    instances = n
  end
  return instances
end

local month, month_end = nil, 0
local function current_month(now)
  if now >= month_end then
    local second = floor(now)
    month = keys.month(second)
    month_end = second + keys.seconds_to_month_end(second)
  end
  return month
end

local function read_quota(p, now)
  local raw = state:get(p.quota_key)
  if not raw then return nil end
  local used_month, used_requests, used_bytes = string.match(raw, "^(%d+)|(%d+)|(%d+)$")
  if used_month ~= current_month(now) then return nil end -- a new month starts with a fresh quota
  used_requests, used_bytes = tonumber(used_requests), tonumber(used_bytes)
  if p.max_requests and used_requests >= p.max_requests then
    return { name = "monthly-requests", quota = p.max_requests }
  end
  if p.max_bytes and used_bytes >= p.max_bytes then
    return { name = "monthly-bytes", quota = p.max_bytes, unit = "content-bytes" }
  end
  return nil
end

-- Whole seconds, rounded up; the slack is the float precision of bucket times (see lua/gcra.lua),
-- so a reset of exactly one second is not told as two.
local function whole(seconds)
  local s = ceil(seconds - 1e-6)
  if s > 0 then return s end
  return 0
end

-- Sets the five rate-limit fields (sent by nginx.conf's add_header lines).
local function send_fields(fields)
  set("pm_rl_policy", fields["RateLimit-Policy"])
  set("pm_rl", fields["RateLimit"])
  set("pm_rl_limit", fields["RateLimit-Limit"])
  set("pm_rl_remaining", fields["RateLimit-Remaining"])
  set("pm_rl_reset", fields["RateLimit-Reset"])
end
M.send_fields = send_fields

-- Applies the plan of `entry` to this request. Returns nil to let it through (its rate-limit
-- fields set), or the page to answer instead: name, status, Retry-After.
function M.enforce(entry)
  local p = entry.plan
  if not p then return nil end
  local now = clock.now()

  if p.max_requests or p.max_bytes then
    if now >= p.quota_next then
      p.quota_next = now + REFRESH
      p.exhausted = read_quota(p, now)
    end
    local exhausted = p.exhausted
    if exhausted then
      local reset = keys.seconds_to_month_end(floor(now))
      local policy = { name = exhausted.name, quota = exhausted.quota, window = reset,
                       unit = exhausted.unit, remaining = 0, reset = reset }
      local fields = fmt.fields({ policy }, reset)
      send_fields(fields)
      return "quota", 429, fields["Retry-After"]
    end
  end
  if not (p.rps or p.client_rps) then return nil end

  plan_of.share(p, share(now))
  local t = now - EPOCH
  local site_ok, site_left, site_retry, site_reset
  local client_ok, client_left, client_retry, client_reset
  if p.client_rps then
    client_ok, client_left, client_retry, client_reset =
      gcra.take(buckets, p.client_key .. get("remote_addr"), t, p.client_rate, p.client_burst_n)
  end
  if client_ok ~= false and p.rps then
    site_ok, site_left, site_retry, site_reset = gcra.take(buckets, p.site_key, t, p.site_rate, p.site_burst)
  end

  -- RateLimit: "site";r=3;t=1, "client";r=0;t=1 ; the old trio follows the tightest policy
  -- (fewest remaining; on a tie the longer reset), as lua/ratelimit_headers.lua does.
  local current, limit, left, reset
  if site_ok ~= nil then
    site_reset = whole(site_reset)
    current = '"site";r=' .. site_left .. ";t=" .. site_reset
    limit, left, reset = p.site_quota, site_left, site_reset
  end
  if client_ok ~= nil then
    client_reset = whole(client_reset)
    local item = '"client";r=' .. client_left .. ";t=" .. client_reset
    current = current and (current .. ", " .. item) or item
    if not left or client_left < left or (client_left == left and client_reset > reset) then
      limit, left, reset = p.client_quota, client_left, client_reset
    end
  end
  -- a refused client never reaches the site's bucket: only its own policy is reported
  set("pm_rl_policy", client_ok == false and p.client_policy or p.policy)
  set("pm_rl", current)
  set("pm_rl_limit", limit)
  set("pm_rl_remaining", tostring(left))
  set("pm_rl_reset", tostring(reset))
  if client_ok == false or site_ok == false then
    local retry = client_ok == false and client_retry or site_retry
    return "rate_limited", 429, tostring(math.max(1, whole(retry)))
  end
  return nil
end

return M
