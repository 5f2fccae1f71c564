-- Per-site and per-client request rates (GCRA in a shared dict) and monthly quotas, from the
-- site's plan limits ({"rps","burst","client_rps","client_burst","monthly_requests","monthly_bytes"}).
--
-- Rates are decided locally, never with a Redis round trip: each edge instance enforces its
-- share of the plan's rate (rps / live instances, counted by the usage flusher's heartbeat).
-- While Redis is unreachable the instance count is unknown, so each instance enforces the
-- plan's full rate on its own (fail open for traffic). Monthly totals come from Redis through
-- the flusher and are kept when Redis goes away, so a quota known to be exhausted stays closed.
local gcra = require "gcra"
local fmt = require "ratelimit_headers"
local keys = require "keys"
local pages = require "pages"

local M = {}

local buckets = ngx.shared.pm_limits
local state = ngx.shared.pm_state

local function number(value)
  if type(value) == "number" and value > 0 then return value end
  return nil
end

local function take(key, name, rate, burst, now)
  local tat = buckets:get(key)
  local ok, new_tat, remaining, retry, reset = gcra.check(tat, now, rate, burst)
  if ok then buckets:set(key, new_tat, math.ceil(new_tat - now) + 1) end
  return ok, { name = name, quota = math.max(1, math.floor(rate + 0.5)), window = 1,
               remaining = remaining, reset = reset }, retry
end

-- Instances sharing the plan's rate; 1 (the full rate here) while Redis is unreachable.
local function share()
  local n = state:get("instances")
  if not n or n < 1 or state:get("redis_down") then return 1 end
  return n
end

local function quota_exhausted(slug, limits, now)
  local max_requests, max_bytes = number(limits.monthly_requests), number(limits.monthly_bytes)
  if not max_requests and not max_bytes then return nil end
  local raw = state:get("q:" .. slug)
  if not raw then return nil end
  local month, used_requests, used_bytes = string.match(raw, "^(%d+)|(%d+)|(%d+)$")
  if month ~= keys.month(now) then return nil end -- a new month starts with a fresh quota
  used_requests, used_bytes = tonumber(used_requests), tonumber(used_bytes)
  if max_requests and used_requests >= max_requests then
    return { name = "monthly-requests", quota = max_requests, used = used_requests }
  end
  if max_bytes and used_bytes >= max_bytes then
    return { name = "monthly-bytes", quota = max_bytes, used = used_bytes, unit = "content-bytes" }
  end
  return nil
end

function M.enforce(route, limits)
  if not limits then return end
  local now = ngx.now()
  local slug = route.slug

  local exhausted = quota_exhausted(slug, limits, now)
  if exhausted then
    local reset = keys.seconds_to_month_end(math.floor(now))
    local policy = { name = exhausted.name, quota = exhausted.quota, window = reset,
                     unit = exhausted.unit, remaining = 0, reset = reset }
    return pages.send("quota", 429, fmt.fields({ policy }, reset))
  end

  local n = share()
  local policies = {}
  local rps, client_rps = number(limits.rps), number(limits.client_rps)
  if client_rps then
    local burst = number(limits.client_burst) or client_rps
    local ok, policy, retry = take("c|" .. slug .. "|" .. ngx.var.remote_addr, "client",
      client_rps / n, math.max(1, math.ceil(burst / n)), now)
    policies[#policies + 1] = policy
    if not ok then return pages.send("rate_limited", 429, fmt.fields(policies, retry)) end
  end
  if rps then
    local burst = number(limits.burst) or rps
    local ok, policy, retry = take("s|" .. slug, "site", rps / n, math.max(1, math.ceil(burst / n)), now)
    table.insert(policies, 1, policy)
    if not ok then return pages.send("rate_limited", 429, fmt.fields(policies, retry)) end
  end
  if #policies > 0 then ngx.ctx.ratelimit_fields = fmt.fields(policies) end
end

return M
