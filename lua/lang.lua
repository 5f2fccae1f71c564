-- Picks the page locale (en, es, pt-BR, pt-PT) from Accept-Language. Pure, so busted tests it.
-- Portuguese has two pages: Brazil's region gets pt-BR, any other region (pt-PT, pt-AO...)
-- gets pt-PT, and a bare "pt" gets pt-BR (most Portuguese speakers are Brazilian).
local M = {}

M.SUPPORTED = { en = true, pt = true, es = true }

local function locale_of(primary, region)
  if primary ~= "pt" then return primary end
  if region == "" or region == "br" then return "pt-BR" end
  return "pt-PT"
end

function M.pick(header, default)
  default = default or "en"
  if type(header) ~= "string" or header == "" then return default end
  local best, best_q = nil, -1
  for part in string.gmatch(header, "[^,]+") do
    local tag, params = string.match(part, "^%s*([%a%-%*]+)%s*(.*)$")
    if tag then
      local q = tonumber(string.match(params or "", "q%s*=%s*([%d%.]+)")) or 1
      local primary = string.lower(string.match(tag, "^(%a+)") or "")
      local region = string.lower(string.match(tag, "^%a+%-(%a+)") or "")
      if M.SUPPORTED[primary] and q > best_q then best, best_q = locale_of(primary, region), q end
    end
  end
  return best or default
end

return M
