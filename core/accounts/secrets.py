"""The secrets accounts hand out, and how they are kept: only a SHA-256 of each is stored.

Every value here carries at least 128 random bits except the link code, which a person
types: it is short, lives ten minutes, is used once, and guesses at it are rate-limited.
SHA-256 (no salt, no stretching) is right for high-entropy random values: nothing can be
guessed from the digest, and checking one costs microseconds, which keeps sign-in fast.
"""

from __future__ import annotations

import hashlib
import secrets

# Crockford-like: no 0/O, 1/I/L, U; easy to read aloud and to type on a phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 30**8 ~ 6.6e11 codes


def new_token(prefix: str = "") -> str:
    """256 random bits, URL-safe (a session, a sign-in link, an API token)."""
    return prefix + secrets.token_urlsafe(32)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_link_code() -> str:
    """``K7M2-Q9XD``: what ``/link`` shows."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str:
    """What a person typed, in the form the code was issued in: case, spaces and dashes forgiven."""
    raw = "".join(c for c in text.upper() if c.isalnum())
    raw = raw.replace("0", "O").replace("1", "I")  # then refused below: never in a code
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == CODE_LENGTH and all(c in CODE_ALPHABET for c in raw) else ""


def new_recovery_code() -> str:
    """``abcd-efgh-ijkl-mnop``: 80 random bits in lowercase base32."""
    raw = "".join(secrets.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalise_recovery(text: str) -> str:
    raw = "".join(c for c in text.lower() if c.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4)) if len(raw) == 16 else ""
