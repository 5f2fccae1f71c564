-- Endpoint parsing and the order in which a request tries them. Pure, so busted tests it.
local M = {}

-- "127.0.0.1:30123" -> "127.0.0.1", 30123 ; "[::1]:80" -> "::1", 80
function M.parse(endpoint)
  local host, port = string.match(endpoint, "^%[([^%]]+)%]:(%d+)$")
  if not host then host, port = string.match(endpoint, "^([^:]+):(%d+)$") end
  port = tonumber(port)
  if not host or not port or port < 1 or port > 65535 then return nil end
  return host, port
end

-- Index (1-based) of the endpoint to try next: the first from the round-robin position
-- `start` that is neither `tried` by this request nor marked `down`; failing that, the first
-- not tried (a down mark may be stale); failing that, nil (every endpoint was tried).
function M.pick(endpoints, start, down, tried)
  local n = #endpoints
  if n == 0 then return nil end
  local fallback
  for offset = 0, n - 1 do
    local i = (start + offset) % n + 1
    local ep = endpoints[i]
    if not (tried and tried[ep]) then
      if not (down and down[ep]) then return i end
      fallback = fallback or i
    end
  end
  return fallback
end

return M
