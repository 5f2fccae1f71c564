"""Shared fixtures: real databases (SQLite file and PostgreSQL), settings isolated per test."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from hypothesis import settings as hypothesis_settings
from redis.asyncio import Redis

from core.settings import Settings
from core.storage.database import create_engine, migrate
from core.storage.store import Store
from tests.clock import FakeClock

PG_DSN = os.environ.get("PAGEMAGIC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

# Property-based tests (Hypothesis) run the same examples on every machine and every run: derandomized
# (no seed to chase), no per-example deadline (a loaded CI machine is slow, not wrong), no example
# database left behind. Each test bounds its own max_examples.
hypothesis_settings.register_profile("pagemagic", derandomize=True, deadline=None, database=None, print_blob=True)
hypothesis_settings.load_profile("pagemagic")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No PAGEMAGIC_* setting from the developer's shell leaks into a test."""
    for key in list(os.environ):
        if key.startswith("PAGEMAGIC_") and key != "PAGEMAGIC_TEST_PG":
            monkeypatch.delenv(key)
    yield


async def _fresh_pg_database() -> str:
    name = f"pm_test_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(PG_DSN)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name


async def _drop_pg_database(name: str) -> None:
    conn = await asyncpg.connect(PG_DSN)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The same test runs on SQLite and on the real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'pagemagic.db'}"
        return
    name = await _fresh_pg_database()
    base = PG_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    try:
        yield f"{base}/{name}"
    finally:
        await _drop_pg_database(name)


@pytest.fixture
async def store(database_url: str, tmp_path: Path) -> AsyncIterator[Store]:
    engine = create_engine(database_url)
    await migrate(engine, lock_dir=tmp_path)
    store = Store(engine)
    try:
        yield store
    finally:
        await store.close()


@pytest.fixture
def settings_for(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Settings for a test: its own home, free ports (site and ops listener), the given database."""

    def build(database_url: str | None = None, **overrides: object) -> Settings:
        values: dict[str, object] = {"home": tmp_path / "home", "port": 0, "ops_port": 0}
        if database_url is not None:
            values["database_url"] = database_url
        values.update(overrides)
        return Settings(**values)  # type: ignore[arg-type]

    return build


@pytest.fixture
def clock() -> FakeClock:
    """A clock pinned to the middle of a month; code under test takes it instead of the wall's."""
    return FakeClock()


REDIS_URL = "redis://127.0.0.1:6379/0"  # the Redis that runs on this machine and in CI


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    """A client of the machine's Redis; tests that need a Redis of their own start a private one."""
    client = Redis.from_url(REDIS_URL)
    try:
        yield client
    finally:
        await client.aclose()
