-- Certificates of custom domains, chosen by SNI (ssl_certificate_by_lua) with no nginx reload.
--
-- hosting/domains/certstore.py writes pm:cert:<name> = {"not_after", "issued_at", "blob"}, the blob being
-- base64(nonce[12] | AES-256-GCM(json{cert, key}) | tag[16]) with the name as associated data. Each worker
-- decrypts it once (OpenSSL's EVP through LuaJIT's FFI), parses it and caches the result for cache_ttl
-- seconds, so a renewed certificate is served within cache_ttl. An expired certificate is never served:
-- the handshake gets the default certificate and plain HTTP stops redirecting (the site stays reachable).
local ffi = require "ffi"
local cjson = require "cjson.safe"
local lrucache = require "resty.lrucache"
local config = require "edge_config"
local redis_conn = require "redis_conn"

local M = {}

pcall(ffi.cdef, [[
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct engine_st ENGINE;
]])
pcall(ffi.cdef, [[
EVP_CIPHER_CTX *EVP_CIPHER_CTX_new(void);
void EVP_CIPHER_CTX_free(EVP_CIPHER_CTX *ctx);
const EVP_CIPHER *EVP_aes_256_gcm(void);
int EVP_DecryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl,
                       const unsigned char *key, const unsigned char *iv);
int EVP_CIPHER_CTX_ctrl(EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr);
int EVP_DecryptUpdate(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl);
int EVP_DecryptFinal_ex(EVP_CIPHER_CTX *ctx, unsigned char *outm, int *outl);
]])

local EVP_CTRL_GCM_SET_TAG = 0x11
local crypto = ffi.C
if not pcall(function() return crypto.EVP_aes_256_gcm end) then
  crypto = ffi.load("libcrypto.so.3")
end

local cache = assert(lrucache.new(2000))
local key_bytes

local function aes_key()
  if key_bytes == nil then
    local encoded = config.get().cert_key or ""
    key_bytes = encoded ~= "" and ngx.decode_base64(encoded) or false
  end
  return key_bytes
end

-- AES-256-GCM open; nil when the key, the tag or the associated data do not match.
function M.decrypt(blob, aad)
  local key = aes_key()
  local raw = ngx.decode_base64(blob or "")
  if not key or #key ~= 32 or not raw or #raw < 12 + 16 then return nil end
  local iv, body, tag = raw:sub(1, 12), raw:sub(13, -17), raw:sub(-16)
  local ctx = crypto.EVP_CIPHER_CTX_new()
  if ctx == nil then return nil end
  local out = ffi.new("unsigned char[?]", #body + 16)
  local len = ffi.new("int[1]")
  local ok = crypto.EVP_DecryptInit_ex(ctx, crypto.EVP_aes_256_gcm(), nil, key, iv) == 1
    and crypto.EVP_DecryptUpdate(ctx, nil, len, aad, #aad) == 1
    and crypto.EVP_DecryptUpdate(ctx, out, len, body, #body) == 1
  local plain_len = len[0]
  ok = ok and crypto.EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, ffi.cast("void *", tag)) == 1
    and crypto.EVP_DecryptFinal_ex(ctx, out + plain_len, len) == 1
  crypto.EVP_CIPHER_CTX_free(ctx)
  if not ok then return nil end
  return ffi.string(out, plain_len)
end

local function fetch(name)
  local red, err = redis_conn.connect()
  if not red then
    redis_conn.mark_down(err)
    return nil, "redis"
  end
  local raw, get_err = red:get(config.get().route_prefix .. "cert:" .. name)
  if not raw then red:close(); return nil, get_err end
  redis_conn.release(red)
  if raw == ngx.null then return { missing = true } end
  local record = cjson.decode(raw)
  if not record then return { missing = true } end
  local entry = { not_after = tonumber(record.not_after) or 0, issued_at = tonumber(record.issued_at) or 0 }
  local plain = M.decrypt(record.blob, name)
  local secret = plain and cjson.decode(plain)
  if not secret then
    ngx.log(ngx.ERR, "pagemagic edge: certificate of ", name, " does not decrypt (wrong cert_key?)")
    return { missing = true }
  end
  local ok, ssl = pcall(require, "ngx.ssl")
  if ok then
    entry.cert = ssl.parse_pem_cert(secret.cert)
    entry.key = ssl.parse_pem_priv_key(secret.key)
  end
  entry.pem = true
  return entry
end

-- The cached entry for `name`: {not_after, cert, key} or {missing = true}; stale while Redis is down.
function M.lookup(name)
  local entry, stale = cache:get(name)
  if entry then return entry end
  local fresh, err = fetch(name)
  if not fresh then
    return stale or { missing = true }, err
  end
  cache:set(name, fresh, config.get().cache_ttl or 2)
  return fresh
end

-- True when `name` has a certificate that has not expired (HTTP then redirects to HTTPS).
function M.active(name)
  local entry = M.lookup(string.lower(name))
  return not entry.missing and entry.not_after > ngx.time()
end

-- ssl_certificate_by_lua: the domain's own certificate, or the default one when it has none.
function M.serve()
  local ssl = require "ngx.ssl"
  local name = ssl.server_name()
  if not name then return end
  name = string.lower(name)
  local entry = M.lookup(name)
  if entry.missing or not entry.cert or not entry.key then return end
  if entry.not_after <= ngx.time() then
    ngx.log(ngx.WARN, "pagemagic edge: certificate of ", name, " expired; serving the default certificate")
    return
  end
  local ok, err = ssl.clear_certs()
  if ok then ok, err = ssl.set_cert(entry.cert) end
  if ok then ok, err = ssl.set_priv_key(entry.key) end
  if not ok then
    ngx.log(ngx.ERR, "pagemagic edge: could not set the certificate of ", name, ": ", err)
    return ngx.exit(ngx.ERROR)
  end
end

-- access phase, plain HTTP: send the visitor to HTTPS once the domain's certificate is active.
function M.redirect()
  local port = config.get().https_port
  if not port or ngx.var.scheme ~= "http" then return end
  local host = ngx.var.host or ""
  if host == "" or not M.active(host) then return end
  local authority = port == 443 and host or (host .. ":" .. port)
  return ngx.redirect("https://" .. authority .. ngx.var.request_uri, ngx.HTTP_MOVED_PERMANENTLY)
end

return M
