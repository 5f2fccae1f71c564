"""Version storage on SQLite and PostgreSQL: a version costs the size of its change, and versions
stored whole before migration 0013 still read (and new ones build on them)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection

from core.site.schema import parse_site
from core.storage import version_codec
from core.storage.database import alembic_config, create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from tests.core.site.samples import sample_site_data

TTL = timedelta(hours=1)
CHAT = ChatRef(platform="console", chat_id="room", user_id="ana", language="pt_PT")


async def stored_bytes(store: Store) -> list[tuple[int, int, int]]:
    """(number, bytes of the whole site, bytes of the edits) per stored version, as JSON text."""
    async with store.engine.connect() as connection:
        rows = await connection.execute(text("SELECT number, spec, delta FROM site_versions ORDER BY number"))
        found = []
        for number, spec, delta in rows:
            spec, delta = (json.loads(v) if isinstance(v, str) else v for v in (spec, delta))
            found.append((number, len(json.dumps(spec)) if spec is not None else 0,
                          len(json.dumps(delta)) if delta is not None else 0))
        return found


async def test_each_version_stores_its_change_not_the_whole_site(store: Store) -> None:
    conversation = await store.conversation(CHAT)
    site = parse_site(sample_site_data())
    record = await store.create_site(conversation.id, conversation.user_id, site, "uma padaria", new_preview_token(), TTL)
    sites = [site]
    for n in range(2, 21):  # twenty versions, each a new heading of the first section
        data = sites[-1].model_dump(mode="json")
        data["sections"][0]["heading"] = f"Versão {n}"
        sites.append(parse_site(data))
        record = await store.add_version(record.id, sites[-1], f"v{n}", expected=n - 1, preview_ttl=TTL)

    for n, expected in enumerate(sites, start=1):
        assert (await store.version(record.id, n)).site == expected
    assert [v.site for v in await store.versions(record.id)] == sites
    whole = len(json.dumps(site.model_dump(mode="json")))
    rows = await stored_bytes(store)
    snapshots = [n for n, spec, _ in rows if spec]
    assert snapshots == [1, 1 + version_codec.SNAPSHOT_EVERY]  # the chain starts again, reads stay short
    assert all(delta < whole / 10 for n, _, delta in rows if n not in snapshots), rows

    # Undo to version 3, then a change: a branch whose delta builds on version 3.
    record = await store.move_current(record.id, 3, expected=20, preview_ttl=TTL)
    assert record.name == sites[2].name
    branch = sites[2].model_copy(update={"name": "Padaria Lua"})
    record = await store.add_version(record.id, branch, "rename", expected=3, preview_ttl=TTL)
    assert (await store.version(record.id, 21)).site == branch
    assert [(v.number, v.parent_number) for v in await store.version_list(record.id)][-2:] == [(20, 19), (21, 3)]


async def test_versions_stored_whole_before_the_migration_still_read_and_grow_by_edits(
    database_url: str, tmp_path: Path
) -> None:
    engine = create_engine(database_url)
    data = parse_site(sample_site_data()).model_dump(mode="json")  # as the store wrote versions before
    try:
        async with engine.begin() as connection:
            def upgrade_before(sync: Connection) -> None:
                config = alembic_config()
                config.attributes["connection"] = sync
                command.upgrade(config, "0012_accounts")  # the revision 0013 builds on
            await connection.run_sync(upgrade_before)
            now = datetime(2030, 1, 1, tzinfo=UTC)
            await connection.execute(text(
                "INSERT INTO users (id, display_name, plan, created_at) VALUES (1, 'Ana', 'free', :t)"), {"t": now})
            await connection.execute(text(
                "INSERT INTO sites (id, owner_id, slug, name, current_version, head_version, preview_token, "
                "preview_expires_at, created_at, updated_at) VALUES (1, 1, 'padaria', :n, 2, 2, 'tok', :t, :t, :t)"),
                {"n": data["name"], "t": now})
            second = {**data, "tagline": "Agora também ao domingo"}
            for number, parent, spec in ((1, None, data), (2, 1, second)):
                await connection.execute(text(
                    "INSERT INTO site_versions (site_id, number, parent_number, spec, instruction, created_at) "
                    "VALUES (1, :number, :parent, :spec, 'x', :t)"),
                    {"number": number, "parent": parent, "spec": json.dumps(spec), "t": now})
        await migrate(engine, lock_dir=tmp_path)
        store = Store(engine)
        assert (await store.version(1, 1)).site == parse_site(data)
        assert (await store.version(1, 2)).site == parse_site(second)
        third = parse_site({**second, "name": "Padaria Lua"})
        await store.add_version(1, third, "rename", expected=2, preview_ttl=TTL)
        assert (await store.version(1, 3)).site == third
        rows = await stored_bytes(store)
        assert rows[2][1] == 0 and 0 < rows[2][2] < rows[1][1] / 10, rows  # the new one is an edit of the old row
    finally:
        await engine.dispose()
