"""Per-plan rate limits with the IETF draft fields, monthly quotas, plan changes without reload."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from billing.edge_limits import EdgeLimits
from billing.plans import Plan
from hosting.edge.nginx import EdgeProcess
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import Answer, RawClient, Upstream, unique


def burst_of(port: int, host: str, n: int) -> list[Answer]:
    client = RawClient(port)
    answers = [client.get(host) for _ in range(n)]
    client.close()
    return answers


async def test_n_per_second_are_allowed_then_429_with_the_rate_limit_fields(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('padaria')}.test"
    plan = await keys.limits(unique("plan"), rps=5, burst=5)
    await keys.route(unique("padaria"), [host], [site.endpoint], plan=plan)
    proxy = edge()

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

    await asyncio.sleep(1.05)  # a second later the whole burst is back, and no more
    again = await asyncio.to_thread(burst_of, proxy.config.port, host, 6)
    assert [a.status for a in again] == [200] * 5 + [429]


async def test_per_client_limit_reports_the_tighter_policy(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('loja')}.test"
    plan = await keys.limits(unique("plan"), rps=100, burst=100, client_rps=2, client_burst=3)
    await keys.route(unique("loja"), [host], [site.endpoint], plan=plan)
    proxy = edge()
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
    await asyncio.sleep(0.8)  # the flusher stores the month's totals and reads them back
    over = await asyncio.to_thread(burst_of, proxy.config.port, host, 2)
    assert [a.status for a in over] == [429, 429]
    assert site.hits == 10
    page = over[0]
    assert "used all the requests or bandwidth its plan includes this month" in page.body.decode()
    assert page.headers["ratelimit-policy"].startswith('"monthly-requests";q=10;w=')
    assert int(page.headers["retry-after"]) > 0
    assert page.headers["ratelimit"].startswith('"monthly-requests";r=0;t=')


async def test_a_plan_change_applies_within_seconds_without_reload(
    keys: Keys, redis: object, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
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
    proxy = edge()
    assert [a.status for a in await asyncio.to_thread(burst_of, proxy.config.port, host, 3)] == [200, 200, 429]

    await limits.set_site_plan(slug, large)
    started = time.monotonic()
    while True:
        answers = await asyncio.to_thread(burst_of, proxy.config.port, host, 5)
        if all(a.status == 200 for a in answers):
            break
        assert time.monotonic() - started < 3, "the new plan did not apply within seconds"
        await asyncio.sleep(0.1)
    assert answers[0].headers["ratelimit-policy"] == '"site";q=50;w=1'
