-- Friendly pages the edge answers itself (unknown host, limits, quota, unavailable),
-- rendered per language by hosting/edge/pages.py and picked by Accept-Language.
local config = require "edge_config"
local lang = require "lang"

local M = {}

-- Sends page `name` with `status` and extra header fields, then ends the request.
function M.send(name, status, fields)
  local pages = config.get().pages[name]
  local language = lang.pick(ngx.var.http_accept_language, config.get().default_language)
  local body = pages[language] or pages.en
  ngx.ctx.own_page = true
  ngx.status = status
  ngx.header["Content-Type"] = "text/html; charset=utf-8"
  ngx.header["Cache-Control"] = "no-store"
  ngx.header["Content-Language"] = language
  if fields then
    for k, v in pairs(fields) do ngx.header[k] = v end
  end
  ngx.print(body)
  return ngx.exit(ngx.HTTP_OK)
end

return M
