"""``pagemagic serve``: the server, plus every front door that is configured, until SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from bots.wiring import runtime
from core.settings import Settings


async def run_serve(settings: Settings) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with runtime(settings, explicit_port=True) as rt:
        print(f"Serving on {rt.base_url}", flush=True)
        await stop.wait()
    return 0
