-- A new X-Request-Id for each request that arrived without one: 32 hex digits, as nginx's own
-- $request_id, but made from 96 random bits drawn once per worker and a per-worker counter
-- instead of 128 fresh random bits, which cost a CSPRNG call and a getpid() per request.
-- Unique as long as no two workers draw the same 96 bits.
local tohex = bit.tohex

local M = {}

local prefix, seq = nil, 0

local function draw()
  local file = assert(io.open("/dev/urandom", "rb"))
  local bytes = file:read(12)
  file:close()
  return (string.gsub(bytes, ".", function(c) return string.format("%02x", string.byte(c)) end))
end

function M.next()
  seq = seq + 1
  if not prefix or seq > 0xffffffff then prefix, seq = draw(), 1 end
  return prefix .. tohex(seq, 8)
end

return M
