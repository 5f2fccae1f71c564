-- access_by_lua: resolve the site for Host, then apply its plan's limits.
local router = require "router"
local limit = require "limit"
local pages = require "pages"
local cert = require "cert"

local M = {}

function M.access()
  cert.redirect()  -- a custom domain with an active certificate moves to HTTPS
  local entry = router.resolve(ngx.var.host or "")
  if not entry then
    return pages.send("unavailable", 503, { ["Retry-After"] = "5" })
  end
  if entry.missing then
    return pages.send("not_found", 404)
  end
  local route = entry.route
  ngx.ctx.route = route
  if #route.endpoints == 0 then
    return pages.send("unavailable", 503, { ["Retry-After"] = "5" })
  end
  return limit.enforce(route, entry.limits)
end

return M
