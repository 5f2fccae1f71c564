-- RateLimit-Policy / RateLimit structured fields (draft-ietf-httpapi-ratelimit-headers-10)
-- and the older RateLimit-Limit / -Remaining / -Reset trio. Pure, so busted tests it.
--
-- A policy is {name=, quota=, window=, remaining=, reset=}.
local M = {}

local function ceil_seconds(value)
  local s = math.ceil((value or 0) - 1e-9)
  if s > 0 then return s end
  return 0 -- never -0, which tostring would write as "-0"
end

-- RateLimit-Policy: "site";q=10;w=1, "client";q=5;w=1
function M.policy(policies)
  local items = {}
  for i, p in ipairs(policies) do
    local item = string.format('"%s";q=%d;w=%d', p.name, p.quota, p.window)
    if p.unit then item = item .. string.format(';qu="%s"', p.unit) end
    items[i] = item
  end
  return table.concat(items, ", ")
end

-- RateLimit: "site";r=3;t=1, "client";r=0;t=1
function M.current(policies)
  local items = {}
  for i, p in ipairs(policies) do
    items[i] = string.format('"%s";r=%d;t=%d', p.name, math.max(0, p.remaining), ceil_seconds(p.reset))
  end
  return table.concat(items, ", ")
end

-- The most restrictive policy (fewest remaining; on a tie the longer reset) for the old trio.
function M.tightest(policies)
  local best
  for _, p in ipairs(policies) do
    if not best or p.remaining < best.remaining
      or (p.remaining == best.remaining and (p.reset or 0) > (best.reset or 0)) then
      best = p
    end
  end
  return best
end

-- All header fields to send, as a name -> value table.
function M.fields(policies, retry_after)
  if #policies == 0 then return {} end
  local tight = M.tightest(policies)
  local fields = {
    ["RateLimit-Policy"] = M.policy(policies),
    ["RateLimit"] = M.current(policies),
    ["RateLimit-Limit"] = tostring(tight.quota),
    ["RateLimit-Remaining"] = tostring(math.max(0, tight.remaining)),
    ["RateLimit-Reset"] = tostring(ceil_seconds(tight.reset)),
  }
  if retry_after then
    fields["Retry-After"] = tostring(math.max(1, ceil_seconds(retry_after)))
  end
  return fields
end

return M
