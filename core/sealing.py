"""Secrets kept at rest encrypted: AES-256-GCM under a 32-byte key given in base64.

The same mechanism seals custom-domain certificates (``PAGEMAGIC_CERT_KEY``,
shared with the edge) and the Slack bot tokens of workspace installs
(``PAGEMAGIC_TOKEN_KEY``, which only the app holds). Every blob is bound to
its owner (the associated data: a domain name, a workspace), so a blob copied
into another row does not open.

``SecretBox`` adds key rotation for values kept in the database: a sealed
value names the key that sealed it (``pm1:<key id>:<blob>``, the key id being
the first 8 hex digits of the key's SHA-256), earlier keys can still open what
they sealed, and ``stale`` says which values to seal again under the current key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.errors import TokenKeyMissing
from core.settings import Settings

PREFIX = "pm1:"


def parse_key(encoded: str, setting: str = "PAGEMAGIC_CERT_KEY") -> bytes:
    """The 32-byte AES key from its base64 form (standard or URL-safe); says what is wrong otherwise."""
    text = encoded.strip()
    try:
        raw = base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_") + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{setting} must be base64 (try: openssl rand -base64 32)") from exc
    if len(raw) != 32:
        raise ValueError(f"{setting} must hold 32 bytes, not {len(raw)} (try: openssl rand -base64 32)")
    return raw


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


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


class SecretBox:
    """Seals text values for the database under the current key; opens them under any known key."""

    def __init__(self, current: bytes, previous: tuple[bytes, ...] = ()) -> None:
        self.current = key_id(current)
        self._sealers = {key_id(key): Sealer(key) for key in (*previous, current)}

    @classmethod
    def from_settings(cls, current: str, previous: str = "") -> SecretBox:
        """From ``PAGEMAGIC_TOKEN_KEY`` and the comma-separated ``PAGEMAGIC_TOKEN_KEY_PREVIOUS``."""
        earlier = tuple(parse_key(k, "PAGEMAGIC_TOKEN_KEY_PREVIOUS") for k in previous.split(",") if k.strip())
        return cls(parse_key(current, "PAGEMAGIC_TOKEN_KEY"), earlier)

    def seal(self, plaintext: str, bound_to: str) -> str:
        blob = self._sealers[self.current].seal(plaintext.encode(), bound_to)
        return f"{PREFIX}{self.current}:{blob}"

    def open(self, stored: str, bound_to: str) -> str:
        """The plain value; ``TokenKeyMissing`` when no key we have sealed it (or it is not ``bound_to``'s)."""
        kid, _, blob = stored.removeprefix(PREFIX).partition(":")
        sealer = self._sealers.get(kid)
        if sealer is None:
            raise TokenKeyMissing(f"sealed with key {kid}, which is not PAGEMAGIC_TOKEN_KEY nor in PAGEMAGIC_TOKEN_KEY_PREVIOUS")
        try:
            return sealer.open(blob, bound_to).decode()
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise TokenKeyMissing(f"the value sealed with key {kid} does not open for {bound_to}") from exc

    def stale(self, stored: str) -> bool:
        """True for a value to seal again: plain text, or sealed under an earlier key."""
        return not stored.startswith(f"{PREFIX}{self.current}:")


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


def token_box(settings: Settings) -> SecretBox | None:
    """The box for secrets kept in the database, from ``PAGEMAGIC_TOKEN_KEY`` (None when it is unset)."""
    if settings.token_key is None:
        return None
    previous = settings.token_key_previous.get_secret_value() if settings.token_key_previous else ""
    try:
        return SecretBox.from_settings(settings.token_key.get_secret_value(), previous)
    except ValueError as exc:
        raise TokenKeyMissing(str(exc)) from exc
