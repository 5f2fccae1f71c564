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

-- A shared dict as ngx.shared has it, for gcra.take: get, and incr with an init value.
local function fake_dict()
  local d = { values = {} }
  function d:get(key) return self.values[key] end
  function d:incr(key, n, init)
    local v = self.values[key]
    if v == nil then
      if init == nil then return nil, "not found" end
      v = init
    end
    self.values[key] = v + n
    return self.values[key]
  end
  return d
end

describe("gcra.take", function()
  local now = 64377000.123

  it("allows the burst, then refuses without moving the bucket", function()
    local d = fake_dict()
    for i = 1, 5 do
      local ok, remaining = gcra.take(d, "k", now, 5, 5)
      assert.is_true(ok)
      assert.are.equal(5 - i, remaining)
    end
    local before = d.values.k
    local ok, remaining, retry = gcra.take(d, "k", now, 5, 5)
    assert.is_false(ok)
    assert.are.equal(0, remaining)
    assert.is_near(0.2, retry, 1e-6)
    assert.are.equal(before, d.values.k)
  end)

  it("counts every request when another worker moves the bucket between the read and the incr", function()
    local d = fake_dict()
    local racing = true
    local get = d.get
    -- the other worker takes a slot right after this one read the bucket
    d.get = function(self, key)
      local v = get(self, key)
      if racing then
        racing = false
        gcra.take(setmetatable({ get = get }, { __index = self }), key, now, 5, 5)
      end
      return v
    end
    assert.is_true((gcra.take(d, "k", now, 5, 5)))
    d.get = get
    -- two slots are gone, not one: three more fit in the burst of five
    for _ = 1, 3 do assert.is_true((gcra.take(d, "k", now, 5, 5))) end
    assert.is_false((gcra.take(d, "k", now, 5, 5)))
  end)

  it("undoes its step when the other worker took the last slot", function()
    local d = fake_dict()
    for _ = 1, 4 do gcra.take(d, "k", now, 5, 5) end
    local get = d.get
    local racing = true
    d.get = function(self, key)
      local v = get(self, key)
      if racing then
        racing = false
        assert.is_true((gcra.take(setmetatable({ get = get }, { __index = self }), key, now, 5, 5)))
      end
      return v
    end
    local full = now + 5 * 0.2
    assert.is_false((gcra.take(d, "k", now, 5, 5)))
    assert.is_near(full, d.values.k, 1e-6)
  end)
end)
