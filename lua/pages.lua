-- Friendly pages the edge answers itself (unknown host, limits, quota, unavailable),
-- rendered per language by hosting/edge/pages.py and picked by Accept-Language.
local config = require "edge_config"
local lang = require "lang"

local M = {}

local ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

-- Sends page `name` with `status` (and Retry-After when given), then ends the request.
-- $pm_page makes nginx.conf send the pages' own Content-Security-Policy.
function M.send(name, status, retry_after, request_id)
  local pages = config.get().pages[name]
  local language = lang.pick(ngx.var.http_accept_language, config.get().default_language)
  local body = pages[language] or pages.en
  if request_id then
    -- the id may be the caller's own X-Request-Id: escaped, and cut to a sane length
    local shown = string.gsub(string.sub(request_id, 1, 128), "[&<>\"']", ESCAPES)
    local mark = config.get().request_id_mark
    local at = string.find(body, mark, 1, true)
    if at then body = string.sub(body, 1, at - 1) .. shown .. string.sub(body, at + #mark) end
  end
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

-- The WAF refused the request (nginx.conf's error_page 403 of a location under ModSecurity):
-- our page, in the visitor's language, with the request id the audit log has as its unique_id.
function M.blocked()
  return M.send("blocked", 403, nil, ngx.var.pm_request_id or "")
end

return M
