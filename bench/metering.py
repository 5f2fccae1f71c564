"""Metering throughput: edge counters in Redis -> usage rows -> meter outbox -> Stripe.

Simulates the edge's counters for many sites of paying accounts (HINCRBY into the same
per-site-minute buckets the Lua edge writes, three minutes of them), then times one worker
doing the whole chain: the aggregator drains the counters into usage rows, repeating as the
product's periodic drain does until nothing is left, and the billing job collects them into
meter reports and sends them to a local Stripe stand-in through the real SDK. Halfway, the
job "crashes" after Stripe accepted a round and before it was marked sent, so the resend
path is timed too. At the end the stand-in's per-customer totals must equal the increments
made: zero lost, zero doubled.

Two figures, because the drain's work is per bucket (site x minute) and the billing job's
per usage row: the drain's buckets per second (target >= 5,000 on PostgreSQL: 10,000 sites
with traffic make 10,000 buckets a minute) and the whole chain's increments per second
(target >= 5,000).

    .venv/bin/python bench/metering.py [--accounts 500] [--increments 200000] [--pg] [--streams]

Needs Redis on 127.0.0.1:6379 (scripts/services.sh starts it); uses a throwaway SQLite
database, or with ``--pg`` a database of its own on the PostgreSQL server on 127.0.0.1:5432,
and its own Redis key prefix, all removed at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
from redis.asyncio import Redis

from billing.accounts import Accounts
from billing.aggregator import UsageAggregator
from billing.job import BillingJob
from billing.outbox import MeterOutbox
from billing.plans import METERS, billing_period
from billing.stripe.client import StripeConfig, http_client, make_client
from billing.stripe.meters import MeterSender
from billing.tables import BillingCustomerRow, BillingSubscriptionRow
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.edge_keys import bucket_key, index_key, minute_of
from tests.core.scripted import sample_site
from tests.standins.stripe_api import API_KEY, StripeApiStandIn

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


async def _pg_database(name: str, drop: bool = False) -> None:
    conn = await asyncpg.connect(PG_ADMIN)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' if drop else f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _account(store: Store, i: int, api: StripeApiStandIn, now: datetime) -> tuple[str, int, str]:
    conv = await store.conversation(ChatRef("console", f"bench-{i}", f"u{i}"))
    site = await store.create_site(conv.id, conv.user_id, sample_site(), "x", new_preview_token(), timedelta(hours=1))
    customer = f"cus_bench{i:05d}"
    api.customers[customer] = {"id": customer, "object": "customer"}
    async with store.session() as session, session.begin():
        session.add(BillingCustomerRow(user_id=conv.user_id, customer_id=customer))
        session.add(BillingSubscriptionRow(
            user_id=conv.user_id, subscription_id=f"sub_{i}", customer_id=customer, plan="pro",
            status="active", metered_since=billing_period(now)[0], updated_at=now,
        ))
    return site.slug, site.id, customer


async def main(accounts: int, increments: int, streams: bool, pg: bool) -> int:
    api = StripeApiStandIn()
    await api.start()
    redis = Redis.from_url("redis://127.0.0.1:6379/0")
    prefix = f"pm:bench-metering-{secrets.token_hex(4)}:usage:"
    tmp = Path(tempfile.mkdtemp(prefix="pm-bench-metering-"))
    pg_name = f"pm_bench_metering_{secrets.token_hex(4)}"
    if pg:
        await _pg_database(pg_name)
    engine = create_engine(
        f"postgresql+asyncpg://postgres@127.0.0.1:5432/{pg_name}" if pg else f"sqlite+aiosqlite:///{tmp / 'bench.db'}"
    )
    await migrate(engine, lock_dir=tmp)
    store = Store(engine)
    config = StripeConfig(api_key=API_KEY, api_base=api.url, meter_events_base=api.url, streams=streams, backoff=0.01)
    http = http_client(config)
    try:
        # paying accounts, one published site each
        now = datetime.now(UTC)
        sites: list[tuple[str, int, str]] = []  # (slug, site id, customer)
        for first in range(0, accounts, 20 if pg else 1):
            sites += await asyncio.gather(*(_account(store, i, api, now) for i in range(first, min(accounts, first + (20 if pg else 1)))))

        # the edge counts: one HINCRBY per request, in per-site-minute buckets
        rng = random.Random(7)
        expected: dict[str, int] = {c: 0 for _, _, c in sites}
        minutes = [minute_of(now - timedelta(minutes=m)) for m in range(3)]
        pipe_size = 5_000
        started = time.perf_counter()
        for start in range(0, increments, pipe_size):
            async with redis.pipeline(transaction=False) as pipe:
                for _ in range(min(pipe_size, increments - start)):
                    slug, site_id, customer = rng.choice(sites)
                    key = bucket_key(prefix, slug, rng.choice(minutes))
                    pipe.hincrby(key, "requests", 1)
                    pipe.hset(key, "site_id", str(site_id))
                    pipe.sadd(index_key(prefix), key)
                    expected[customer] += 1
                await pipe.execute()
        counted = time.perf_counter() - started

        # one worker: drain -> usage rows -> outbox -> Stripe, with a crash before "mark sent"
        aggregator = UsageAggregator(redis, store, prefix=prefix)
        job = BillingJob(Accounts(store), MeterOutbox(store, lambda: METERS), MeterSender(make_client(config, http), config))
        buckets = await redis.scard(index_key(prefix))  # type: ignore[misc]
        started, cpu = time.perf_counter(), time.process_time()
        drained = rounds = 0
        while done := await aggregator.drain_once():
            drained += len(done)
            rounds += 1
        drain_time, drain_cpu = time.perf_counter() - started, time.process_time() - cpu
        await job.outbox.collect()
        crashed = await job.outbox.due()
        await job.sender.send(crashed[: len(crashed) // 2])  # accepted by Stripe, never marked
        report = await job.run_once()
        while (await job.run_once()).sent:
            pass
        elapsed = time.perf_counter() - started

        got = {c: v for (c, event), v in api.totals().items() if event == METERS["requests"]}
        lost = sum(max(0, expected[c] - got.get(c, 0)) for c in expected)
        doubled = sum(max(0, got.get(c, 0) - expected[c]) for c in expected)
        rate = increments / elapsed
        bucket_rate = drained / drain_time
        mode = "v2 meter event streams" if streams else "v1 meter events"
        backend = "PostgreSQL" if pg else "SQLite"
        print(f"{backend}; accounts: {accounts}, increments: {increments:,} in {buckets:,} buckets "
              f"(edge counting took {counted:.2f} s); load average {os.getloadavg()[0]:.1f}")
        print(f"drain: {drained:,} buckets in {rounds} rounds, {drain_time:.2f} s = {bucket_rate:,.0f} buckets/s "
              f"({drain_cpu:.2f} s of this process's CPU = {drained / max(drain_cpu, 1e-9):,.0f} buckets per CPU-second)")
        print(f"reports: {report.sent} sent via {mode}, {api.duplicates} resent after the simulated crash")
        print(f"edge counters -> Stripe: {elapsed:.2f} s = {rate:,.0f} increments/s on one worker")
        print(f"totals checked: lost {lost}, doubled {doubled}")
        ok = lost == 0 and doubled == 0 and rate >= 5_000 and bucket_rate >= 5_000 and drained == buckets
        print("PASS" if ok else "FAIL (targets: >= 5,000 buckets/s and >= 5,000 increments/s, zero lost, zero doubled)")
        return 0 if ok else 1
    finally:
        names = [k async for k in redis.scan_iter(match=f"{prefix}*", count=1000)]
        if names:
            await redis.delete(*names)
        await redis.aclose()
        await http.close_async()  # type: ignore[no-untyped-call]
        await store.close()
        await api.stop()
        if pg:
            await _pg_database(pg_name, drop=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--increments", type=int, default=200_000)
    parser.add_argument("--streams", action="store_true", help="send through v2 meter event streams")
    parser.add_argument("--pg", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.accounts, args.increments, args.streams, args.pg)))
