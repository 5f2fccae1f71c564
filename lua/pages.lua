-- Friendly pages the edge answers itself (unknown host, limits, quota, unavailable),
-- rendered per language by hosting/edge/pages.py and picked by Accept-Language.
local config = require "edge_config"
local lang = require "lang"

local M = {}

-- Sends page `name` with `status` (and Retry-After when given), then ends the request.
-- $pm_page makes nginx.conf send the pages' own Content-Security-Policy.
function M.send(name, status, retry_after)
  local pages = config.get().pages[name]
  local language = lang.pick(ngx.var.http_accept_language, config.get().default_language)
  local body = pages[language] or pages.en
  ngx.var.pm_page = "1"
  ngx.status = status
  local header = ngx.header
  header["Content-Type"] = "text/html; charset=utf-8"
  header["Cache-Control"] = "no-store"
  header["Content-Language"] = language
  if retry_after then header["Retry-After"] = retry_after end
  ngx.print(body)
  return ngx.exit(ngx.HTTP_OK)
end

return M
