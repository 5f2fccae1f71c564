"""Replicas in polling mode: one polls (Telegram allows one getUpdates), another takes over when it stops."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from bots.telegram.poller import KEY_PREFIX, PollerElection
from tests.bots.telegram.conftest import BotFactory, free_port
from tests.conftest import REDIS_URL
from tests.standins.telegram_api import TelegramStandIn
from tests.waiting import eventually


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    """A bot of its own, so the election's key is this test's alone."""
    async with TelegramStandIn(token=f"{secrets.randbelow(10**9) + 10**9}:TEST-poller") as server:
        yield server


async def test_one_replica_polls_and_another_takes_over_when_it_stops(
    start_bot: BotFactory, standin: TelegramStandIn
) -> None:
    lease = {"redis_url": REDIS_URL, "poll_lease": 1.5}
    async with start_bot(**lease) as first, start_bot(**lease) as second:
        elections = [first.service.election, second.service.election]
        assert elections[0] is not None and elections[1] is not None
        # both had several chances to win the election
        await eventually(lambda: min(e.rounds for e in elections if e) >= 3, what="three election rounds each")
        assert sorted(e.polling for e in elections if e is not None) == [False, True]
        poller = first if first.service.election and first.service.election.polling else second
        standby = second if poller is first else first
        standin.send_text(9500, "A bakery in Lisbon with a menu")
        await standin.wait_for(lambda: standin.with_buttons(9500, "pm:publish"))

        await poller.service.stop()  # a rolling update stops one replica: the other polls now
        assert standby.service.election is not None
        await standin.wait_for(lambda: standby.service.election.polling, 5)  # type: ignore[union-attr]
        standin.send_text(9501, "Una panadería en Madrid", language_code="es")
        await standin.wait_for(lambda: standin.with_buttons(9501, "pm:publish"))
        assert len(standin.with_buttons(9500, "pm:publish")) == 1


async def test_without_redis_a_replica_polls_anyway() -> None:
    started: list[str] = []

    async def start() -> None:
        started.append("polling")

    async def stop() -> None:
        started.append("stopped")

    down = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    election = PollerElection(down, 1, start, stop, lease_seconds=0.3)
    election.run()
    try:
        await eventually(lambda: election.polling, what="polling without Redis")
        assert started == ["polling"]  # a bot that answers beats one that does not
    finally:
        await election.close()
        await down.aclose()
    assert started == ["polling", "stopped"]


async def test_the_lease_is_renewed_and_handed_over(redis: Redis) -> None:
    bot = secrets.randbelow(10**9) + 10**9
    calls: list[str] = []

    async def note(what: str) -> None:
        calls.append(what)

    leader = PollerElection(redis, bot, lambda: note("a-start"), lambda: note("a-stop"), lease_seconds=0.6)
    follower = PollerElection(redis, bot, lambda: note("b-start"), lambda: note("b-stop"), lease_seconds=0.6)
    leader.run()
    await eventually(lambda: leader.polling, what="the first replica to take the lease")
    follower.run()
    try:
        # Every round is a third of the lease apart: six rounds outlast the lease (0.6 s) twice over,
        # so only renewal can have kept it; the follower tried at every one of its rounds.
        await eventually(lambda: leader.rounds >= 7 and follower.rounds >= 6, what="two leases' worth of rounds")
        assert leader.polling and not follower.polling
        assert await redis.pttl(f"{KEY_PREFIX}{bot}") > 0
        await leader.close()
        await eventually(lambda: follower.polling, what="the follower to take over")
    finally:
        await follower.close()
    assert calls == ["a-start", "a-stop", "b-start", "b-stop"]
    assert await redis.exists(f"{KEY_PREFIX}{bot}") == 0  # released, not left to expire
