"""Domain names users attach: normalised to ASCII (IDNA) and checked label by label."""

from __future__ import annotations

import re

import idna

from core.errors import InvalidDomain

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalise_domain(raw: str) -> str:
    """Return the ASCII (punycode) form of ``raw`` or raise ``InvalidDomain`` saying why."""
    name = raw.strip().lower().rstrip(".")
    for prefix in ("http://", "https://"):
        if name.startswith(prefix):
            name = name[len(prefix):].split("/", 1)[0]
    if not name:
        raise InvalidDomain(raw, domain=raw, reason="empty")
    if len(name) > 253:
        raise InvalidDomain(raw, domain=raw[:60], reason="longer than 253 characters")
    try:
        ascii_name = idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidDomain(raw, domain=raw[:60], reason="contains characters a domain can't have") from exc
    labels = ascii_name.split(".")
    if len(labels) < 2:
        raise InvalidDomain(raw, domain=raw[:60], reason="needs a dot and a top-level domain, like .com")
    for label in labels:
        if not _LABEL.match(label):
            raise InvalidDomain(raw, domain=raw[:60], reason=f"the part “{label[:63]}” is not allowed")
    if labels[-1].isdigit():
        raise InvalidDomain(raw, domain=raw[:60], reason="an IP address is not a domain")
    if ascii_name.endswith((".localhost", ".local", ".invalid", ".test", ".example")) or ascii_name == "localhost":
        raise InvalidDomain(raw, domain=raw[:60], reason="that name is reserved and can't be reached on the internet")
    return ascii_name
