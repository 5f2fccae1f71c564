"""Sealing two-factor secrets at rest, with ``core.sealing``'s AES-256-GCM bound to the account.

The key is PAGEMAGIC_ACCOUNT_KEY (32 bytes, base64) in production, where every replica must
share it; the embedded default makes one under PAGEMAGIC_HOME the first time and reuses it.
The associated data names what a blob is (``pagemagic:totp``), so it opens only as that.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from core.sealing import Sealer as _Aead
from core.sealing import parse_key

KEY_FILE = "account.key"
SETTING = "PAGEMAGIC_ACCOUNT_KEY"


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError(f"{SETTING} must hold 32 bytes (openssl rand -base64 32)")
        self._aead = _Aead(key)

    @classmethod
    def from_base64(cls, text: str) -> Sealer:
        return cls(parse_key(text, SETTING))

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

    def seal(self, plain: str, bound_to: str) -> str:
        return self._aead.seal(plain.encode(), bound_to)

    def open(self, sealed: str, bound_to: str) -> str:
        return self._aead.open(sealed, bound_to).decode()
