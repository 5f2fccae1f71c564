-- The request path. Most requests finish in `fast` (set_by_lua, rewrite phase: no coroutine,
-- no socket): the route comes from the worker's cache and the limiter decides locally. Only a
-- request it cannot finish there (route not cached, a page to answer, an HTTP request that may
-- have to move to HTTPS) sets $pm_lua, and nginx.conf then runs `access` for it
-- (access_by_lua, where Redis may be asked).
local router = require "router"
local limit = require "limit"
local pages = require "pages"
local cert = require "cert"
local config = require "edge_config"
local request_id = require "request_id"
local vars = require "vars"

local M = {}

local get, set = vars.get, vars.set

local redirects -- whether plain HTTP may have to move to HTTPS (custom domains, lua/cert.lua)

local function to_access()
  set("pm_lua", "1")
end

-- set_by_lua: returns the id this request gets when it brought none (nginx.conf's map).
function M.fast()
  local id = request_id.next()
  if redirects == nil then redirects = config.get().https_port ~= nil end
  if redirects and get("scheme") == "http" then to_access(); return id end
  local entry = router.peek(get("host") or "")
  if not entry or entry.missing then to_access(); return id end
  local route = entry.route
  if #route.peers == 0 then to_access(); return id end
  local ctx = ngx.ctx
  ctx.route = route
  ctx.limited = true
  local page, status, retry = limit.enforce(entry)
  if page then
    ctx.page, ctx.status, ctx.retry = page, status, retry
    to_access()
  end
  return id
end

-- access_by_lua: what `fast` left over.
function M.access()
  cert.redirect()  -- a custom domain with an active certificate moves to HTTPS
  local ctx = ngx.ctx
  if ctx.page then return pages.send(ctx.page, ctx.status, ctx.retry) end
  if ctx.limited then return end
  local entry = router.resolve(get("host") or "")
  if not entry then
    return pages.send("unavailable", 503, "5")
  end
  if entry.missing then
    return pages.send("not_found", 404)
  end
  local route = entry.route
  ctx.route = route
  if #route.peers == 0 then
    return pages.send("unavailable", 503, "5")
  end
  ctx.limited = true
  local page, status, retry = limit.enforce(entry)
  if page then return pages.send(page, status, retry) end
end

return M
