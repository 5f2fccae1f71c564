"""The one background loop: a failed round is logged and retried; other errors end the loop."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import BackendUnavailable
from core.periodic import run_every
from tests.waiting import eventually


async def test_a_failed_round_is_logged_and_the_next_one_runs(caplog: pytest.LogCaptureFixture) -> None:
    rounds: list[int] = []

    async def step() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise BackendUnavailable("engine down")

    task = asyncio.create_task(run_every("health monitor", 0.01, step))
    await eventually(lambda: len(rounds) >= 3, what="three rounds", every=0.005)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert "health monitor: engine down" in caplog.text


async def test_an_unexpected_error_ends_the_loop_unless_survived() -> None:
    calls: list[int] = []

    async def broken() -> None:
        calls.append(1)
        raise KeyError("bug")

    with pytest.raises(KeyError):
        await run_every("strict", 0.01, broken)
    assert len(calls) == 1
    task = asyncio.create_task(run_every("lenient", 0.01, broken, survive=(Exception,)))
    await eventually(lambda: len(calls) >= 4, what="three more rounds after the error", every=0.005)
    assert not task.done()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
