-- One place that opens Redis connections (Debian's lua-nginx-redis) and remembers an outage,
-- so that while Redis is down requests do not each wait for a connect timeout.
local redis = require "nginx.redis"
local config = require "edge_config"

local M = {}

local state = ngx.shared.pm_state
local DOWN_KEY = "redis_down"

function M.is_down()
  return state:get(DOWN_KEY) ~= nil
end

-- Marks Redis down for `seconds` (the request path then skips it) and logs the first failure.
function M.mark_down(err, seconds)
  local ok = state:add(DOWN_KEY, true, seconds or 1)
  if ok and not state:get("redis_down_logged") then
    state:set("redis_down_logged", true)
    ngx.log(ngx.ERR, "pagemagic edge: Redis unreachable (", tostring(err),
      "); serving with per-instance limits, usage kept in memory until it returns")
  end
end

function M.mark_up()
  if state:get("redis_down_logged") then
    state:delete("redis_down_logged")
    ngx.log(ngx.WARN, "pagemagic edge: Redis reachable again; flushing held usage")
  end
  state:delete(DOWN_KEY)
end

function M.connect()
  local c = config.get().redis
  local red = redis:new()
  red:set_timeout(c.timeout_ms)
  local ok, err = red:connect(c.host, c.port)
  if not ok then return nil, err end
  if red:get_reused_times() == 0 then
    if c.password and c.password ~= "" then
      local authed, auth_err = red:auth(c.password)
      if not authed then red:close(); return nil, auth_err end
    end
    if c.db and c.db ~= 0 then
      local selected, select_err = red:select(c.db)
      if not selected then red:close(); return nil, select_err end
    end
  end
  return red
end

function M.release(red)
  local c = config.get().redis
  red:set_keepalive(60000, c.pool_size or 64)
end

return M
