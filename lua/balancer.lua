-- balancer_by_lua: round robin over the site's endpoints; a connection failure marks the
-- endpoint down for a while (passive health) and the request tries the next one.
local ngx_balancer = require "ngx.balancer"
local endpoints = require "endpoints"
local config = require "edge_config"

local M = {}

local health = ngx.shared.pm_health
local rr = {}

local function down_set(list)
  local down
  for _, ep in ipairs(list) do
    if health:get(ep) then
      down = down or {}
      down[ep] = true
    end
  end
  return down
end

function M.run()
  local ctx = ngx.ctx
  local route = ctx.route
  local list = route.endpoints
  if not ctx.tried then
    ctx.tried = {}
    local n = (rr[route.slug] or 0) + 1
    rr[route.slug] = n
    ctx.start = n
    if #list > 1 then ngx_balancer.set_more_tries(#list - 1) end
  else
    local state = ngx_balancer.get_last_failure()
    if state == "failed" and ctx.peer then
      health:set(ctx.peer, true, config.get().endpoint_down_seconds)
      ngx.log(ngx.WARN, "pagemagic edge: endpoint ", ctx.peer, " of ", route.slug, " failed; trying the next")
    end
  end
  local index = endpoints.pick(list, ctx.start, down_set(list), ctx.tried)
  if not index then return ngx.exit(502) end
  local peer = list[index]
  ctx.tried[peer] = true
  local host, port = endpoints.parse(peer)
  if not host then
    ngx.log(ngx.ERR, "pagemagic edge: bad endpoint ", tostring(peer), " for ", route.slug)
    return ngx.exit(502)
  end
  ctx.peer = peer
  local ok, err = ngx_balancer.set_current_peer(host, port)
  if not ok then
    ngx.log(ngx.ERR, "pagemagic edge: cannot use ", peer, ": ", err)
    return ngx.exit(502)
  end
end

return M
