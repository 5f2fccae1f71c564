"""Per-plan rate limits with the IETF draft fields, monthly quotas, plan changes without reload."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from billing.edge_limits import EdgeLimits
from billing.plans import Plan
from hosting.edge.nginx import EdgeProcess
from hosting.edge_keys import edges_key, month_key
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import Answer, RawClient, Upstream, unique
from tests.waiting import eventually


def burst_of(port: int, host: str, n: int) -> list[Answer]:
    client = RawClient(port)
    answers = [client.get(host) for _ in range(n)]
    client.close()
    return answers


class LimiterClock:
    """The edge rate limiter's "now", set by the test (EdgeConfig.limiter_clock): a burst is
    whatever is sent while the clock stands still, however slowly the machine sends it."""

    def __init__(self, path: Path, start: float = 1_800_000_000.0) -> None:
        self.path = path
        self.set(start)

    def set(self, now: float) -> None:
        self.now = now
        staged = self.path.with_suffix(".new")
        staged.write_text(f"{now:.6f}\n")
        staged.chmod(0o644)  # nginx's workers run as an unprivileged user
        staged.replace(self.path)  # and never read a half-written number

    def advance(self, seconds: float) -> None:
        self.set(self.now + seconds)


@pytest.fixture
def limiter_clock() -> Iterator[LimiterClock]:
    # not under tmp_path: pytest keeps that private to root, where nginx's workers cannot read
    folder = Path(tempfile.mkdtemp(prefix="pm-limiter-clock-"))
    folder.chmod(0o755)
    try:
        yield LimiterClock(folder / "now")
    finally:
        shutil.rmtree(folder)


async def test_n_per_second_are_allowed_then_429_with_the_rate_limit_fields(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess], limiter_clock: LimiterClock
) -> None:
    site = upstream("site")
    host = f"{unique('padaria')}.test"
    plan = await keys.limits(unique("plan"), rps=5, burst=5)
    await keys.route(unique("padaria"), [host], [site.endpoint], plan=plan)
    proxy = edge(limiter_clock=limiter_clock.path)

    answers = await asyncio.to_thread(burst_of, proxy.config.port, host, 7)
    assert [a.status for a in answers] == [200] * 5 + [429] * 2
    assert site.hits == 5
    first, last_ok, refused = answers[0], answers[4], answers[5]
    assert first.headers["ratelimit-policy"] == '"site";q=5;w=1'
    assert first.headers["ratelimit"] == '"site";r=4;t=1'
    assert (first.headers["ratelimit-limit"], first.headers["ratelimit-remaining"]) == ("5", "4")
    assert last_ok.headers["ratelimit-remaining"] == "0"
    assert refused.headers["retry-after"] == "1"
    assert refused.headers["ratelimit-policy"] == '"site";q=5;w=1'
    assert refused.headers["ratelimit"] == '"site";r=0;t=1'
    assert (refused.headers["ratelimit-limit"], refused.headers["ratelimit-remaining"]) == ("5", "0")
    assert refused.headers["ratelimit-reset"] == "1"
    assert "more requests than its plan allows" in refused.body.decode()

    limiter_clock.advance(0.19)  # not yet one request's worth (1/5 s) later
    assert [a.status for a in await asyncio.to_thread(burst_of, proxy.config.port, host, 1)] == [429]
    limiter_clock.advance(0.02)  # one request's worth
    assert [a.status for a in await asyncio.to_thread(burst_of, proxy.config.port, host, 2)] == [200, 429]
    limiter_clock.advance(1.0)  # a second later the whole burst is back, and no more
    again = await asyncio.to_thread(burst_of, proxy.config.port, host, 6)
    assert [a.status for a in again] == [200] * 5 + [429]


async def test_per_client_limit_reports_the_tighter_policy(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess], limiter_clock: LimiterClock
) -> None:
    site = upstream("site")
    host = f"{unique('loja')}.test"
    plan = await keys.limits(unique("plan"), rps=100, burst=100, client_rps=2, client_burst=3)
    await keys.route(unique("loja"), [host], [site.endpoint], plan=plan)
    proxy = edge(limiter_clock=limiter_clock.path)
    answers = await asyncio.to_thread(burst_of, proxy.config.port, host, 4)
    assert [a.status for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["ratelimit-policy"] == '"site";q=100;w=1, "client";q=2;w=1'
    assert answers[0].headers["ratelimit"] == '"site";r=99;t=1, "client";r=2;t=1'
    assert answers[0].headers["ratelimit-limit"] == "2"
    assert answers[3].headers["retry-after"] == "1"


async def test_an_exhausted_monthly_quota_shows_the_plan_page(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('bar')}.test"
    plan = await keys.limits(unique("plan"), monthly_requests=10)
    await keys.route(unique("bar"), [host], [site.endpoint], plan=plan)
    proxy = edge()
    answers = await asyncio.to_thread(burst_of, proxy.config.port, host, 10)
    assert [a.status for a in answers] == [200] * 10

    # The flusher stores the month's totals, then reads them back into the edge: wait for a flush
    # that stored all ten, then for the next one (so the read-back of the first has happened).
    slug = next(r.slug for r in keys.routes if host in r.hosts)
    edges = edges_key(keys.usage_prefix)

    async def stored_all() -> float | None:
        months = [k async for k in keys.redis.scan_iter(match=month_key(keys.usage_prefix, slug, "*"))]
        counted = sum([int(await keys.redis.hget(k, "requests") or 0) for k in months])  # type: ignore[misc]
        return await keys.redis.zscore(edges, proxy.config.instance) if counted == 10 else None

    flushed_at = await eventually(stored_all, what="the month's ten requests stored")
    await eventually(lambda: _later_flush(keys, edges, proxy, flushed_at), what="the next flush")
    over = await asyncio.to_thread(burst_of, proxy.config.port, host, 2)
    assert [a.status for a in over] == [429, 429]
    assert site.hits == 10
    page = over[0]
    assert "used all the requests or bandwidth its plan includes this month" in page.body.decode()
    assert page.headers["ratelimit-policy"].startswith('"monthly-requests";q=10;w=')
    assert int(page.headers["retry-after"]) > 0
    assert page.headers["ratelimit"].startswith('"monthly-requests";r=0;t=')


async def test_a_plan_change_applies_within_seconds_without_reload(
    keys: Keys, redis: object, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess],
    limiter_clock: LimiterClock,
) -> None:
    site = upstream("site")
    host = f"{unique('café')}.test".replace("é", "e")
    small, large = unique("small"), unique("large")
    plans = {small: Plan(small, {}, edge={"rps": 2, "burst": 2}), large: Plan(large, {}, edge={"rps": 50, "burst": 50})}
    limits = EdgeLimits(keys.redis, plans)
    await limits.publish()
    keys.plans += [small, large]
    slug = unique("cafe")
    await keys.route(slug, [host], [site.endpoint], plan=small)
    proxy = edge(limiter_clock=limiter_clock.path)
    assert [a.status for a in await asyncio.to_thread(burst_of, proxy.config.port, host, 3)] == [200, 200, 429]

    await limits.set_site_plan(slug, large)

    async def large_plan_applies() -> list[Answer] | None:
        limiter_clock.advance(1.0)  # each probe starts with full buckets: only the plan decides
        answers = await asyncio.to_thread(burst_of, proxy.config.port, host, 5)
        return answers if [a.status for a in answers] == [200] * 5 else None

    # the edge reads the route again when its cache entry (cache_ttl) runs out; no reload
    answers = await eventually(large_plan_applies, what="the new plan to apply")
    assert answers[0].headers["ratelimit-policy"] == '"site";q=50;w=1'


async def _later_flush(keys: Keys, edges: str, proxy: EdgeProcess, after: float) -> bool:
    score = await keys.redis.zscore(edges, proxy.config.instance)
    return score is not None and score > after
