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

-- One step on bucket `key` of `dict` (an ngx.shared dict, or anything with get and incr),
-- atomic across workers without a lock: read the bucket, decide, then move it with incr, never
-- a blind set. When incr shows that another request moved the bucket in between, the decision
-- is taken again from the value the incr was applied to, and the bucket corrected by the
-- difference, or the step undone when that decision is a refusal.
-- Returns allowed, remaining, retry_after, reset.
function M.take(dict, key, now, rate, burst)
  local tat = dict:get(key)
  local ok, new_tat, remaining, retry, reset = M.check(tat, now, rate, burst)
  if not ok then return false, remaining, retry, reset end
  local delta = new_tat - (tat or 0)
  local value = dict:incr(key, delta, 0)
  if value == nil or value == new_tat then return true, remaining, retry, reset end
  local before = value - delta
  ok, new_tat, remaining, retry, reset = M.check(before, now, rate, burst)
  if ok then
    if new_tat ~= value then dict:incr(key, new_tat - value) end
  else
    dict:incr(key, -delta)
  end
  return ok, remaining, retry, reset
end

return M
