"""Moves each custom domain along: pending DNS -> verified (routed) -> issuing -> active, and renews.

Several sites may claim a name; the first whose DNS proof is found holds it
and the other claims end ``lost``; a claim not proven within ``claim_ttl``
ends ``expired``. Either way its owner is told at the next ``/domain check``.

Implements ``core.domains.DomainPort``. A check runs the DNS test at once (it is
quick); the certificate is ordered in the background (a task of this process,
guarded by a Redis lock so two processes never order the same one), and the
periodic loop (``run_forever``, in ``pagemagic worker`` or the chat process)
re-checks pending domains with backoff, retries failed orders after the time
the failure asked for, and renews certificates ``renew_before`` ahead of expiry.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from core.domains import DnsProblem, DomainProgress, is_apex, txt_name
from core.errors import PageMagicError
from core.storage.domains import DomainState, DomainStore
from core.storage.tables import DOMAIN_ENDED
from hosting.domains.acme import AcmeIssuer
from hosting.domains.certstore import CertificateStore
from hosting.domains.dns import DnsChecker
from hosting.domains.errors import CertificateError
from hosting.routes import PREFIX, Route, RouteTable

log = logging.getLogger(__name__)

ROUTED = ("verified", "issuing", "active", "failed")  # DNS proven: the edge may serve it


@dataclass(frozen=True)
class DomainPolicy:
    base_domain: str
    edge_ipv4: tuple[str, ...] = ()
    edge_ipv6: tuple[str, ...] = ()
    renew_before: timedelta = timedelta(days=30)
    first_recheck: timedelta = timedelta(minutes=1)
    max_recheck: timedelta = timedelta(hours=6)
    fallback_endpoint: str | None = None  # where the edge sends a domain whose site has no route (local hosting)
    claim_ttl: timedelta = timedelta(hours=72)  # an unproven claim ends after this (PAGEMAGIC_DOMAIN_CLAIM_HOURS)


def backoff(attempts: int, policy: DomainPolicy) -> timedelta:
    """1 min, 2, 4, ... up to ``max_recheck``: a domain whose DNS is still wrong is asked less and less."""
    delay: timedelta = policy.first_recheck * (2 ** min(attempts, 20))
    return min(delay, policy.max_recheck)


class DomainManager:
    def __init__(
        self,
        domains: DomainStore,
        redis: Redis,
        dns: DnsChecker,
        issuer: AcmeIssuer,
        certs: CertificateStore,
        policy: DomainPolicy,
    ) -> None:
        self.domains = domains
        self.redis = redis
        self.routes = RouteTable(redis)
        self.dns = dns
        self.issuer = issuer
        self.certs = certs
        self.policy = policy
        self._tasks: dict[str, asyncio.Task[None]] = {}

    # -- core.domains.DomainPort ------------------------------------------------------

    def target(self, slug: str) -> str:
        return f"{slug}.{self.policy.base_domain}"

    def records(self, slug: str, name: str, token: str) -> tuple[tuple[str, str, str], ...]:
        target = self.target(slug)
        pointing: list[tuple[str, str, str]] = []
        if is_apex(name):
            pointing += [("A", name, ip) for ip in self.policy.edge_ipv4]
            pointing += [("AAAA", name, ip) for ip in self.policy.edge_ipv6]
            if not pointing:  # no fixed edge address known: the provider's ALIAS/ANAME flattening
                pointing.append(("ALIAS", name, target))
        else:
            pointing.append(("CNAME", name, target))
        return (*pointing, ("TXT", txt_name(name), token))

    async def attached(self, site_id: int, name: str) -> None:
        state = await self.domains.get(name, site_id)
        if state is not None and state.status == "pending_dns":
            await self.domains.update(site_id, name, "pending_dns", detail=state.detail, next_check_at=_now())

    async def status(self, site_id: int, name: str) -> DomainProgress | None:
        state = await self.domains.get(name, site_id)
        return _progress(state) if state is not None else None

    async def check(self, site_id: int, name: str) -> DomainProgress:
        state = await self.domains.get(name, site_id)
        if state is None:
            return DomainProgress(name, "removed")
        state = await self._check(state, now=_now())
        return _progress(state)

    async def remove(self, slug: str, name: str) -> None:
        task = self._tasks.pop(name, None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        route = await self.routes.get(slug)
        if route is not None and name in route.hosts:
            if route.hosts == (name,) and route.endpoints == (self.policy.fallback_endpoint,):
                await self.routes.remove(slug)  # a route this manager made for local hosting
            else:
                await self.routes.put(replace(route, hosts=tuple(h for h in route.hosts if h != name)))
        await self.certs.delete(name)

    # -- the periodic loop ---------------------------------------------------------------

    async def run_once(self, now: datetime | None = None) -> int:
        """Check or renew every domain that is due; returns how many were looked at."""
        now = now or _now()
        for expired in await self.domains.expire_claims(now - self.policy.claim_ttl):
            log.info("domain %s: site %s's claim expired unproven", expired.name, expired.site_id)
        due = await self.domains.due(now)
        for state in due:
            try:
                if state.status == "active":
                    await self._renew(state, now)
                else:
                    await self._check(state, now, background=False)
            except PageMagicError as exc:  # one domain's trouble must not stop the others
                log.warning("domain %s: %s", state.name, exc.code)
        return len(due)

    async def drain(self) -> None:
        """Wait for certificate orders this process started (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks.values()):
            task.cancel()
        await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    # -- steps ----------------------------------------------------------------------------

    async def _check(self, state: DomainState, now: datetime, background: bool = True) -> DomainState:
        if state.status in DOMAIN_ENDED:
            return state  # a claim that lost or expired: nothing to look at
        if state.status == "active":
            await self._route(state)
            return state
        if state.status == "pending_dns":
            holder = await self.domains.get(state.name)
            if holder is not None and holder.site_id != state.site_id:
                return await self.domains.lose(state.site_id, state.name) or state
            if state.claimed_at is not None and state.claimed_at + self.policy.claim_ttl <= now:
                return await self.domains.update(state.site_id, state.name, "expired", next_check_at=None) or state
        problems = await self.dns.problems(
            state.name,
            state.token,
            self.target(state.slug),
            self.policy.edge_ipv4 + self.policy.edge_ipv6,
            apex=is_apex(state.name),
        )
        if problems:
            if state.status in ROUTED:
                # Proven once; a DNS hiccup does not take a routed domain down. Retry the order later.
                return state
            attempts = state.attempts + 1
            updated = await self.domains.update(
                state.site_id,
                state.name,
                "pending_dns",
                detail=json.dumps([asdict(p) for p in problems]),
                attempts=attempts,
                next_check_at=now + backoff(attempts - 1, self.policy),
                checked=True,
            )
            return updated or state
        if state.status == "pending_dns":
            # Proven: the name is this site's, unless another site's proof came first.
            won = await self.domains.prove(state.site_id, state.name, now)
            state = await self.domains.get(state.name, state.site_id) or state
            if not won:
                return state
        await self._route(state)
        if state.status in ("verified", "issuing") or (
            state.status == "failed" and (state.next_check_at is None or state.next_check_at <= now)
        ):
            if background:
                self._spawn(state)
            else:
                state = await self._issue(state)
        return state

    async def _renew(self, state: DomainState, now: datetime) -> None:
        if state.not_after is not None and state.not_after - self.policy.renew_before > now:
            await self.domains.update(state.site_id, state.name, "active", next_check_at=state.not_after - self.policy.renew_before)
            return
        await self._issue(state, renewing=True, now=now)

    def _spawn(self, state: DomainState) -> None:
        running = self._tasks.get(state.name)
        if running is not None and not running.done():
            return
        task = asyncio.create_task(self._issue_logged(state))
        self._tasks[state.name] = task
        name = state.name

        def forget(_task: asyncio.Task[None]) -> None:
            if self._tasks.get(name) is _task:
                del self._tasks[name]

        task.add_done_callback(forget)

    async def _issue_logged(self, state: DomainState) -> None:
        try:
            await self._issue(state)
        except PageMagicError as exc:
            log.warning("certificate for %s: %s", state.name, exc.code)

    async def _issue(self, state: DomainState, renewing: bool = False, now: datetime | None = None) -> DomainState:
        lock = f"{PREFIX}domain-lock:{state.name}"
        owner = secrets.token_hex(8)
        if not await self.redis.set(lock, owner, nx=True, ex=int(self.issuer.timeout) + 60):
            return state  # another process is ordering it right now
        try:
            if not renewing:
                state = await self.domains.update(state.site_id, state.name, "issuing", attempts=state.attempts) or state
            try:
                issued = await self.issuer.issue(state.name)
            except CertificateError as exc:
                return await self._failed(state, exc, renewing, now or _now())
            if await self.domains.get(state.name, state.site_id) is None:
                return replace(state, status="removed")  # removed while the order ran: store nothing
            stored = await self.certs.put(state.name, issued.fullchain_pem, issued.key_pem)
            log.info("certificate for %s valid until %s", state.name, stored.not_after.isoformat())
            updated = await self.domains.update(
                state.site_id,
                state.name,
                "active",
                attempts=0,
                not_after=stored.not_after,
                next_check_at=stored.not_after - self.policy.renew_before,
            )
            return updated or state
        finally:
            if await self.redis.get(lock) == owner.encode():
                await self.redis.delete(lock)

    async def _failed(self, state: DomainState, exc: CertificateError, renewing: bool, now: datetime) -> DomainState:
        attempts = state.attempts + 1
        retry = now + max(timedelta(seconds=exc.retry_after), backoff(attempts - 1, self.policy))
        if renewing and state.not_after is not None and state.not_after > now:
            # The current certificate still serves; try again before it runs out.
            updated = await self.domains.update(
                state.site_id,
                state.name, "active", detail=_failure(exc), attempts=attempts, next_check_at=retry
            )
            return updated or state
        if renewing:
            log.warning("certificate for %s expired and could not be renewed (%s): serving it over HTTP only",
                        state.name, exc.detail)
            await self.certs.delete(state.name)
        updated = await self.domains.update(
            state.site_id, state.name, "failed", detail=_failure(exc), attempts=attempts, next_check_at=retry
        )
        return updated or state

    async def _route(self, state: DomainState) -> None:
        """Add the domain to its site's route (once DNS proved it); a site without a route gets one
        to the fallback endpoint (local hosting), otherwise the next publish adds it."""
        route = await self.routes.get(state.slug)
        if route is not None:
            if state.name not in route.hosts:
                await self.routes.put(replace(route, hosts=(*route.hosts, state.name)))
            return
        if self.policy.fallback_endpoint:
            await self.routes.put(
                Route(state.slug, state.site_id, 0, "free", (state.name,), (self.policy.fallback_endpoint,))
            )


def _now() -> datetime:
    return datetime.now(UTC)


def _failure(exc: CertificateError) -> str:
    """A certificate failure as stored: its kind (said to users in their language) and the CA's words."""
    return json.dumps({"cause": exc.code, "detail": exc.detail})


def _progress(state: DomainState) -> DomainProgress:
    problems: tuple[DnsProblem, ...] = ()
    detail, cause = state.detail, ""
    if state.status == "pending_dns" and detail.startswith("["):
        problems = tuple(DnsProblem(**p) for p in json.loads(detail))
        detail = ""
    elif detail.startswith("{"):
        stored = json.loads(detail)
        detail, cause = str(stored.get("detail", "")), str(stored.get("cause", ""))
    return DomainProgress(state.name, state.status, detail, problems, state.not_after, cause)
