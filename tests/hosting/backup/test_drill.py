"""The restore drill: a working system with sites, versions, domains, usage (stored and still in
Redis), certificates and billing state is backed up with `pagemagic backup`; its database, its
PAGEMAGIC_HOME and its Redis are destroyed; `pagemagic restore` on an empty database and a new Redis
brings every site, version, domain, usage total, plan and Redis key back, and the published sites
serve again (the one that was unpublished stays offline)."""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import select

from billing.accounts import Accounts
from billing.tables import BillingCustomerRow
from bots.wiring import runtime
from core.events import PreviewReady, Published
from core.settings import Settings
from core.storage.records import ChatRef
from core.storage.store import Store
from core.storage.tables import DeploymentRow, SiteRow, UserRow
from hosting.domains.certstore import ACCOUNT_KEY, cert_key
from hosting.edge_keys import bucket_key, index_key, month_key
from tests.conftest import PG_DSN, _drop_pg_database, _fresh_pg_database
from tests.production.conftest import free_port, private_redis

ANA = ChatRef(platform="telegram", chat_id="8101", user_id="8101", language="pt")
BIA = ChatRef(platform="slack", chat_id="C9", user_id="U9", workspace="T9", language="en")
KEY = base64.b64encode(secrets.token_bytes(32)).decode()
PREFIX = "pm:usage:"
PUBLIC = "http://pagemagic.test"  # fixed, as in production: published pages carry their address


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bots.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip


def cli_env(settings: dict[str, str]) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    return {**base, **{f"PAGEMAGIC_{k.upper()}": v for k, v in settings.items()}}


async def snapshot(store: Store) -> dict[str, Any]:
    """Everything the drill checks comes back: sites, versions, domains, usage, plans, deployments."""
    period = (datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(days=1))
    state: dict[str, Any] = {"sites": {}, "usage": {}, "plans": {}}
    async with store.session() as session:
        users = (await session.scalars(select(UserRow).order_by(UserRow.id))).all()
        customers = (await session.scalars(select(BillingCustomerRow))).all()
        deployments = (await session.execute(select(DeploymentRow.site_id, DeploymentRow.version,
                                                     DeploymentRow.status).order_by(DeploymentRow.id))).all()  # fmt: skip
        site_ids = (await session.scalars(select(SiteRow.id).order_by(SiteRow.id))).all()
    for user in users:
        state["plans"][user.id] = user.plan
        state["usage"][user.id] = await store.usage_totals(user.id, *period)
    state["customers"] = sorted((c.user_id, c.customer_id) for c in customers)
    state["deployments"] = [tuple(d) for d in deployments]
    for site_id in site_ids:
        record = await store.site(site_id)
        versions = await store.versions(site_id)
        state["sites"][record.slug] = {
            "owner": record.owner_id, "current": record.current_version,
            "versions": [v.site.model_dump_json() for v in versions],
            "domains": sorted((d.name, d.status) for d in await store.domains_of(site_id)),
        }  # fmt: skip
    return state


async def redis_keys(redis: Redis) -> dict[str, Any]:
    out: dict[str, Any] = {}
    async for key in redis.scan_iter(match="pm:*"):
        kind = (await redis.type(key)).decode()
        if kind == "hash":
            out[key.decode()] = await redis.hgetall(key)  # type: ignore[misc]
        elif kind == "set":
            out[key.decode()] = await redis.smembers(key)  # type: ignore[misc]
        elif kind == "string":
            out[key.decode()] = await redis.get(key)
    return out


async def fetch(base_url: str, path: str, host: str | None = None) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base_url) as client:
        return await client.get(path, headers={"Host": host} if host else None)


@pytest.fixture
async def pg_name() -> Any:
    name = await _fresh_pg_database()
    yield name
    await _drop_pg_database(name)


async def test_the_restore_drill_brings_everything_back(tmp_path: Path, pg_name: str) -> None:
    port = free_port()
    served = f"http://127.0.0.1:{port}"  # PUBLIC is the address on the pages; this one is where they are
    db_url = PG_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + f"/{pg_name}"
    home, backups = tmp_path / "home", tmp_path / "backups"
    common = {"database_url": db_url, "home": str(home), "backup_key": KEY, "backup_dir": str(backups),
              "host": "127.0.0.1", "port": "0", "public_url": PUBLIC}  # fmt: skip

    # -- a system in use -----------------------------------------------------------------------
    settings = Settings(database_url=db_url, home=home, port=port, public_url=PUBLIC)
    async with runtime(settings) as rt:
        studio, store = rt.studio, rt.store
        events = [e async for e in studio.message(ANA, "Uma padaria artesanal em Lisboa, com menu e contacto")]
        assert isinstance(events[-1], PreviewReady)
        [e async for e in studio.message(ANA, "deixa-o verde escuro")]
        [e async for e in studio.message(ANA, "adiciona perguntas frequentes")]
        published = [e async for e in studio.message(ANA, "/publish")]
        assert isinstance(published[-1], Published), published[-1]
        [e async for e in studio.message(ANA, "/domain padaria-exemplo.pt")]
        [e async for e in studio.message(BIA, "A bookshop in Coimbra with events")]
        assert isinstance([e async for e in studio.message(BIA, "/publish")][-1], Published)
        [e async for e in studio.message(BIA, "/unpublish")]
        ana = (await store.conversation(ANA)).user_id
        bia = (await store.conversation(BIA)).user_id
        ana_slug = (await store.site((await store.conversation(ANA)).site_id or 0)).slug
        page = await fetch(served, f"/s/{ana_slug}/")  # a visit: request and bytes metered
        assert page.status_code == 200
        await rt.meter.flush()
        accounts = Accounts(store)
        await accounts.save_customer(bia, "cus_drill42")
        async with store.session() as session, session.begin():
            assert await Accounts.set_plan(session, bia, "business", "checkout")
        before = await snapshot(store)
    (home / "images" / "ab").mkdir(parents=True)  # what the images feature keeps under HOME
    (home / "images" / "ab" / "abcdef.webp").write_bytes(b"RIFF\x00\x00WEBPVP8 " + secrets.token_bytes(512))
    assert len(before["sites"]) == 2 and len(before["sites"][ana_slug]["versions"]) == 3

    (tmp_path / "redis1").mkdir()
    (tmp_path / "redis2").mkdir()
    with private_redis(tmp_path / "redis1") as old_redis:
        redis = Redis.from_url(old_redis.url)
        minute = datetime.now(UTC).strftime("%Y%m%d%H%M")
        await redis.hset(bucket_key(PREFIX, ana_slug, minute), mapping={"requests": 7, "bytes": 9001, "2xx": 7,
                                                                         "site_id": 1})  # fmt: skip
        await redis.sadd(index_key(PREFIX), bucket_key(PREFIX, ana_slug, minute))
        await redis.hset(month_key(PREFIX, ana_slug, minute[:6]), mapping={"requests": 1234, "bytes": 567890})
        await redis.expire(month_key(PREFIX, ana_slug, minute[:6]), 3_000_000)
        await redis.set(cert_key("padaria-exemplo.pt"), json.dumps({"not_after": 1, "blob": "c2VhbGVk"}))
        await redis.set(ACCOUNT_KEY, "account-key-pem")
        await redis.zadd(f"{PREFIX}~edges", {"edge-1": 1.0})  # fleeting: not kept
        await redis.set("pm:host:old.example", "rebuilt, not restored")
        kept = {k: v for k, v in (await redis_keys(redis)).items()
                if not k.endswith("~edges") and not k.startswith("pm:host:")}  # fmt: skip
        await redis.aclose()

        # -- the backup --------------------------------------------------------------------
        done = run_cli(cli_env({**common, "redis_url": old_redis.url}), "backup")
        assert done.returncode == 0, done.stderr
        archives = sorted(backups.glob("pagemagic-*.pmbackup"))
        assert len(archives) == 1 and "2 sites, 4 versions" in done.stdout, done.stdout
        assert KEY not in done.stdout + done.stderr
        assert b"padaria" not in archives[0].read_bytes()  # sealed: nothing readable inside

    # -- the disaster: database, files and Redis gone ----------------------------------------------
    shutil.rmtree(home)
    await _drop_pg_database(pg_name)
    admin = await asyncpg.connect(PG_DSN)
    await admin.execute(f'CREATE DATABASE "{pg_name}"')
    await admin.close()

    with private_redis(tmp_path / "redis2") as new_redis:
        env = cli_env({**common, "redis_url": new_redis.url})
        wrong = run_cli({**env, "PAGEMAGIC_BACKUP_KEY": base64.b64encode(secrets.token_bytes(32)).decode()},
                        "restore", str(archives[0]))  # fmt: skip
        assert wrong.returncode == 1 and "does not open with this key" in wrong.stderr

        restored = run_cli(env, "restore", str(archives[0]))
        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert "re-created 1 of 1 published sites" in restored.stdout, restored.stdout

        again = run_cli(env, "restore", str(archives[0]))  # a restore never overwrites data
        assert again.returncode == 1 and "database is not empty" in again.stderr

        redis = Redis.from_url(new_redis.url)
        back = await redis_keys(redis)
        limits = await redis.get("pm:limits:business")
        await redis.aclose()
        for key, value in kept.items():
            assert back.get(key) == value, key
        assert not any(k.endswith("~edges") or k.startswith("pm:host:") for k in back)
        assert limits is not None and json.loads(limits)["waf"] is True  # the plans' limits rebuilt

        # -- everything is back, and the sites serve again -----------------------------------------
        assert (home / "images" / "ab" / "abcdef.webp").read_bytes().startswith(b"RIFF")
        async with runtime(Settings(database_url=db_url, home=home, port=port, public_url=PUBLIC)) as rt:
            after = await snapshot(rt.store)
            assert after == before
            page_after = await fetch(served, f"/s/{ana_slug}/")
            assert page_after.status_code == 200 and page_after.text == page.text
            by_domain = await fetch(served, "/", host="padaria-exemplo.pt")
            assert by_domain.status_code == 200 and by_domain.text == page.text
            bia_slug = next(s for s, v in after["sites"].items() if v["owner"] != ana)
            assert (await fetch(served, f"/s/{bia_slug}/")).status_code == 404  # it was offline


async def test_sqlite_round_trip_and_retention(tmp_path: Path) -> None:
    """The embedded setup (SQLite, no Redis): backed up through SQLite's backup API, kept N deep."""
    home, backups = tmp_path / "home", tmp_path / "backups"
    port = free_port()
    served = f"http://127.0.0.1:{port}"
    env = cli_env({"home": str(home), "backup_key": KEY, "backup_dir": str(backups), "backup_keep": "2",
                   "public_url": PUBLIC})
    async with runtime(Settings(home=home, port=port, public_url=PUBLIC)) as rt:
        [e async for e in rt.studio.message(ANA, "Uma padaria em Lisboa")]
        assert isinstance([e async for e in rt.studio.message(ANA, "/publish")][-1], Published)
        before = await snapshot(rt.store)
    for _ in range(3):
        done = run_cli(env, "backup")
        assert done.returncode == 0, done.stderr
    archives = sorted(backups.glob("pagemagic-*.pmbackup"))
    assert len(archives) == 2  # the oldest was deleted
    assert run_cli(env, "backup", "--check").returncode == 0
    shutil.rmtree(home)
    restored = run_cli(env, "restore", str(archives[-1]))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    async with runtime(Settings(home=home, port=port, public_url=PUBLIC)) as rt:
        assert await snapshot(rt.store) == before
        slug = next(iter(before["sites"]))
        assert (await fetch(served, f"/s/{slug}/")).status_code == 200
    missing_key = run_cli({k: v for k, v in env.items() if k != "PAGEMAGIC_BACKUP_KEY"}, "backup")
    assert missing_key.returncode == 1 and "PAGEMAGIC_BACKUP_KEY is not set" in missing_key.stderr
