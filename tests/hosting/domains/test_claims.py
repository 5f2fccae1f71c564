"""Issue 14, item 4: an unproven claim never blocks the name's real owner.

With DNS proof on, Ana sends ``/domain`` for a brand's name and never proves
it. Bruno, the owner, attaches the same name: he gets a claim of his own (his
own TXT token) instead of "already attached to another site". Whoever proves
the TXT record first wins the name; the other claim is withdrawn and its
holder is told so in their language. A claim nobody proves expires after
``PAGEMAGIC_DOMAIN_CLAIM_HOURS`` (72 by default): time comes from the
manager's ``now``, nothing waits.

Real parts: pebble-challtestsrv answers the DNS checks, Redis and the edge as
in the lifecycle test.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from bots.wiring import Runtime, runtime
from core.events import DomainStatus, Event, Failed
from core.settings import Settings
from core.storage.domains import DomainStore
from core.storage.records import ChatRef
from hosting.domains.manager import DomainManager
from tests.hosting.domains.conftest import Stack

ANA = ChatRef(platform="console", chat_id="ana-claims", user_id="ana")  # writes Portuguese
BRUNO = ChatRef(platform="console", chat_id="bruno-claims", user_id="bruno")  # writes English
BASE = "sites-pagemagic.net"


async def say(rt: Runtime, text: str, chat: ChatRef) -> list[Event]:
    return [event async for event in rt.studio.message(chat, text)]


def settings(home: Path, stack: Stack) -> Settings:
    return Settings(  # type: ignore[call-arg]
        home=home, port=0, base_domain=BASE, redis_url=stack.redis_url, cert_key=stack.cert_key,
        acme_directory=stack.acme_directory, acme_ca_bundle=stack.acme_ca_bundle, dns_resolver="127.0.0.1",
        dns_resolver_port=stack.dns_port, domain_wait_seconds=0,
    )


def txt_of(event: Event) -> str:
    assert isinstance(event, DomainStatus), event
    return next(value for kind, _name, value in event.records if kind == "TXT")


def manager_of(rt: Runtime) -> DomainManager:
    assert isinstance(rt.studio.domains, DomainManager)
    return rt.studio.domains


async def test_the_owner_is_not_blocked_by_an_unproven_claim_and_the_first_proof_wins(
    stack: Stack, tmp_path: Path
) -> None:
    brand = f"victim-brand-{secrets.token_hex(3)}.com"
    name = f"www.{brand}"
    async with runtime(settings(tmp_path / "home", stack)) as rt:
        await say(rt, "Uma padaria artesanal em Lisboa, com menu e contacto", ANA)
        await say(rt, "A small bike repair shop in Porto with prices and contact", BRUNO)

        squatted = (await say(rt, f"/domain {name}", ANA))[-1]
        assert isinstance(squatted, DomainStatus) and squatted.status == "pending_dns"

        claimed = (await say(rt, f"/domain {name}", BRUNO))[-1]
        assert not isinstance(claimed, Failed), claimed.text
        assert isinstance(claimed, DomainStatus) and claimed.status == "pending_dns"
        assert txt_of(claimed) != txt_of(squatted)  # a claim of his own, proven by his own record

        pointer = next(value for kind, _n, value in claimed.records if kind == "CNAME")  # Bruno's site
        stack.dns("set-txt", host=f"_pagemagic.{name}.", value=txt_of(claimed))
        stack.dns("set-cname", host=f"{name}.", target=f"{pointer}.")
        try:
            won = (await say(rt, f"/domain check {name}", BRUNO))
            assert any(isinstance(e, DomainStatus) and e.status == "verified" for e in won), [e.text for e in won]
            holder = await rt.store.site_for_domain(name)
            assert holder is not None and holder.id == (await rt.store.conversation(BRUNO)).site_id

            lost = (await say(rt, f"/domain check {name}", ANA))[-1]
            assert isinstance(lost, DomainStatus) and lost.status == "lost", lost.text
            assert lost.text.startswith(f"{name}: outra pessoa provou"), lost.text  # in Ana's language
            again = (await say(rt, f"/domain {name}", ANA))[-1]
            assert isinstance(again, Failed) and again.code == "domain_taken"
            assert "já está associado a outro site" in again.text
        finally:
            stack.dns("clear-txt", host=f"_pagemagic.{name}.")
            stack.dns("clear-cname", host=f"{name}.")
        await manager_of(rt).close()


async def test_an_unproven_claim_expires_and_its_holder_is_told(stack: Stack, tmp_path: Path) -> None:
    name = f"www.other-brand-{secrets.token_hex(3)}.com"
    async with runtime(settings(tmp_path / "home", stack)) as rt:
        await say(rt, "Uma padaria artesanal em Lisboa, com menu e contacto", ANA)
        await say(rt, "A small bike repair shop in Porto with prices and contact", BRUNO)
        await say(rt, f"/domain {name}", ANA)
        ana_site = (await rt.store.conversation(ANA)).site_id
        assert ana_site is not None
        claim = await DomainStore(rt.store).get(name, ana_site)
        assert claim is not None and claim.status == "pending_dns"

        manager = manager_of(rt)
        await manager.run_once(now=claim.claimed_at + timedelta(hours=71))
        still = await DomainStore(rt.store).get(name, ana_site)
        assert still is not None and still.status == "pending_dns"  # not yet
        await manager.run_once(now=claim.claimed_at + timedelta(hours=72, seconds=1))
        expired = await DomainStore(rt.store).get(name, ana_site)
        assert expired is not None and expired.status == "expired"

        told = (await say(rt, f"/domain check {name}", ANA))[-1]
        assert isinstance(told, DomainStatus) and told.status == "expired"
        assert told.text.startswith(f"{name}: o pedido expirou"), told.text
        assert await rt.store.attached_domain_count((await rt.store.conversation(ANA)).user_id) == 0

        renewed = (await say(rt, f"/domain {name}", ANA))[-1]  # asking again starts a new claim
        assert isinstance(renewed, DomainStatus) and renewed.status == "pending_dns"
        restarted = await DomainStore(rt.store).get(name, ana_site)
        assert restarted is not None and restarted.status == "pending_dns"
        assert restarted.claimed_at >= claim.claimed_at
        await manager.close()
