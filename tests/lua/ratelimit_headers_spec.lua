local fmt = require "ratelimit_headers"

describe("ratelimit headers", function()
  local site = { name = "site", quota = 10, window = 1, remaining = 3, reset = 0.7 }
  local client = { name = "client", quota = 2, window = 1, remaining = 0, reset = 0.4 }

  it("writes the draft's structured fields", function()
    assert.are.equal('"site";q=10;w=1, "client";q=2;w=1', fmt.policy({ site, client }))
    assert.are.equal('"site";r=3;t=1, "client";r=0;t=1', fmt.current({ site, client }))
  end)

  it("fills the old trio from the tightest policy and adds Retry-After when refused", function()
    local f = fmt.fields({ site, client }, 0.4)
    assert.are.equal("2", f["RateLimit-Limit"])
    assert.are.equal("0", f["RateLimit-Remaining"])
    assert.are.equal("1", f["RateLimit-Reset"])
    assert.are.equal("1", f["Retry-After"])
  end)

  it("names the quota unit when there is one", function()
    assert.are.equal('"monthly-bytes";q=100;w=60;qu="content-bytes"',
      fmt.policy({ { name = "monthly-bytes", quota = 100, window = 60, unit = "content-bytes" } }))
  end)

  it("sends nothing without policies", function()
    assert.are.same({}, fmt.fields({}))
  end)
end)
