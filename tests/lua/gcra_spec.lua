local gcra = require "gcra"

describe("gcra", function()
  local now = 1764377000.123 -- a real epoch: float precision matters here

  it("allows a full burst, then refuses with the time until the next slot", function()
    local tat
    for i = 1, 5 do
      local ok, new_tat, remaining = gcra.check(tat, now, 5, 5)
      assert.is_true(ok)
      assert.are.equal(5 - i, remaining)
      tat = new_tat
    end
    local ok, _, remaining, retry = gcra.check(tat, now, 5, 5)
    assert.is_false(ok)
    assert.are.equal(0, remaining)
    assert.is_near(0.2, retry, 1e-6)
  end)

  it("gives a slot back every 1/rate seconds", function()
    local tat
    for _ = 1, 5 do local _, t = gcra.check(tat, now, 5, 5); tat = t end
    assert.is_false((gcra.check(tat, now + 0.1, 5, 5)))
    assert.is_true((gcra.check(tat, now + 0.2, 5, 5)))
  end)

  it("treats a burst below one as one", function()
    assert.is_true((gcra.check(nil, now, 1, 0)))
  end)
end)
