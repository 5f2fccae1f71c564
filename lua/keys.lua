-- Key names and time buckets shared by the flusher, the limiter and the router.
-- Pure: no ngx here, so busted can test it. hosting/edge_keys.py mirrors these names.
local M = {}

-- The minute bucket (UTC) a request is counted in: "YYYYMMDDHHMM".
function M.minute(epoch)
  return os.date("!%Y%m%d%H%M", epoch)
end

-- The billing month (UTC) a request belongs to: "YYYYMM".
function M.month(epoch)
  return os.date("!%Y%m", epoch)
end

-- Seconds from epoch to the start of the next UTC month (when monthly quotas reset).
function M.seconds_to_month_end(epoch)
  local t = os.date("!*t", epoch)
  local year, month = t.year, t.month + 1
  if month == 13 then year, month = year + 1, 1 end
  -- os.time reads a table as local time; correct by the zone offset at that instant.
  local next_local = os.time({ year = year, month = month, day = 1, hour = 0, min = 0, sec = 0 })
  local offset = os.time(os.date("!*t", next_local)) - next_local
  return math.max(1, next_local - offset - epoch)
end

-- Route table keys (hosting/routes.py).
function M.host(prefix, hostname) return prefix .. "host:" .. string.lower(hostname) end
function M.site(prefix, slug) return prefix .. "site:" .. slug end
function M.limits(prefix, plan) return prefix .. "limits:" .. plan end
function M.acme(prefix, token) return prefix .. "acme:" .. token end

-- Usage keys (under the usage prefix, e.g. "pm:usage:").
function M.bucket(usage_prefix, slug, minute) return usage_prefix .. slug .. ":" .. minute end
function M.month_totals(usage_prefix, slug, month) return usage_prefix .. "~month:" .. slug .. ":" .. month end

-- Shared-dict counter keys: "slug|site_id|minute|field"; overflow counters have their own names.
local SEP = "|"
function M.counter(slug, site_id, minute, field)
  return slug .. SEP .. site_id .. SEP .. minute .. SEP .. field
end

function M.parse_counter(key)
  local slug, site_id, minute, field = string.match(key, "^([^|]+)|([^|]*)|(%d+)|([%w_]+)$")
  if not slug then return nil end
  return slug, site_id, minute, field
end

M.OVERFLOW_REQUESTS = "~overflow|requests"
M.OVERFLOW_BYTES = "~overflow|bytes"

-- The status class field a response is counted under.
function M.status_class(status)
  local class = math.floor((tonumber(status) or 0) / 100)
  if class < 1 or class > 5 then return "other" end
  return class .. "xx"
end

return M
