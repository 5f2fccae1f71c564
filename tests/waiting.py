"""Waiting on a condition, never on the clock: poll until it holds, fail loudly at the deadline.

The deadline is generous (a loaded CI machine is slow); a test that passes waits only as long
as the condition takes.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def eventually(
    condition: Callable[[], T | Awaitable[T]], timeout: float = 15.0, what: str = "the condition", every: float = 0.02
) -> T:
    """The first truthy value of ``condition()`` (sync or async), polled until ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(every)


def eventually_sync(condition: Callable[[], T], timeout: float = 15.0, what: str = "the condition",
                    every: float = 0.02) -> T:
    """``eventually`` for code outside an event loop (threads, subprocess helpers)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)
