"""Telegram load: many chats in flight on one process, and the latency our code adds per message.

Usage: .venv/bin/python bench/telegram_load.py [--chats 200] [--rounds 2] [--driver aiogram|ptb]
                                               [--ramp 5] [--no-limits]

Runs the real bot (driver, adapter, shared limiter, Studio, offline generator at
zero delay, SQLite) against the local Bot API stand-in (tests/standins), polling.
Each chat describes a site and then refines it (``--rounds`` messages in all),
sending its next message as soon as the previous answer arrived; chats start
spread over ``--ramp`` seconds and then stay in flight together.

The headline is end to end: from the message reaching the Bot API stand-in to
the final answer delivered there (the adapter has sent it and Telegram has
answered), p50/p95 and messages per second, and when the last final answer
arrived against the floor Telegram's overall limit sets (30 messages a second:
200 final answers need 6.7 s; target within 1.2 times that). Beside it, Studio
alone (from the message handed to Studio to its final event) and the adapter
alone: the time from the driver handing the update to the adapter until it is
done, minus the time spent waiting for Telegram's rate limits, minus the Bot API
round trips and minus Studio's share (target p95 under 50 ms). Also CPU per
message and any limit the stand-in saw broken.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bots.telegram.adapter import TelegramAdapter  # noqa: E402
from bots.telegram.limiter import TELEGRAM_LIMITS, Limits, RateLimiter  # noqa: E402
from bots.telegram.port import BotApi, IncomingMessage, Keyboard  # noqa: E402
from bots.telegram.service import ALLOWED_UPDATES, build_driver  # noqa: E402
from bots.wiring import runtime  # noqa: E402
from core.events import Event  # noqa: E402
from core.settings import Settings  # noqa: E402
from core.storage.records import ChatRef  # noqa: E402
from core.studio import Studio  # noqa: E402
from tests.standins.telegram_api import TelegramStandIn  # noqa: E402

TARGET_P95_MS = 50.0
DESCRIPTIONS = (
    "A bakery in Lisbon with a menu and opening hours",
    "Uma clínica dentária no Porto com serviços e contacto",
    "Una taquería en Ciudad de México con menú y horario",
    "A yoga studio in Berlin with pricing and a FAQ",
    "Um cabeleireiro em Braga com preços e galeria",
)
REFINEMENTS = ("make it dark green", "deixa-o azul escuro", "ponlo oscuro", "add a team section")


class Clocked:
    """Per chat, in the task handling its message: seconds in Bot API calls and limiter waits
    (Telegram's share) and seconds inside Studio (the engine's share). Progress frames run in
    their own task, alongside Studio, and are not counted: they delay nothing."""

    def __init__(self) -> None:
        self.outside: dict[int, float] = defaultdict(float)
        self.core: dict[int, float] = defaultdict(float)
        self.handler: dict[int, asyncio.Task[Any] | None] = {}

    def add(self, chat_id: int, seconds: float, core: bool = False) -> None:
        if asyncio.current_task() is self.handler.get(chat_id):
            (self.core if core else self.outside)[chat_id] += seconds


class TimedStudio:
    def __init__(self, studio: Studio, clocked: Clocked) -> None:
        self.studio = studio
        self.clocked = clocked
        self.alone: list[float] = []  # per message: handed to Studio -> its final event

    async def message(self, chat: ChatRef, text: str) -> AsyncIterator[Event]:
        events = self.studio.message(chat, text).__aiter__()
        began = time.perf_counter()
        last = began
        while True:
            started = time.perf_counter()
            try:
                event = await anext(events)
            except StopAsyncIteration:
                self.alone.append(last - began)
                return
            finally:
                self.clocked.add(int(chat.chat_id), time.perf_counter() - started, core=True)
            last = time.perf_counter()
            yield event


class TimedApi:
    """The driver's BotApi, timing each call per chat."""

    def __init__(self, inner: BotApi, clocked: Clocked) -> None:
        self.inner = inner
        self.clocked = clocked

    @contextlib.asynccontextmanager
    async def _timed(self, chat_id: int) -> AsyncIterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.clocked.add(chat_id, time.perf_counter() - started)

    async def get_me(self) -> Any:
        return await self.inner.get_me()

    async def send_message(self, chat_id: int, html: str, keyboard: Keyboard | None = None) -> int:
        async with self._timed(chat_id):
            return await self.inner.send_message(chat_id, html, keyboard)

    async def edit_message(
        self, chat_id: int, message_id: int, html: str, keyboard: Keyboard | None = None
    ) -> None:
        async with self._timed(chat_id):
            await self.inner.edit_message(chat_id, message_id, html, keyboard)

    async def send_draft(self, chat_id: int, draft_id: int, html: str) -> None:
        async with self._timed(chat_id):
            await self.inner.send_draft(chat_id, draft_id, html)

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        await self.inner.answer_callback(callback_id, text)

    async def send_typing(self, chat_id: int) -> None:
        async with self._timed(chat_id):
            await self.inner.send_typing(chat_id)

    async def set_commands(self, commands: Any, language_code: str | None) -> None:
        await self.inner.set_commands(commands, language_code)

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None:
        await self.inner.set_webhook(url, secret, allowed_updates)

    async def delete_webhook(self) -> None:
        await self.inner.delete_webhook()


class TimedLimiter(RateLimiter):
    def __init__(self, limits: Limits, clocked: Clocked) -> None:
        super().__init__(limits)
        self.clocked = clocked

    @contextlib.asynccontextmanager
    async def slot(self, chat_id: int, group: bool, message: bool = True, draft: bool = False) -> AsyncIterator[None]:
        started = time.perf_counter()
        async with super().slot(chat_id, group, message, draft):
            self.clocked.add(chat_id, time.perf_counter() - started)
            yield


class TimedAdapter(TelegramAdapter):
    """Records, per message, the handling time minus what Telegram's side took."""

    def __init__(self, *args: Any, clocked: Clocked, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clocked = clocked
        self.added: list[float] = []
        self.with_core: list[float] = []
        self.done: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def handle_message(self, incoming: IncomingMessage) -> None:
        chat = incoming.chat_id
        self.clocked.outside[chat] = self.clocked.core[chat] = 0.0
        self.clocked.handler[chat] = asyncio.current_task()
        started = time.perf_counter()
        await super().handle_message(incoming)
        ours = time.perf_counter() - started - self.clocked.outside[chat]
        self.with_core.append(max(0.0, ours))
        self.added.append(max(0.0, ours - self.clocked.core[chat]))
        self.done[chat].set()


async def run(chats: int, rounds: int, driver_name: str, ramp: float, limits: Limits) -> dict[str, float]:
    async with TelegramStandIn() as standin:
        home = Path(tempfile.mkdtemp(prefix="pm-bench-"))
        settings = Settings(
            home=home,
            port=0,
            telegram_token=standin.token,  # type: ignore[arg-type]
            telegram_driver=driver_name,  # type: ignore[arg-type]
            telegram_api_base=standin.url,
        )
        clocked = Clocked()
        async with runtime(settings) as rt:
            driver = build_driver(settings)
            await driver.connect()
            api = TimedApi(driver.api, clocked)
            timed_studio = TimedStudio(rt.studio, clocked)
            adapter = TimedAdapter(
                timed_studio,  # type: ignore[arg-type]
                api,
                TimedLimiter(limits, clocked),
                identity=await api.get_me(),
                clocked=clocked,
            )
            driver.mount(adapter)
            await api.delete_webhook()
            await driver.start_polling(ALLOWED_UPDATES)

            end_to_end: list[float] = []
            finals: list[float] = []

            async def converse(n: int) -> float:
                chat = 30_000 + n
                await asyncio.sleep(ramp * n / chats)
                started = time.perf_counter()
                texts = [DESCRIPTIONS[n % len(DESCRIPTIONS)]] + [
                    REFINEMENTS[(n + r) % len(REFINEMENTS)] for r in range(rounds - 1)
                ]
                for text in texts:
                    adapter.done[chat].clear()
                    sent = time.perf_counter()
                    standin.send_text(chat, text, language_code=("en", "pt", "es")[n % 3])
                    await adapter.done[chat].wait()
                    end_to_end.append(time.perf_counter() - sent)
                    finals.append(time.perf_counter() - wall0)
                return time.perf_counter() - started

            cpu0, wall0 = time.process_time(), time.perf_counter()
            durations = await asyncio.gather(*(converse(n) for n in range(chats)))
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            await driver.close()
        missing = [30_000 + n for n in range(chats) if not standin.with_buttons(30_000 + n, "pm:publish")]
        violations = standin.limit_violations(
            limits.per_chat_interval, limits.group_per_minute, limits.global_per_second
        )
    added = sorted(adapter.added)
    with_core = sorted(adapter.with_core)
    e2e = sorted(end_to_end)
    alone = sorted(timed_studio.alone)
    return {
        "e2e_p50_ms": 1000 * e2e[len(e2e) // 2],
        "e2e_p95_ms": 1000 * e2e[int(len(e2e) * 0.95) - 1],
        "studio_p50_ms": 1000 * alone[len(alone) // 2],
        "studio_p95_ms": 1000 * alone[int(len(alone) * 0.95) - 1],
        "last_final_s": max(finals),
        "floor_s": len(finals) / limits.global_per_second,
        "core_p50_ms": 1000 * with_core[len(with_core) // 2],
        "core_p95_ms": 1000 * with_core[int(len(with_core) * 0.95) - 1],
        "messages": len(added),
        "wall_s": wall,
        "chats_per_s": chats / wall,
        "messages_per_s": len(added) / wall,
        "chat_seconds_median": statistics.median(durations),
        "p50_ms": 1000 * added[len(added) // 2],
        "p95_ms": 1000 * added[int(len(added) * 0.95) - 1],
        "max_ms": 1000 * added[-1],
        "cpu_ms_per_message": 1000 * cpu / len(added),
        "calls": len(standin.calls),
        "violations": len(violations),
        "without_final": len(missing),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument(
        "--rounds", type=int, default=2, help="messages per chat: a description, then refinements"
    )
    parser.add_argument("--driver", choices=("aiogram", "ptb"), default="aiogram")
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds over which the chats start")
    parser.add_argument(
        "--no-limits", action="store_true", help="lift Telegram's limits (measures our ceiling)"
    )
    args = parser.parse_args()
    limits = Limits(10**-6, 10**9, 10**9) if args.no_limits else TELEGRAM_LIMITS
    result = asyncio.run(run(args.chats, args.rounds, args.driver, args.ramp, limits))
    print(f"telegram load: {args.chats} chats × {args.rounds} messages, driver {args.driver}, "
          f"{'no limits' if args.no_limits else 'Telegram limits'}, offline generator at zero delay")  # fmt: skip
    print(f"  {result['messages']:.0f} messages in {result['wall_s']:.1f} s: "
          f"{result['chats_per_s']:.1f} chats/s, {result['messages_per_s']:.1f} messages/s, "
          f"{result['calls']:.0f} Bot API calls")  # fmt: skip
    print(f"  end to end (message -> final answer delivered): p50 {result['e2e_p50_ms']:.0f} ms, "
          f"p95 {result['e2e_p95_ms']:.0f} ms; last final answer at {result['last_final_s']:.1f} s "
          f"(Telegram's floor {result['floor_s']:.1f} s, ratio {result['last_final_s'] / result['floor_s']:.2f})")  # fmt: skip
    print(f"  Studio alone (message -> final event): p50 {result['studio_p50_ms']:.0f} ms, "
          f"p95 {result['studio_p95_ms']:.0f} ms")  # fmt: skip
    print(f"  adapter alone: latency the Telegram layer adds per message (adapter, driver, limiter bookkeeping, loop): "
          f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, max {result['max_ms']:.1f} ms "
          f"(target p95 < {TARGET_P95_MS:.0f} ms)")  # fmt: skip
    print(f"  with Studio's own work included (generation, storage): p50 {result['core_p50_ms']:.0f} ms, "
          f"p95 {result['core_p95_ms']:.0f} ms; CPU {result['cpu_ms_per_message']:.1f} ms/message")  # fmt: skip
    print(f"  limits broken: {result['violations']:.0f}; chats without their final message: "
          f"{result['without_final']:.0f}")  # fmt: skip
    ok = result["p95_ms"] < TARGET_P95_MS and not result["violations"] and not result["without_final"]
    print("  OK" if ok else "  NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
