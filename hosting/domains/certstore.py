"""Certificates and their private keys, encrypted at rest in Redis, where the edge reads them.

Each domain has one key, ``pm:cert:<name>``, holding JSON::

    {"not_after": <epoch>, "issued_at": <epoch>, "blob": base64(nonce[12] | AES-256-GCM(json{cert,key}))}

The encryption key (``PAGEMAGIC_CERT_KEY``, 32 bytes in base64) is shared with the
edge, which decrypts in ``lua/cert.lua``. The domain name is the associated
data, so a blob copied under another domain's key does not decrypt. ``not_after``
is in the clear so the edge can tell an expired certificate without decrypting.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from redis.asyncio import Redis

from hosting.routes import PREFIX

ACCOUNT_KEY = f"{PREFIX}acme-account"


def cert_key(name: str) -> str:
    return f"{PREFIX}cert:{name.lower()}"


def parse_key(encoded: str) -> bytes:
    """The 32-byte AES key from its base64 form (standard or URL-safe); says what is wrong otherwise."""
    text = encoded.strip()
    try:
        raw = base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_") + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("PAGEMAGIC_CERT_KEY must be base64 (try: openssl rand -base64 32)") from exc
    if len(raw) != 32:
        raise ValueError(f"PAGEMAGIC_CERT_KEY must hold 32 bytes, not {len(raw)} (try: openssl rand -base64 32)")
    return raw


@dataclass(frozen=True)
class StoredCertificate:
    name: str
    fullchain_pem: str
    key_pem: str
    not_after: datetime
    issued_at: datetime


class Sealer:
    """AES-256-GCM with a random 96-bit nonce; the associated data binds a blob to its owner."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, bound_to: str) -> str:
        nonce = os.urandom(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, plaintext, bound_to.encode())).decode()

    def open(self, blob: str, bound_to: str) -> bytes:
        raw = base64.b64decode(blob)
        return self._aead.decrypt(raw[:12], raw[12:], bound_to.encode())


class CertificateStore:
    def __init__(self, redis: Redis, key: bytes) -> None:
        self.redis = redis
        self.sealer = Sealer(key)

    async def put(self, name: str, fullchain_pem: str, key_pem: str) -> StoredCertificate:
        leaf = x509.load_pem_x509_certificate(fullchain_pem.encode())
        not_after = leaf.not_valid_after_utc
        secret = json.dumps({"cert": fullchain_pem, "key": key_pem}).encode()
        issued_at = int(time.time())
        record = {
            "not_after": int(not_after.timestamp()),
            "issued_at": issued_at,
            "blob": self.sealer.seal(secret, name.lower()),
        }
        # One SET: the edge sees the old certificate or the new one, never half of each.
        await self.redis.set(cert_key(name), json.dumps(record, separators=(",", ":")))
        return StoredCertificate(name, fullchain_pem, key_pem, not_after, datetime.fromtimestamp(issued_at, UTC))

    async def get(self, name: str) -> StoredCertificate | None:
        raw = await self.redis.get(cert_key(name))
        if raw is None:
            return None
        record = json.loads(raw)
        try:
            secret = json.loads(self.sealer.open(record["blob"], name.lower()))
        except InvalidTag:
            return None  # another key, or a blob that is not this domain's: treat as absent
        return StoredCertificate(
            name,
            secret["cert"],
            secret["key"],
            datetime.fromtimestamp(record["not_after"], UTC),
            datetime.fromtimestamp(record["issued_at"], UTC),
        )

    async def delete(self, name: str) -> None:
        await self.redis.delete(cert_key(name))

    async def load_account(self) -> bytes | None:
        """The ACME account key (PEM), shared by every process that orders certificates."""
        raw = await self.redis.get(ACCOUNT_KEY)
        return self.sealer.open(raw.decode() if isinstance(raw, bytes) else raw, "acme-account") if raw else None

    async def save_account(self, key_pem: bytes) -> bytes:
        """Stores ``key_pem`` unless another process stored one first; returns the one in use."""
        if await self.redis.set(ACCOUNT_KEY, self.sealer.seal(key_pem, "acme-account"), nx=True):
            return key_pem
        stored = await self.load_account()
        assert stored is not None
        return stored
