"""Certificates and their private keys, encrypted at rest in Redis, where the edge reads them.

Each domain has one key, ``pm:cert:<name>``, holding JSON::

    {"not_after": <epoch>, "issued_at": <epoch>, "blob": base64(nonce[12] | AES-256-GCM(json{cert,key}))}

The encryption key (``PAGEMAGIC_CERT_KEY``, 32 bytes in base64) is shared with the
edge, which decrypts in ``lua/cert.lua``. The domain name is the associated
data, so a blob copied under another domain's key does not decrypt. ``not_after``
is in the clear so the edge can tell an expired certificate without decrypting.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidTag
from redis.asyncio import Redis

from core.sealing import Sealer, parse_key
from hosting.routes import PREFIX

__all__ = ["ACCOUNT_KEY", "CertificateStore", "Sealer", "StoredCertificate", "cert_key", "parse_key"]

ACCOUNT_KEY = f"{PREFIX}acme-account"


def cert_key(name: str) -> str:
    return f"{PREFIX}cert:{name.lower()}"


@dataclass(frozen=True)
class StoredCertificate:
    name: str
    fullchain_pem: str
    key_pem: str
    not_after: datetime
    issued_at: datetime


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
