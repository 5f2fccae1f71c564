"""Issue 14, item 8: the SQLite database (and its -wal/-shm) and PAGEMAGIC_HOME are the owner's alone.

The database holds conversations, domain tokens and Slack installations; it was
created 0644 (world-readable under the usual umask 022).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bots.wiring import open_store
from core.settings import Settings
from core.storage.records import ChatRef


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems start processes with, which made the file 0644."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_a_new_database_and_home_are_private(tmp_path: Path, usual_umask: None) -> None:
    home = tmp_path / "home"
    store = await open_store(Settings(home=home))
    try:
        await store.conversation(ChatRef(platform="console", chat_id="c", user_id="u"))  # writes: -wal and -shm exist
        database = home / "pagemagic.db"
        files = [database, home / "pagemagic.db-wal", home / "pagemagic.db-shm"]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(home) == 0o700
    finally:
        await store.close()


async def test_an_existing_loose_database_is_tightened(tmp_path: Path, usual_umask: None) -> None:
    home = tmp_path / "home"
    store = await open_store(Settings(home=home))
    await store.conversation(ChatRef(platform="console", chat_id="c", user_id="u"))
    await store.close()
    home.chmod(0o755)
    for name in ("pagemagic.db", "pagemagic.db-wal", "pagemagic.db-shm"):
        if (home / name).exists():
            (home / name).chmod(0o644)
    store = await open_store(Settings(home=home))
    try:
        await store.conversation(ChatRef(platform="console", chat_id="d", user_id="u"))
        for name in ("pagemagic.db", "pagemagic.db-wal", "pagemagic.db-shm"):
            assert mode(home / name) == 0o600, name
        assert mode(home) == 0o700
    finally:
        await store.close()
