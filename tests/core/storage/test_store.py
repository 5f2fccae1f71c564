"""The store on SQLite and PostgreSQL: identities, immutable versions, compare-and-set, domains, usage."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.errors import ConcurrentChange, DomainTaken
from core.site.schema import parse_site
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from tests.core.site.samples import sample_site_data

TTL = timedelta(hours=1)
ALICE = ChatRef(platform="console", chat_id="room", user_id="alice", language="pt_PT")


async def test_conversation_is_created_once(store: Store) -> None:
    first = await store.conversation(ALICE)
    again = await store.conversation(ALICE)
    assert first == again
    assert first.language == "pt_PT"
    assert first.site_id is None


async def test_concurrent_first_contact_creates_one_user(store: Store) -> None:
    results = await asyncio.gather(*(store.conversation(ALICE) for _ in range(5)))
    assert len({r.id for r in results}) == 1
    assert len({r.user_id for r in results}) == 1


async def test_versions_are_immutable_and_undo_moves_a_pointer(store: Store) -> None:
    conv = await store.conversation(ALICE)
    site = parse_site(sample_site_data())
    record = await store.create_site(conv.id, conv.user_id, site, "uma padaria", new_preview_token(), TTL)
    assert record.slug == "padaria-estrela"
    renamed = site.model_copy(update={"name": "Padaria Lua"})
    record = await store.add_version(record.id, renamed, "rename", expected=1, preview_ttl=TTL)
    assert (record.current_version, record.head_version, record.name) == (2, 2, "Padaria Lua")
    record = await store.move_current(record.id, 1, expected=2, preview_ttl=TTL)
    assert (record.current_version, record.name) == (1, "Padaria Estrela")
    versions = await store.versions(record.id)
    assert [(v.number, v.parent_number, v.site.name) for v in versions] == [
        (1, None, "Padaria Estrela"),
        (2, 1, "Padaria Lua"),
    ]
    # A refinement after undo builds on version 1 and gets the next free number.
    record = await store.add_version(record.id, renamed, "again", expected=1, preview_ttl=TTL)
    assert record.current_version == 3
    assert (await store.version(record.id, 3)).parent_number == 1
    assert (await store.conversation(ALICE)).site_id == record.id


async def test_stale_writer_gets_concurrent_change_and_nothing_is_lost(store: Store) -> None:
    conv = await store.conversation(ALICE)
    site = parse_site(sample_site_data())
    record = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), TTL)
    a = site.model_copy(update={"name": "A"})
    b = site.model_copy(update={"name": "B"})
    outcomes = await asyncio.gather(
        store.add_version(record.id, a, "a", expected=1, preview_ttl=TTL),
        store.add_version(record.id, b, "b", expected=1, preview_ttl=TTL),
        return_exceptions=True,
    )
    assert sum(isinstance(o, ConcurrentChange) for o in outcomes) == 1
    versions = await store.versions(record.id)
    assert [v.number for v in versions] == [1, 2]


async def test_same_name_gets_a_distinct_slug(store: Store) -> None:
    conv = await store.conversation(ALICE)
    site = parse_site(sample_site_data())
    one = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), TTL)
    two = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), TTL)
    assert one.slug != two.slug and two.slug.startswith("padaria-estrela-")


async def test_a_domain_belongs_to_one_site(store: Store) -> None:
    conv = await store.conversation(ALICE)
    site = parse_site(sample_site_data())
    one = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), TTL)
    two = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), TTL)
    _, created = await store.attach_domain(one.id, "padaria.pt", "active")
    assert created
    _, created = await store.attach_domain(one.id, "padaria.pt", "active")
    assert not created
    with pytest.raises(DomainTaken):
        await store.attach_domain(two.id, "padaria.pt", "active")
    assert (await store.site_for_domain("padaria.pt")).id == one.id  # type: ignore[union-attr]


async def test_usage_totals_by_period(store: Store) -> None:
    conv = await store.conversation(ALICE)
    now = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)  # a year's last second: the period's edge
    await store.record_usage(
        [
            (conv.user_id, None, "generations", 1, now),
            (conv.user_id, None, "generations", 2, now),
            (conv.user_id, None, "bytes", 5000, now),
            (conv.user_id, None, "generations", 7, now - timedelta(days=400)),
        ]
    )
    totals = await store.usage_totals(conv.user_id, now - timedelta(days=1), now + timedelta(seconds=1))
    assert totals == {"generations": 3, "bytes": 5000}


async def test_migrations_are_idempotent_and_safe_in_parallel(database_url: str, tmp_path: Path) -> None:
    engines = [create_engine(database_url) for _ in range(3)]
    try:
        await asyncio.gather(*(migrate(e, lock_dir=tmp_path) for e in engines))
        await migrate(engines[0], lock_dir=tmp_path)
        store = Store(engines[0])
        assert (await store.conversation(ALICE)).id >= 1
    finally:
        for engine in engines:
            await engine.dispose()


async def test_a_version_stored_before_the_page_budget_still_opens(store: Store) -> None:
    """Sites written before every page had to fit 40 KB are read back as they are."""
    from sqlalchemy import update

    from core.storage.tables import SiteVersionRow
    from tests.core.site.maximal import maximal_site

    conv = await store.conversation(ChatRef("console", "old", "old-user"))
    site = parse_site(sample_site_data())
    record = await store.create_site(conv.id, conv.user_id, site, "x", new_preview_token(), timedelta(hours=1))
    heavy = maximal_site(["faq"] * 3)
    async with store.session() as session, session.begin():
        await session.execute(update(SiteVersionRow).where(SiteVersionRow.site_id == record.id).values(spec=heavy))
    version = await store.version(record.id, 1)
    assert len(version.site.sections) == 3 and version.site.sections[0].kind == "faq"
