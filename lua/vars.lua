-- nginx variables read and written through the same FFI calls as ngx.var, but called as plain
-- functions. ngx.var goes through a metamethod, and LuaJIT cannot compile a trace that starts in
-- that metamethod and returns into it ("NYI: return to lower frame"); it then blacklists the
-- getter, and every hot function that reads a variable falls back to the interpreter.
local ffi = require "ffi"
local base = require "resty.core.base"
require "resty.core.var" -- declares the two C functions below

local C = ffi.C
local ffi_str = ffi.string
local get_request = base.get_request
local get_string_buf = base.get_string_buf
local get_size_ptr = base.get_size_ptr
local ERR_BUF_SIZE = 128

local value_ptr = ffi.new("unsigned char *[1]")
local errmsg = base.get_errmsg_ptr()

local M = {}

-- The value of variable `name` (lower case), or nil when it has none.
function M.get(name)
  local r = get_request()
  if not r then error("no request found") end
  local value_len = get_size_ptr()
  local rc = C.ngx_http_lua_ffi_var_get(r, name, #name, get_string_buf(#name), 0, value_ptr, value_len, errmsg)
  if rc == 0 then return ffi_str(value_ptr[0], value_len[0]) end
  if rc == -5 then return nil end
  error(ffi_str(errmsg[0]), 2)
end

-- Sets variable `name` (lower case, declared in nginx.conf) to the string `value`.
function M.set(name, value)
  local r = get_request()
  if not r then error("no request found") end
  local errlen = get_size_ptr()
  errlen[0] = ERR_BUF_SIZE
  local buf = get_string_buf(#name + ERR_BUF_SIZE)
  local rc = C.ngx_http_lua_ffi_var_set(r, name, #name, buf, value, #value, buf + #name, errlen)
  if rc ~= 0 then error(ffi_str(buf + #name, errlen[0]), 2) end
end

return M
