"""Asks a resolver whether a domain's TXT proof and pointing record are right.

The resolver address and port are settings (the test suite points them at
pebble-challtestsrv); without them the system resolver is used. Every answer
is compared with what the user was told to set, and each mismatch comes back
as a ``DnsProblem`` naming the record, what it should hold and what was found.
"""

from __future__ import annotations

import dns.asyncresolver
import dns.exception
import dns.resolver

from core.domains import DnsProblem, txt_name

_ABSENT = (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer)


class DnsChecker:
    def __init__(self, nameserver: str | None = None, port: int = 53, timeout: float = 3.0) -> None:
        resolver = dns.asyncresolver.Resolver(configure=nameserver is None)
        if nameserver is not None:
            resolver.nameservers = [nameserver]
            resolver.port = port
        resolver.lifetime = timeout
        resolver.cache = None  # a user who just fixed a record must see it at once
        self.resolver = resolver

    async def problems(
        self, name: str, token: str, target: str, addresses: tuple[str, ...] = (), apex: bool = False
    ) -> tuple[DnsProblem, ...]:
        """Everything wrong with ``name``'s records; empty means verified.

        ``target`` is the site's own hostname (what a CNAME must point at);
        ``addresses`` are the edge's public addresses an A/AAAA record may hold
        instead (the target's own addresses always count too).
        """
        found: list[DnsProblem] = []
        txt = await self._txt(txt_name(name), token)
        if txt is not None:
            found.append(txt)
        pointer = await self._pointer(name, target.lower().rstrip("."), addresses, apex)
        if pointer is not None:
            found.append(pointer)
        return tuple(found)

    async def _txt(self, record: str, token: str) -> DnsProblem | None:
        try:
            answer = await self.resolver.resolve(record, "TXT", raise_on_no_answer=True)
        except _ABSENT:
            return DnsProblem("txt_missing", "TXT", record, token)
        except dns.exception.DNSException as exc:
            return DnsProblem("dns_error", "TXT", record, token, type(exc).__name__)
        values = [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer]
        if token in values:
            return None
        return DnsProblem("txt_wrong", "TXT", record, token, ", ".join(values)[:200])

    async def _pointer(self, name: str, target: str, addresses: tuple[str, ...], apex: bool) -> DnsProblem | None:
        expected_type = "A" if apex else "CNAME"
        try:
            cname = await self.resolver.resolve(name, "CNAME", raise_on_no_answer=True)
        except _ABSENT:
            cname = None
        except dns.exception.DNSException as exc:
            return DnsProblem("dns_error", expected_type, name, target, type(exc).__name__)
        if cname is not None:
            points_at = str(cname[0].target).lower().rstrip(".")
            if points_at == target:
                return None
            return DnsProblem("pointer_wrong", "CNAME", name, target, points_at)
        own = await self._addresses(name)
        if isinstance(own, DnsProblem):
            return own
        if not own:
            return DnsProblem("pointer_missing", expected_type, name, ", ".join(addresses) if apex and addresses else target)
        allowed = set(addresses)
        site = await self._addresses(target)
        if isinstance(site, set):
            allowed |= site
        if own <= allowed:
            return None
        record_type = "AAAA" if all(":" in a for a in own - allowed) else "A"
        expected = ", ".join(sorted(allowed)) or target
        return DnsProblem("pointer_wrong", record_type, name, expected, ", ".join(sorted(own - allowed)))

    async def _addresses(self, host: str) -> set[str] | DnsProblem:
        found: set[str] = set()
        for rdtype in ("A", "AAAA"):
            try:
                answer = await self.resolver.resolve(host, rdtype, raise_on_no_answer=True)
            except _ABSENT:
                continue
            except dns.exception.DNSException as exc:
                return DnsProblem("dns_error", rdtype, host, "", type(exc).__name__)
            found.update(str(rdata.address) for rdata in answer)
        return found
