-- The settings nginx.conf hands to the edge at start-up (rendered by hosting/edge/config.py).
local M = {}

local values = {}

function M.set(new_values)
  values = new_values
end

-- Reads the JSON document hosting/edge/config.py wrote beside nginx.conf (at init, once).
function M.load(path)
  local file = assert(io.open(path, "r"))
  local raw = file:read("*a")
  file:close()
  values = assert(require("cjson").decode(raw))
end

function M.get()
  return values
end

return M
