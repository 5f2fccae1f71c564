"""Domain names users attach: normalised to ASCII (IDNA) and checked label by label."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import idna
import tldextract

from core.errors import InvalidDomain

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# The Public Suffix List snapshot shipped inside tldextract: no download, no cache on disk.
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def normalise_domain(raw: str) -> str:
    """Return the ASCII (punycode) form of ``raw`` or raise ``InvalidDomain`` saying why."""
    name = raw.strip().lower().rstrip(".")
    for prefix in ("http://", "https://"):
        if name.startswith(prefix):
            name = name[len(prefix):].split("/", 1)[0]
    if not name:
        raise InvalidDomain(raw, domain=raw, reason="empty")
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        pass
    else:
        raise InvalidDomain(raw, domain=raw[:60], reason="ip_address")
    if len(name) > 253:
        raise InvalidDomain(raw, domain=raw[:60], reason="too_long")
    try:
        ascii_name = idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidDomain(raw, domain=raw[:60], reason="characters") from exc
    labels = ascii_name.split(".")
    if len(labels) < 2:
        raise InvalidDomain(raw, domain=raw[:60], reason="no_tld")
    for label in labels:
        if not _LABEL.match(label):
            raise InvalidDomain(raw, domain=raw[:60], reason="label", label=label[:63])
    if labels[-1].isdigit():
        raise InvalidDomain(raw, domain=raw[:60], reason="ip_address")
    if ascii_name.endswith((".localhost", ".local", ".invalid", ".test", ".example")) or ascii_name == "localhost":
        raise InvalidDomain(raw, domain=raw[:60], reason="reserved")
    parts = _SUFFIXES(ascii_name)
    if not parts.suffix:
        raise InvalidDomain(raw, domain=raw[:60], reason="unknown_tld", tld="." + labels[-1])
    if not parts.domain:  # co.uk, com.pt: shared by everyone registered under them
        raise InvalidDomain(raw, domain=raw[:60], reason="public_suffix", suffix=ascii_name)
    return ascii_name


def check_allowed(name: str, base_domain: str, deny: tuple[str, ...] = ()) -> None:
    """Refuse names no user may attach: our own base domain (and its sub-names) and the deny list.

    ``name`` is already normalised; a deny-list entry also covers every name under it.
    """
    for own in (base_domain.lower().rstrip("."), *(d.lower().strip().rstrip(".") for d in deny)):
        if own and (name == own or name.endswith("." + own)):
            reason = "ours" if own == base_domain.lower().rstrip(".") else "denied"
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apex(name: str) -> bool:
    """True for a registrable name (example.com, example.com.pt, example.co.uk): no CNAME allowed there.

    Decided by the Public Suffix List, so loja.com.br is an apex and www.loja.pt is not.
    """
    return _SUFFIXES(name).top_domain_under_public_suffix == name


def txt_name(name: str) -> str:
    """The TXT record that proves ownership of ``name``."""
    return f"_pagemagic.{name}"


@dataclass(frozen=True)
class DnsProblem:
    """One DNS record that is missing or wrong: what to set, and what the resolver saw."""

    kind: str  # txt_missing | txt_wrong | pointer_missing | pointer_wrong | dns_error
    record_type: str  # TXT | CNAME | A | AAAA
    record_name: str
    expected: str
    found: str = ""


@dataclass(frozen=True)
class DomainProgress:
    """Where a domain stands after a check (``status`` as in ``core.events.DomainStatus``)."""

    name: str
    status: str
    detail: str = ""  # the reason when failed, as the certificate authority gave it (for operators)
    problems: tuple[DnsProblem, ...] = ()
    not_after: datetime | None = None  # when the certificate runs out (active)
    cause: str = ""  # what kind of certificate failure, told to users in their language


class DomainPort(Protocol):
    """Custom domains with DNS proof and certificates (``hosting/domains`` implements it)."""

    def records(self, slug: str, name: str, token: str) -> tuple[tuple[str, str, str], ...]:
        """The (type, name, value) records the user sets at the DNS provider."""
        ...

    async def attached(self, site_id: int, name: str) -> None:
        """The site claimed a domain: start looking at its DNS."""
        ...

    async def check(self, site_id: int, name: str) -> DomainProgress:
        """Check the site's claim now; once proven (and not by another site first), route it and
        start its certificate (in the background). Ends as ``lost`` or ``expired`` otherwise."""
        ...

    async def status(self, site_id: int, name: str) -> DomainProgress | None:
        """The stored status of the site's domain, without checking anything."""
        ...

    async def remove(self, slug: str, name: str) -> None:
        """Take the domain off the route table and delete its certificate."""
        ...
