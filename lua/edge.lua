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
local waf_on -- whether the WAF's location exists (PAGEMAGIC_EDGE_WAF is not off)

local function to_access()
  set("pm_lua", "1")
end

-- The decision for a route found in the worker's cache: the route for the balancer and the meter,
-- the limiter's verdict (a page to answer goes to the access phase), and the WAF's location when
-- the site's plan has it (nginx.conf moves the request there; its Lua context goes with it).
local function decide(entry, in_waf)
  local route = entry.route
  if #route.peers == 0 then to_access(); return end
  local ctx = ngx.ctx
  ctx.route = route
  ctx.limited = true
  local page, status, retry = limit.enforce(entry)
  if page then
    ctx.page, ctx.status, ctx.retry = page, status, retry
    to_access()
  elseif entry.waf and not in_waf then
    if waf_on == nil then waf_on = config.get().waf == true end
    if waf_on then set("pm_waf", "1") end
  end
end

-- set_by_lua: returns the id this request gets when it brought none (nginx.conf's map).
function M.fast()
  local id = request_id.next()
  if redirects == nil then redirects = config.get().https_port ~= nil end
  if redirects and get("scheme") == "http" then to_access(); return id end
  local entry = router.peek(get("host") or "")
  if not entry or entry.missing then to_access(); return id end
  decide(entry, false)
  return id
end

-- set_by_lua of the WAF's location. A request moved there by `rewrite` was decided in `fast`
-- already; one sent there by `access` (its route was not cached yet) lost its Lua context on the
-- way (ngx.exec) and is decided here, once.
function M.waf()
  local ctx = ngx.ctx
  if ctx.route then return "1" end
  ctx.in_waf = true
  set("pm_lua", "")
  local entry = router.peek(get("host") or "")
  if not entry or entry.missing then to_access(); return "1" end
  decide(entry, true)
  return "1"
end

-- access_by_lua: what `fast` (or `waf`) left over.
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
  if #route.peers == 0 then
    return pages.send("unavailable", 503, "5")
  end
  if entry.waf and not ctx.in_waf and config.get().waf == true then
    return ngx.exec("/.pm-waf", ngx.var.args)  -- decided there (M.waf), under ModSecurity
  end
  ctx.route = route
  ctx.limited = true
  local page, status, retry = limit.enforce(entry)
  if page then return pages.send(page, status, retry) end
end

return M
