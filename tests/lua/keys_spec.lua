local keys = require "keys"
local endpoints = require "endpoints"
local lang = require "lang"

describe("keys", function()
  it("buckets by UTC minute and month", function()
    assert.are.equal("202611290043", keys.minute(1795913000))
    assert.are.equal("202611", keys.month(1795913000))
  end)

  it("round-trips counter keys", function()
    local slug, site_id, minute, field = keys.parse_counter(keys.counter("padaria", "42", "202611290040", "2xx"))
    assert.are.same({ "padaria", "42", "202611290040", "2xx" }, { slug, site_id, minute, field })
    assert.is_nil(keys.parse_counter(keys.OVERFLOW_REQUESTS))
  end)

  it("counts status classes", function()
    assert.are.equal("2xx", keys.status_class(204))
    assert.are.equal("5xx", keys.status_class(502))
    assert.are.equal("other", keys.status_class(0))
  end)

  it("knows when the month ends", function()
    -- 2026-11-30 23:59:00 UTC is 60 s before December
    assert.are.equal(60, keys.seconds_to_month_end(1796083140))
  end)
end)

describe("endpoints", function()
  it("parses host:port and [v6]:port", function()
    assert.are.same({ "127.0.0.1", 30123 }, { endpoints.parse("127.0.0.1:30123") })
    assert.are.same({ "::1", 80 }, { endpoints.parse("[::1]:80") })
    assert.is_nil(endpoints.parse("nohost"))
    assert.is_nil(endpoints.parse("h:99999"))
  end)

  it("starts at the round-robin position and skips down and tried endpoints", function()
    local list = { "a:1", "b:1", "c:1" }
    assert.are.equal(2, endpoints.pick(list, 1, nil, nil))
    assert.are.equal(3, endpoints.pick(list, 1, { ["b:1"] = true }, nil))
    assert.are.equal(1, endpoints.pick(list, 1, { ["b:1"] = true }, { ["c:1"] = true }))
    assert.are.equal(2, endpoints.pick(list, 1, { ["a:1"] = true, ["b:1"] = true, ["c:1"] = true }, nil))
    assert.is_nil(endpoints.pick(list, 1, nil, { ["a:1"] = true, ["b:1"] = true, ["c:1"] = true }))
  end)
end)

describe("lang", function()
  it("picks the best supported language", function()
    assert.are.equal("pt-BR", lang.pick("pt-BR,pt;q=0.9,en;q=0.5"))
    assert.are.equal("pt-PT", lang.pick("pt-PT,pt;q=0.9,en;q=0.5"))
    assert.are.equal("pt-BR", lang.pick("pt"))
    assert.are.equal("pt-PT", lang.pick("en;q=0.4, pt-pt;q=0.8"))
    assert.are.equal("es", lang.pick("de, es;q=0.8, en;q=0.7"))
    assert.are.equal("en", lang.pick("de"))
    assert.are.equal("en", lang.pick(nil))
  end)
end)
