"""Background loops: run one step now and every N seconds until cancelled.

Every periodic duty (job recovery, health checks, autoscaling, usage
aggregation, domain checks, Stripe reports) is a ``step`` coroutine; this is
the one loop that repeats it, so a failing round is logged and retried the
same way everywhere instead of ending the task silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from core.errors import PageMagicError

log = logging.getLogger("pagemagic.periodic")


async def run_every(
    name: str,
    seconds: float,
    step: Callable[[], Awaitable[object]],
    survive: tuple[type[Exception], ...] = (PageMagicError,),
) -> None:
    """Await ``step()`` now and every ``seconds``; cancel the task to stop.

    Errors of the ``survive`` types are logged (with a traceback when they are
    not ours) and the next round runs as usual; anything else ends the loop.
    """
    while True:
        try:
            await step()
        except survive as error:
            if isinstance(error, PageMagicError):
                log.warning("%s: %s; again in %.0f s", name, error.detail or error.code, seconds)
            else:
                log.exception("%s failed; again in %.0f s", name, seconds)
        await asyncio.sleep(seconds)
