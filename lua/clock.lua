-- The rate limiter's "now" (epoch seconds, fractional): nginx's clock, or the number written in
-- the file EdgeConfig.limiter_clock names. Only tests set that file: with it, what counts as
-- one burst is what the test says, not what a loaded machine manages to send in 200 ms.
-- Production never sets it and pays one table lookup per request.
local config = require "edge_config"

local M = {}

function M.now()
  local path = config.get().limiter_clock
  if not path or path == "" then return ngx.now() end
  local file = io.open(path, "r")
  if not file then return ngx.now() end
  local value = tonumber(file:read("*l"))
  file:close()
  return value or ngx.now()
end

return M
