-- A site's plan limits as the limiter uses them, built once per route fetch (lua/router.lua)
-- instead of on every request: numbers checked, keys named, and the header text that only
-- changes with the number of edge instances kept ready. Pure, so busted tests it.
local M = {}

local function number(value)
  if type(value) == "number" and value > 0 then return value end
  return nil
end

-- nil when the plan limits nothing (the limiter is then skipped entirely).
function M.new(slug, limits)
  if type(limits) ~= "table" then return nil end
  local p = {
    slug = slug,
    rps = number(limits.rps),
    client_rps = number(limits.client_rps),
    max_requests = number(limits.monthly_requests),
    max_bytes = number(limits.monthly_bytes),
    site_key = "s:" .. slug,
    client_key = "c:" .. slug .. ":",
    quota_key = "q:" .. slug,
    quota_next = 0, -- when the quota state is read again (lua/limit.lua)
    share = 0,      -- the instance count the rates below were worked out for
  }
  if p.rps then p.burst = number(limits.burst) or p.rps end
  if p.client_rps then p.client_burst = number(limits.client_burst) or p.client_rps end
  if not (p.rps or p.client_rps or p.max_requests or p.max_bytes) then return nil end
  return p
end

local function quota_of(rate)
  return math.max(1, math.floor(rate + 0.5))
end

-- This instance's share of the rates when `n` instances serve the site, with the
-- RateLimit-Policy value and the quota strings of the older fields ready to send.
function M.share(p, n)
  if p.share == n then return p end
  local items = {}
  if p.rps then
    p.site_rate, p.site_burst = p.rps / n, math.max(1, math.ceil(p.burst / n))
    p.site_quota = tostring(quota_of(p.site_rate))
    items[#items + 1] = '"site";q=' .. p.site_quota .. ";w=1"
  end
  if p.client_rps then
    p.client_rate, p.client_burst_n = p.client_rps / n, math.max(1, math.ceil(p.client_burst / n))
    p.client_quota = tostring(quota_of(p.client_rate))
    p.client_policy = '"client";q=' .. p.client_quota .. ";w=1"
    items[#items + 1] = p.client_policy
  end
  p.policy = table.concat(items, ", ")
  p.share = n
  return p
end

return M
