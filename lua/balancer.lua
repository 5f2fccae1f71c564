-- balancer_by_lua: round robin over the site's endpoints; a connection failure marks the
-- endpoint down for a while (passive health) and the request tries the next one.
-- Endpoints come parsed with the cached route (lua/router.lua); a site with one endpoint
-- skips the round robin and the health marks, which could not change its choice.
local ngx_balancer = require "ngx.balancer"
local endpoints = require "endpoints"
local config = require "edge_config"

local M = {}

local health = ngx.shared.pm_health
local set_current_peer = ngx_balancer.set_current_peer
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

local function use(route, index)
  local peer = route.peers[index]
  if not peer then
    ngx.log(ngx.ERR, "pagemagic edge: bad endpoint ", tostring(route.endpoints[index]), " for ", route.slug)
    return ngx.exit(502)
  end
  local ok, err = set_current_peer(peer[1], peer[2])
  if not ok then
    ngx.log(ngx.ERR, "pagemagic edge: cannot use ", route.endpoints[index], ": ", err)
    return ngx.exit(502)
  end
end

function M.run()
  local ctx = ngx.ctx
  local route = ctx.route
  local list = route.endpoints
  if #list == 1 then return use(route, 1) end
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
  ctx.peer = peer
  return use(route, index)
end

return M
