-- Picks the page language (en, pt, es) from Accept-Language. Pure, so busted tests it.
local M = {}

M.SUPPORTED = { en = true, pt = true, es = true }

function M.pick(header, default)
  default = default or "en"
  if type(header) ~= "string" or header == "" then return default end
  local best, best_q = nil, -1
  for part in string.gmatch(header, "[^,]+") do
    local tag, params = string.match(part, "^%s*([%a%-%*]+)%s*(.*)$")
    if tag then
      local q = tonumber(string.match(params or "", "q%s*=%s*([%d%.]+)")) or 1
      local primary = string.lower(string.match(tag, "^(%a+)") or "")
      if M.SUPPORTED[primary] and q > best_q then best, best_q = primary, q end
    end
  end
  return best or default
end

return M
