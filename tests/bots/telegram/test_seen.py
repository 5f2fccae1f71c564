"""Replicas behind one webhook handle a redelivered update once, through Redis; without Redis, alone."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from bots.telegram.seen import KEY_PREFIX, REDELIVERY_WINDOW_SECONDS, MemorySeen, RedisSeen
from tests.bots.telegram.conftest import BotFactory, barrier, free_port
from tests.conftest import REDIS_URL
from tests.standins.telegram_api import TelegramStandIn


@pytest.fixture
async def standin() -> AsyncIterator[TelegramStandIn]:
    """A bot of its own: its id keys the shared memory, so runs never see each other's updates."""
    async with TelegramStandIn(token=f"{secrets.randbelow(10**9) + 10**9}:TEST-replicas") as server:
        yield server


async def test_a_redelivered_update_is_handled_by_one_replica_only(
    start_bot: BotFactory, standin: TelegramStandIn, redis: Redis
) -> None:
    # two replicas of `pagemagic serve`: one database, one Redis, one webhook URL in front
    async with start_bot(webhook=True, redis_url=REDIS_URL) as first, start_bot(webhook=True, redis_url=REDIS_URL) as second:
        standin.webhook_target = f"http://127.0.0.1:{first.runtime.settings.port}"
        update = standin.send_text(9400, "A bakery in Lisbon with a menu")
        await standin.settle()
        standin.webhook_target = f"http://127.0.0.1:{second.runtime.settings.port}"
        standin.push({"message": update["message"]}, update_id=update["update_id"])  # redelivered elsewhere
        await standin.settle()
        await standin.wait_for(lambda: standin.with_buttons(9400, "pm:publish"))
        await barrier(standin)
        assert standin.webhook_answers[:2] == [200, 200]  # both answered Telegram at once
        assert len(standin.with_buttons(9400, "pm:publish")) == 1
        assert len(standin.calls_to("sendChatAction", 9400)) == 1
        key = f"{KEY_PREFIX}{standin.bot['id']}:{update['update_id']}"
        assert 0 < await redis.ttl(key) <= REDELIVERY_WINDOW_SECONDS  # forgotten once Telegram would give up


async def test_replicas_agree_on_who_is_first_and_bots_do_not_collide(redis: Redis) -> None:
    bot = secrets.randbelow(10**9) + 10**9
    replicas = [RedisSeen(redis), RedisSeen(redis)]
    answers = await asyncio.gather(*(r.first_time(bot, 77) for r in replicas for _ in range(3)))
    assert sorted(answers) == [False] * 5 + [True]
    assert await replicas[0].first_time(bot + 1, 77), "another bot's update 77 is another update"


async def test_without_redis_each_replica_remembers_alone_and_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    down = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    seen = RedisSeen(down)
    try:
        with caplog.at_level(logging.WARNING, logger="pagemagic.telegram"):
            assert await seen.first_time(1, 5)  # handled, not dropped, although Redis is down
            assert not await seen.first_time(1, 5)
            assert await seen.first_time(1, 6)
    finally:
        await down.aclose()
    warnings = [r for r in caplog.records if "de-duplication" in r.getMessage()]
    assert len(warnings) == 1


async def test_memory_keeps_a_bounded_window() -> None:
    seen = MemorySeen(kept=2)
    assert [await seen.first_time(1, n) for n in (1, 2, 1, 3)] == [True, True, False, True]
    assert await seen.first_time(1, 1), "the oldest update fell out of the window"
