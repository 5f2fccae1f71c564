-- ACME HTTP-01: /.well-known/acme-challenge/<token> answers the key authorization stored in
-- Redis under pm:acme:<token> (written by the domains issue while a certificate is ordered).
local config = require "edge_config"
local redis_conn = require "redis_conn"
local keys = require "keys"

local M = {}

function M.serve()
  local token = string.match(ngx.var.uri, "^/%.well%-known/acme%-challenge/([%w_%-]+)$")
  if not token then return ngx.exit(404) end
  local red, err = redis_conn.connect()
  if not red then
    redis_conn.mark_down(err)
    return ngx.exit(503)
  end
  local value, get_err = red:get(keys.acme(config.get().route_prefix, token))
  if not value then red:close(); return ngx.exit(503) end
  redis_conn.release(red)
  if value == ngx.null then return ngx.exit(404) end
  ngx.var.pm_page = "1" -- the pages' own Content-Security-Policy (nginx.conf)
  ngx.header["Content-Type"] = "application/octet-stream"
  ngx.header["Cache-Control"] = "no-store"
  ngx.print(value)
  return ngx.exit(ngx.HTTP_OK)
end

return M
