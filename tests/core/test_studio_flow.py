"""The whole flow through Studio with the offline generator, on SQLite and PostgreSQL.

Every URL Studio prints is fetched from the real server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import html5lib
import httpx
import pytest

from bots.wiring import Runtime, runtime
from core.events import (
    DomainStatus,
    Event,
    Failed,
    GenerationStarted,
    HistoryReport,
    PreviewReady,
    Published,
    Reply,
    SectionReady,
    SiteChanged,
    UsageReport,
)
from core.settings import Settings
from core.storage.records import ChatRef

PADARIA = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"
ANA = ChatRef(platform="console", chat_id="ana-room", user_id="ana")
BRUNO = ChatRef(platform="console", chat_id="bruno-room", user_id="bruno")


@pytest.fixture
async def rt(database_url: str, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(settings_for(database_url)) as started:
        yield started


async def say(rt: Runtime, text: str, chat: ChatRef = ANA) -> list[Event]:
    return [event async for event in rt.studio.message(chat, text)]


def last(events: list[Event]) -> Event:
    assert events, "no events"
    return events[-1]


async def fetch(url: str, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.get(url, headers=headers)


async def test_describe_refine_undo_publish_domain_usage(rt: Runtime) -> None:
    events = await say(rt, PADARIA)
    assert isinstance(events[0], GenerationStarted)
    assert "A criar" in events[0].text  # Portuguese, detected from the description
    sections = [e for e in events if isinstance(e, SectionReady)]
    kinds = [s.kind for s in sections]
    assert "menu" in kinds and "contact" in kinds and kinds[0] == "hero"
    ready = last(events)
    assert isinstance(ready, PreviewReady) and ready.version == 1
    page = await fetch(ready.url)
    assert page.status_code == 200
    doc = html5lib.parse(page.text, namespaceHTMLElements=False)
    assert doc.get("lang") == "pt-PT"  # European Portuguese: "Lisboa", "contacto"
    assert ready.site_name in page.text

    events = await say(rt, "make it dark green and add a FAQ")
    changed = [e for e in events if isinstance(e, SectionReady)]
    assert [e.kind for e in changed] == ["faq"]  # only the changed section streams back
    refined = last(events)
    assert isinstance(refined, PreviewReady) and refined.version == 2
    assert refined.url == ready.url  # the preview link stays the same
    css = await fetch(refined.url + "styles.css")
    assert css.status_code == 200

    events = await say(rt, "/undo")
    undone = last(events)
    assert isinstance(undone, PreviewReady) and undone.version == 1

    history = last(await say(rt, "/history"))
    assert isinstance(history, HistoryReport)
    assert [(e.version, e.current) for e in history.entries] == [(1, True), (2, False)]

    published = last(await say(rt, "/publish"))
    assert isinstance(published, Published) and published.version == 1
    assert published.url.startswith(rt.base_url + "/s/")
    live = await fetch(published.url)
    assert live.status_code == 200 and "live.js" not in live.text

    status = last(await say(rt, "/domain padaria-exemplo.pt"))
    assert isinstance(status, DomainStatus) and status.status == "active"
    assert "padaria-exemplo.pt" in status.text
    by_host = await fetch(rt.base_url + "/", Host="padaria-exemplo.pt")
    assert by_host.status_code == 200 and ready.site_name in by_host.text

    # Republishing keeps the URL and the domain.
    again = last(await say(rt, "/publish"))
    assert isinstance(again, Published) and again.url == published.url
    assert again.domains == ("padaria-exemplo.pt",)

    report = last(await say(rt, "/usage"))
    assert isinstance(report, UsageReport)
    used = {line.metric: line.used for line in report.lines}
    assert used["generations"] == 2 and used["publishes"] == 2 and used["domains"] == 1
    assert used["requests"] >= 2 and used["bytes"] > 0 and used["previews"] >= 1
    assert report.text.startswith("Usage from")  # the user switched to English, so did the replies
    assert "Served per site:" in report.text and f"{ready.site_name}: {used['requests']} requests" in report.text


async def test_bad_input_gets_clear_answers_and_loses_nothing(rt: Runtime) -> None:
    for text, code in [("/publish", "no_site"), ("/undo", "no_site"), ("/history", "no_site")]:
        failed = last(await say(rt, text))
        assert isinstance(failed, Failed) and failed.code == code
    assert isinstance(last(await say(rt, "   ")), Failed)
    huge = last(await say(rt, "uma padaria " * 5000))
    assert isinstance(huge, Failed) and huge.code == "message_too_long"
    assert "caracteres" in huge.text  # answered in the language of the message
    unknown = last(await say(rt, "/dance"))
    assert isinstance(unknown, Failed) and "/dance" in unknown.text

    created = last(await say(rt, "A bakery in Lisbon <script>alert(1)</script> see javascript:alert(2)"))
    assert isinstance(created, PreviewReady)
    page = (await fetch(created.url)).text
    doc = html5lib.parse(page, namespaceHTMLElements=False)
    assert all(s.get("src") == "live.js" or s.get("type") == "application/ld+json" for s in doc.iter("script"))
    hrefs = [a.get("href", "") for a in doc.iter("a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)

    nothing = last(await say(rt, "/undo"))
    assert isinstance(nothing, Failed) and nothing.code == "nothing_to_undo"
    refined = last(await say(rt, "add a FAQ <img src=x onerror=alert(1)> javascript:alert(3)"))
    assert isinstance(refined, PreviewReady)
    page = (await fetch(refined.url)).text
    doc = html5lib.parse(page, namespaceHTMLElements=False)
    assert not any(k.startswith("on") for el in doc.iter() for k in el.attrib)

    for name in ["not a domain", "-x-.com", "localhost"]:
        failed = last(await say(rt, f"/domain {name}"))
        assert isinstance(failed, Failed) and failed.code == "invalid_domain"
    hint = last(await say(rt, "/domain"))
    assert isinstance(hint, Reply)
    history = last(await say(rt, "/history"))
    assert isinstance(history, HistoryReport) and len(history.entries) == 2  # nothing lost along the way


async def test_redo_goes_forward_again_along_the_newest_branch(rt: Runtime) -> None:
    await say(rt, "a bakery in Lisbon with a menu")
    await say(rt, "make it dark green")  # v2
    nothing = last(await say(rt, "/redo"))
    assert isinstance(nothing, Failed) and nothing.code == "nothing_to_redo" and "/history" in nothing.text
    assert last(await say(rt, "/undo")).version == 1  # type: ignore[union-attr]
    redone = last(await say(rt, "/redo"))
    assert isinstance(redone, PreviewReady) and redone.version == 2 and "Forward again to version 2" in redone.text
    page = await fetch(redone.url)
    assert page.status_code == 200

    await say(rt, "/undo")
    await say(rt, "add a FAQ")  # v3, made from v1: the newest branch
    await say(rt, "/undo")
    assert last(await say(rt, "/redo")).version == 3  # type: ignore[union-attr]
    history = last(await say(rt, "/history"))
    assert isinstance(history, HistoryReport)
    assert [(e.version, e.current) for e in history.entries] == [(1, False), (2, False), (3, True)]
    assert "/redo" in last(await say(rt, "/help")).text  # type: ignore[union-attr]


async def test_plain_words_undo_and_publish_in_the_conversations_language(rt: Runtime) -> None:
    await say(rt, "Una peluquería en Sevilla con precios y horario")
    await say(rt, "ponlo más oscuro")  # v2
    undone = last(await say(rt, "Deshacer, por favor"))
    assert isinstance(undone, PreviewReady) and undone.version == 1 and "De vuelta a la versión 1" in undone.text
    published = last(await say(rt, "publicar"))
    assert isinstance(published, Published) and published.version == 1
    report = last(await say(rt, "/usage"))
    assert isinstance(report, UsageReport)
    assert {line.metric: line.used for line in report.lines}["generations"] == 2  # the words generated nothing


async def test_the_update_message_says_what_kind_of_change_it_was(rt: Runtime) -> None:
    await say(rt, "a bakery in Lisbon with a menu and contact")
    added = last(await say(rt, "add a gallery"))
    assert isinstance(added, PreviewReady) and "(1 section changed)" in added.text
    moved = last(await say(rt, "move the contact to the top"))
    assert isinstance(moved, PreviewReady) and "(sections in a new order)" in moved.text, moved.text
    removed = last(await say(rt, "remove the gallery"))
    assert isinstance(removed, PreviewReady) and "(sections removed: 1)" in removed.text, removed.text
    darker = last(await say(rt, "make it darker"))
    assert isinstance(darker, PreviewReady) and "(the look changed, no section text)" in darker.text
    pt = last(await say(rt, "remove a secção de contacto"))
    assert isinstance(pt, PreviewReady) and "(secções removidas: 1)" in pt.text, pt.text


async def test_details_already_there_and_a_language_switch_are_told_truthfully(rt: Runtime) -> None:
    await say(rt, "Una pizzería en Valencia con menú y reservas")
    phone = last(await say(rt, "cambia el teléfono a 912 345 678"))
    assert isinstance(phone, PreviewReady) and "(datos del negocio cambiados)" in phone.text, phone.text
    lighter = last(await say(rt, "hazlo más claro"))  # it is light already
    assert isinstance(lighter, Reply) and lighter.text == "Nada que cambiar: el sitio ya está así.", lighter
    events = await say(rt, "cambia el idioma a inglés")
    assert any(isinstance(e, SiteChanged) and e.text == "Hecho: reescribí el sitio en inglés." for e in events)
    history = last(await say(rt, "/history"))
    assert isinstance(history, HistoryReport) and len(history.entries) == 3  # "lighter" made no version


async def test_a_draft_renamed_before_its_first_publish_goes_live_at_its_new_name(rt: Runtime) -> None:
    created = last(await say(rt, "a yoga studio in Porto with prices"))
    assert isinstance(created, PreviewReady)
    await say(rt, "call it Zen Porto")
    published = last(await say(rt, "/publish"))
    assert isinstance(published, Published) and published.url.endswith("/s/zen-porto/"), published.url
    assert (await fetch(published.url)).status_code == 200
    await say(rt, "call it Lotus Porto")  # once live, the address stays: links and DNS depend on it
    again = last(await say(rt, "/publish"))
    assert isinstance(again, Published) and again.url == published.url


async def test_an_unpublished_site_frees_its_place_in_the_plan(rt: Runtime) -> None:
    rooms = [ChatRef(platform="console", chat_id=f"ana-{n}", user_id="ana") for n in range(4)]  # one user
    businesses = ("a bakery in Lisbon", "a gym in Porto", "a café in Braga", "a florist in Faro")
    for room, business in zip(rooms, businesses, strict=True):
        await say(rt, business, room)
    for room in rooms[:3]:  # the free plan's 3 published sites
        assert isinstance(last(await say(rt, "/publish", room)), Published)
    refused = last(await say(rt, "/publish", rooms[3]))
    assert isinstance(refused, Failed) and refused.code == "quota_exceeded"
    assert "published sites (3 of 3 online)" in refused.text and "/unpublish" in refused.text

    assert isinstance(last(await say(rt, "/unpublish", rooms[0])), Reply)
    again = last(await say(rt, "/unpublish", rooms[0]))
    assert isinstance(again, Failed) and again.code == "not_published" and "already taken offline" in again.text
    assert isinstance(last(await say(rt, "/publish", rooms[3])), Published)  # its place is free now
    back = last(await say(rt, "/publish", rooms[0]))  # and going back online counts again
    assert isinstance(back, Failed) and back.code == "quota_exceeded"


async def test_a_removed_domain_frees_its_place_at_once(rt: Runtime) -> None:
    await say(rt, "Uma padaria em Lisboa")
    assert isinstance(last(await say(rt, "/domain padaria-exemplo.pt")), DomainStatus)  # a typo: "exemplo"
    second = last(await say(rt, "/domain www.padaria-exemplo.pt"))  # the free plan allows one
    assert isinstance(second, Failed) and second.code == "quota_exceeded"
    assert "domínios próprios (1 de 1 associados)" in second.text and "/domain remove" in second.text
    await say(rt, "/domain remove padaria-exemplo.pt")
    fixed = last(await say(rt, "/domain www.padaria-exemplo.pt"))  # the same month: its place is free
    assert isinstance(fixed, DomainStatus) and fixed.domain == "www.padaria-exemplo.pt"


async def test_a_refused_domain_is_explained_in_the_users_language(rt: Runtime) -> None:
    await say(rt, PADARIA)  # a Portuguese conversation
    shared = last(await say(rt, "/domain com.pt"))
    assert isinstance(shared, Failed) and shared.code == "invalid_domain"
    assert "com.pt é partilhado" in shared.text and "apadaria.com.pt" in shared.text
    typo = last(await say(rt, "/domain padaria.ptt"))
    assert isinstance(typo, Failed) and "“.ptt” não é um domínio de topo" in typo.text
    history = last(await say(rt, "/history"))
    assert isinstance(history, HistoryReport) and len(history.entries) == 1  # the site is untouched


async def test_a_domain_cannot_be_taken_from_another_site(rt: Runtime) -> None:
    await say(rt, "a café in Porto", ANA)
    assert isinstance(last(await say(rt, "/domain cafe-porto.pt", ANA)), DomainStatus)
    await say(rt, "a gym in Madrid", BRUNO)
    taken = last(await say(rt, "/domain CAFE-PORTO.pt", BRUNO))
    assert isinstance(taken, Failed) and taken.code == "domain_taken"


async def test_new_starts_a_second_site_and_keeps_the_first(rt: Runtime) -> None:
    first = last(await say(rt, "a law firm in London"))
    assert isinstance(first, PreviewReady)
    assert isinstance(last(await say(rt, "/new")), Reply)
    second = last(await say(rt, "una peluquería en Madrid"))
    assert isinstance(second, PreviewReady) and second.url != first.url
    assert (await fetch(first.url)).status_code == 200


async def test_two_chats_on_one_database_at_once(
    database_url: str, settings_for: Callable[..., Settings]
) -> None:
    async with runtime(settings_for(database_url)) as one, runtime(settings_for(database_url)) as two:
        assert one.base_url != two.base_url  # the second chat's server found its own port
        a, b = await asyncio.gather(say(one, "a bakery in Lisbon", ANA), say(two, "a gym in Madrid", BRUNO))
        assert isinstance(last(a), PreviewReady) and isinstance(last(b), PreviewReady)
        # Both chats refine the same conversation at the same moment: one wins, the other is told.
        await say(one, "/new", ANA)
        await say(one, "a café in Porto", ANA)
        # Two different changes: applied one after the other, or one told to resend; never a lost update.
        x, y = await asyncio.gather(say(one, "add a FAQ", ANA), say(two, "make it navy blue", ANA))
        results = [last(x), last(y)]
        assert any(isinstance(r, PreviewReady) for r in results)
        for r in results:
            assert isinstance(r, (PreviewReady, Failed))
            if isinstance(r, Failed):
                assert r.code == "concurrent_change"
        history = last(await say(one, "/history", ANA))
        assert isinstance(history, HistoryReport)
        assert [e.version for e in history.entries] == list(range(1, len(history.entries) + 1))
