-- header_filter_by_lua: security headers on every answer (proxied or the edge's own pages),
-- plus the rate-limit fields the limiter prepared for this request.
local config = require "edge_config"

local M = {}

function M.filter()
  local h = config.get().headers
  local out = ngx.header
  out["X-Content-Type-Options"] = "nosniff"
  out["Referrer-Policy"] = h.referrer_policy
  out["Permissions-Policy"] = h.permissions_policy
  if ngx.ctx.own_page then
    out["Content-Security-Policy"] = h.page_csp
  elseif not out["Content-Security-Policy"] then
    -- A site that sends its own policy keeps it; everything else gets the default.
    out["Content-Security-Policy"] = h.csp
  end
  if ngx.var.https == "on" then
    out["Strict-Transport-Security"] = h.hsts
  end
  local fields = ngx.ctx.ratelimit_fields
  if fields then
    for name, value in pairs(fields) do out[name] = value end
  end
end

return M
