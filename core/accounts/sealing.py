"""Sealing small secrets at rest (TOTP secrets) with AES-GCM.

The key is PAGEMAGIC_ACCOUNT_KEY (32 bytes, base64) in production, where every replica must
share it; the embedded default makes one under PAGEMAGIC_HOME the first time and reuses it.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_FILE = "account.key"


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the account key must be 32 bytes (openssl rand -base64 32)")
        self._aead = AESGCM(key)

    @classmethod
    def from_base64(cls, text: str) -> Sealer:
        return cls(base64.b64decode(text.strip()))

    @classmethod
    def from_home(cls, home: Path) -> Sealer:
        """The key kept under ``home`` (made, readable by this user only, on first use)."""
        path = home / KEY_FILE
        if not path.exists():
            home.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(base64.b64encode(secrets.token_bytes(32)).decode())
        return cls.from_base64(path.read_text())

    def seal(self, plain: str) -> str:
        nonce = secrets.token_bytes(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, plain.encode(), b"pagemagic")).decode()

    def open(self, sealed: str) -> str:
        raw = base64.b64decode(sealed)
        return self._aead.decrypt(raw[:12], raw[12:], b"pagemagic").decode()
