"""A custom domain from /domain to HTTPS and back, on real pebble, pebble-challtestsrv, nginx + Lua and Redis.

The site is published with the embedded setup, then the same home is opened with Redis and the
certificate key: the domain stays pending without its TXT proof, refuses a token that belongs to
another site's domain, verifies once the token is set, gets a certificate from pebble through the
edge's HTTP-01 answer, is served over HTTPS by SNI, renews without an nginx reload, and is gone
after /domain remove.
"""

from __future__ import annotations

import asyncio
import secrets
import ssl
from datetime import timedelta
from pathlib import Path

import httpx

from bots.wiring import Runtime, runtime
from core.events import DomainStatus, Event, Failed, Published
from core.settings import Settings
from core.storage.domains import DomainStore
from core.storage.records import ChatRef
from hosting.domains.manager import DomainManager
from tests.hosting.domains.conftest import Stack
from tests.hosting.domains.tls import https_get
from tests.waiting import eventually

ANA = ChatRef(platform="console", chat_id="ana-room", user_id="ana")
BRUNO = ChatRef(platform="console", chat_id="bruno-room", user_id="bruno")
BASE = "sites-pagemagic.net"


async def say(rt: Runtime, text: str, chat: ChatRef = ANA) -> list[Event]:
    return [event async for event in rt.studio.message(chat, text)]


def settings(home: Path, stack: Stack | None = None) -> Settings:
    values: dict[str, object] = {"home": home, "port": 0, "base_domain": BASE}
    if stack is not None:
        values.update(
            redis_url=stack.redis_url, cert_key=stack.cert_key, acme_directory=stack.acme_directory,
            acme_ca_bundle=stack.acme_ca_bundle, dns_resolver="127.0.0.1", dns_resolver_port=stack.dns_port,
            domain_deny="blocked-brand.com",
        )
    return Settings(**values)  # type: ignore[arg-type]


async def publish_two_sites(home: Path) -> None:
    async with runtime(settings(home)) as rt:
        for chat, text in ((ANA, "Uma padaria artesanal em Lisboa, com menu e contacto"),
                           (BRUNO, "A small bike repair shop in Porto with prices and contact")):
            await say(rt, text, chat)
            assert isinstance((await say(rt, "/publish", chat))[-1], Published)


def nginx_workers(stack: Stack) -> set[str]:
    assert stack.edge.process is not None
    pid = stack.edge.process.pid
    return set(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())


def manager_of(rt: Runtime) -> DomainManager:
    assert isinstance(rt.studio.domains, DomainManager)
    return rt.studio.domains


async def test_domain_proven_issued_served_renewed_and_removed(stack: Stack, tmp_path: Path) -> None:
    home = tmp_path / "home"
    await publish_two_sites(home)
    name = f"padaria-{secrets.token_hex(3)}.pt"
    sub = f"www.{name}"
    async with runtime(settings(home, stack)) as rt:
        # Attach: the records to set, nothing routed yet.
        attached = (await say(rt, f"/domain {sub}"))[-1]
        assert isinstance(attached, DomainStatus) and attached.status == "pending_dns"
        kinds = {r[0]: r for r in attached.records}
        slug = kinds["CNAME"][2].removesuffix(f".{BASE}")
        assert kinds["CNAME"][1] == sub and kinds["CNAME"][2].endswith(f".{BASE}")
        assert kinds["TXT"][1] == f"_pagemagic.{sub}"
        token = kinds["TXT"][2]
        assert token in attached.text and f"_pagemagic.{sub}" in attached.text

        # No TXT record: stays pending, and says exactly which record is missing.
        pending = (await say(rt, f"/domain check {sub}"))[-1]
        assert isinstance(pending, DomainStatus) and pending.status == "pending_dns"
        assert f"_pagemagic.{sub}" in pending.text and "TXT" in pending.text
        ana_site = (await rt.store.conversation(ANA)).site_id
        assert ana_site is not None
        assert await rt.studio.domains.status(ana_site, sub) is not None  # type: ignore[union-attr]

        # Another site's domain token does not prove this one.
        bikes = f"bicicletas-{secrets.token_hex(3)}.pt"
        other = (await say(rt, f"/domain {bikes}", BRUNO))[-1]
        assert isinstance(other, DomainStatus)
        other_token = next(r[2] for r in other.records if r[0] == "TXT")
        stack.dns("set-txt", host=f"_pagemagic.{sub}.", value=other_token)
        wrong = (await say(rt, "/domain check"))[-1]
        assert isinstance(wrong, DomainStatus) and wrong.status == "pending_dns"
        assert other_token in wrong.text and token in wrong.text  # found vs expected

        # A CNAME pointing elsewhere is named too.
        stack.dns("set-cname", host=f"{sub}.", target="elsewhere.example.net.")
        stack.dns("set-txt", host=f"_pagemagic.{sub}.", value=token)
        pointed = (await say(rt, "/domain check"))[-1]
        assert isinstance(pointed, DomainStatus) and pointed.status == "pending_dns"
        assert "elsewhere.example.net" in pointed.text and "CNAME" in pointed.text
        stack.dns("clear-cname", host=f"{sub}.")
        stack.dns("set-cname", host=f"{sub}.", target=f"{slug}.{BASE}.")

        # A second site may claim it while it is unproven (its own token); our own base domain and the
        # deny list are refused.
        await say(rt, f"/domain remove {bikes}", BRUNO)  # the free plan's one domain
        rival = (await say(rt, f"/domain {sub}", BRUNO))[-1]
        assert isinstance(rival, DomainStatus) and rival.status == "pending_dns"
        assert next(r[2] for r in rival.records if r[0] == "TXT") != token
        for refused in (f"shop.{BASE}", "blocked-brand.com", "10.0.0.1", "[::1]"):
            failed = (await say(rt, f"/domain {refused}"))[-1]
            assert isinstance(failed, Failed) and failed.code == "invalid_domain", refused

        # Right records: verified, routed, certificate issued through the edge, active.
        events = await say(rt, "/domain check")
        statuses = [e.status for e in events if isinstance(e, DomainStatus) and e.domain == sub]
        assert statuses[0] == "verified" and statuses[-1] == "active", [e.text for e in events]
        assert "https://" in events[-1].text
        # The first proof wins: the rival claim is withdrawn, and the name can no longer be claimed.
        lost = (await say(rt, f"/domain check {sub}", BRUNO))[-1]
        assert isinstance(lost, DomainStatus) and lost.status == "lost", lost.text
        taken = (await say(rt, f"/domain {sub}", BRUNO))[-1]
        assert isinstance(taken, Failed) and taken.code == "domain_taken"

        root = stack.root_ca()
        first = await asyncio.to_thread(https_get, stack.https_port, sub, root)
        assert first.status == 200 and b"<html" in first.body.lower()
        async with httpx.AsyncClient() as client:
            plain = await client.get(f"http://127.0.0.1:{stack.http_port}/menu?x=1", headers={"Host": sub})
        assert plain.status_code == 301
        assert plain.headers["location"] == f"https://{sub}:{stack.https_port}/menu?x=1"

        # Renewal 30 days before expiry replaces the certificate; nginx is never reloaded.
        workers = nginx_workers(stack)
        state = await DomainStore(rt.store).get(sub)
        assert state is not None and state.not_after is not None
        assert state.next_check_at == state.not_after - timedelta(days=30)
        manager = manager_of(rt)
        assert await manager.run_once(now=state.next_check_at + timedelta(seconds=1)) >= 1
        renewed = await DomainStore(rt.store).get(sub)
        assert renewed is not None and renewed.status == "active"

        async def renewed_certificate() -> object:  # once the edge's certificate cache runs out
            answer = await asyncio.to_thread(https_get, stack.https_port, sub, root)
            return answer if answer.certificate != first.certificate else None

        second = await eventually(renewed_certificate, what="the renewed certificate served")
        assert second.status == 200  # type: ignore[attr-defined]
        assert nginx_workers(stack) == workers  # the same worker processes: no reload happened

        # Detach: route and certificate gone.
        removed = (await say(rt, f"/domain remove {sub}"))[-1]
        assert isinstance(removed, DomainStatus) and removed.status == "removed"
        assert await DomainStore(rt.store).get(sub) is None

        async def certificate_gone() -> bool:
            try:
                await asyncio.to_thread(https_get, stack.https_port, sub, root)
            except ssl.SSLCertVerificationError:
                return True
            return False

        await eventually(certificate_gone, what="the detached domain's certificate to be gone")

        async def route_gone() -> bool:  # once the edge's route cache runs out too
            async with httpx.AsyncClient() as client:
                answer = await client.get(f"http://127.0.0.1:{stack.http_port}/", headers={"Host": sub})
            return answer.status_code == 404

        await eventually(route_gone, what="the detached domain to answer 404")
        for name_ in (sub,):
            stack.dns("clear-txt", host=f"_pagemagic.{name_}.")
            stack.dns("clear-cname", host=f"{name_}.")
