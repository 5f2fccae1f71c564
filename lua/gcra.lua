-- Generic cell rate algorithm: one number (the theoretical arrival time) per key.
-- `rate` requests per second with up to `burst` at once. Pure, so busted tests it.
local M = {}

-- Epoch seconds (~1.7e9) leave about 1e-7 s of float precision: compare with slack.
local EPS = 1e-6

-- Returns allowed, new_tat, remaining, retry_after (s), reset (s until the full burst is back).
function M.check(tat, now, rate, burst)
  local interval = 1 / rate
  local capacity = math.max(1, burst) * interval
  local base = now
  if tat and tat > now then base = tat end
  local new_tat = base + interval
  local ahead = new_tat - now
  if ahead > capacity + EPS then
    return false, base, 0, ahead - capacity, base - now
  end
  local remaining = math.floor((capacity - ahead) / interval + 1e-3)
  return true, new_tat, remaining, 0, ahead
end

return M
