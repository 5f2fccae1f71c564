"""Studio's own CPU per message: everything but the model.

Usage: .venv/bin/python bench/studio.py [--chats 40] [--rounds 3] [--pg] [--profile N]

Drives ``Studio.message`` directly (no chat platform) with a generator that returns a fixed
site instantly (the bakery sample: header and 8 sections) for a description and a fixed edit
(a new name and a new theme colour) for each refinement: what is left is Studio's own work —
parsing, validation, storage, the live preview, the preview render, usage, events. Each chat
sends one description and then ``--rounds - 1`` refinements, one chat after another, so the
figure is CPU time per message (``time.process_time`` of the whole process: the event loop,
the database driver and SQLite's own thread included) with nothing waiting. Then the offline
generator's own cost: CPU per site it writes (create) and per refinement, beside it.

Targets: Studio <= 5 ms CPU per message on SQLite and PostgreSQL; the offline generator
<= 10 ms per site. ``--profile N`` prints the N functions with the most cumulative time
(cProfile) over the Studio run, for the breakdown in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import event  # noqa: E402

from billing.quotas import PlanQuotas  # noqa: E402
from billing.usage import StoreUsageMeter  # noqa: E402
from core.events import Event, Failed  # noqa: E402
from core.llm.offline.generator import OfflineGenerator  # noqa: E402
from core.llm.port import (  # noqa: E402
    EditGenerated,
    GenerationEvent,
    GenerationRequest,
    HeaderGenerated,
    SectionGenerated,
)
from core.site.edits import SetIdentity, SetTheme  # noqa: E402
from core.site.schema import load_site_json  # noqa: E402
from core.site.site import Site  # noqa: E402
from core.storage.database import create_engine, migrate  # noqa: E402
from core.storage.records import ChatRef  # noqa: E402
from core.storage.store import Store  # noqa: E402
from core.studio import Studio  # noqa: E402
from core.studio.base import StudioConfig  # noqa: E402
from hosting.jobs import InProcessQueue, JobRunner  # noqa: E402
from hosting.live import LiveDrafts  # noqa: E402
from hosting.local import LocalHosting  # noqa: E402

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
STUDIO_TARGET_MS = 5.0
OFFLINE_TARGET_MS = 10.0
SITE = load_site_json((ROOT / "bench" / "samples" / "padaria-pt.json").read_bytes())
COLOURS = ("#1f5130", "#7a2e1f", "#1f3a7a", "#5a1f7a")


class FixedGenerator:
    """A generator that answers at once: the same site for a description, one edit pair for a refinement."""

    name = "fixed"

    def __init__(self, site: Site) -> None:
        self.site = site
        self.count = 0

    async def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        self.count += 1
        if request.current is None:
            yield HeaderGenerated(self.site.header)
            for section in self.site.sections:
                yield SectionGenerated(section)
            return
        theme = request.current.theme
        palette = theme.palette.model_copy(update={"primary": COLOURS[self.count % len(COLOURS)]})
        yield EditGenerated(SetIdentity(name=f"{self.site.name[:60]} {self.count}"))
        yield EditGenerated(SetTheme(theme=theme.model_copy(update={"palette": palette})))


def make_studio(store: Store, generator: object, home: Path) -> Studio:
    drafts = LiveDrafts("http://127.0.0.1:9")
    meter = StoreUsageMeter(store)
    hosting = LocalHosting(home / "sites", "http://127.0.0.1:9")
    queue = InProcessQueue(JobRunner(store, hosting, meter))
    return Studio(store, generator, hosting, drafts, meter, PlanQuotas(store, meter), queue,  # type: ignore[arg-type]
                  config=StudioConfig(preview_ttl=timedelta(hours=1), default_plan="business"))


async def one_message(studio: Studio, chat: ChatRef, text: str) -> list[Event]:
    events = [event async for event in studio.message(chat, text)]
    failed = [e for e in events if isinstance(e, Failed)]
    if failed:
        raise SystemExit(f"bench: Studio failed: {failed[0].code}: {failed[0].text}")
    return events


def area(filename: str) -> str:
    """Where a function's own time goes: a library by name, our packages by name, else the runtime."""
    for marker in ("site-packages/", "/scale-b/", str(ROOT) + "/"):
        if marker in filename:
            rest = filename.split(marker, 1)[1]
            return rest.split("/", 1)[0].removesuffix(".py")
    if "asyncio" in filename:
        return "asyncio"
    return "python runtime" if filename.startswith(("<", "~")) or "/lib/python" in filename else filename


def print_breakdown(stats: pstats.Stats, messages: int) -> None:
    """Own time (cProfile ``tottime``) per message, by library or package, largest first."""
    totals: dict[str, float] = {}
    for (filename, _, _), row in stats.stats.items():  # type: ignore[attr-defined]
        totals[area(filename)] = totals.get(area(filename), 0.0) + row[2]
    every = sum(totals.values())
    print(f"own time per message under cProfile: {every / messages * 1000:.2f} ms")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[:14]:
        print(f"  {name:<28}{seconds / messages * 1000:7.2f} ms  {seconds / every:6.1%}")


async def studio_run(store: Store, home: Path, chats: int, rounds: int, profile: int) -> dict[str, float]:
    studio = make_studio(store, FixedGenerator(SITE), home)
    statements = [0]

    def count(*_: object) -> None:
        statements[0] += 1

    event.listen(store.engine.sync_engine, "before_cursor_execute", count)
    # Warm-up: imports, caches, prepared statements.
    for text in ("Uma padaria em Lisboa", "muda a cor"):
        await one_message(studio, ChatRef("console", "warm", "warm", language="pt_PT"), text)
    create: list[float] = []
    refine: list[float] = []
    profiler = cProfile.Profile(time.process_time) if profile else None  # CPU, not waiting
    wall = time.perf_counter()
    statements[0] = 0
    for i in range(chats):
        chat = ChatRef("console", f"bench-{i}", f"u{i}", language="pt_PT")
        for round_ in range(rounds):
            text = "Uma padaria artesanal em Lisboa" if round_ == 0 else "muda a cor e o nome"
            if profiler:
                profiler.enable()
            start = time.process_time()
            await one_message(studio, chat, text)
            (create if round_ == 0 else refine).append((time.process_time() - start) * 1000)
            if profiler:
                profiler.disable()
    wall = time.perf_counter() - wall
    if profiler:
        stats = pstats.Stats(profiler)
        print_breakdown(stats, len(create) + len(refine))
        stats.sort_stats("tottime").print_stats(profile)
    every = create + refine
    return {"all": statistics.median(every), "create": statistics.median(create),
            "refine": statistics.median(refine) if refine else 0.0, "mean": statistics.fmean(every),
            "messages": len(every), "wall": wall, "statements": statements[0] / len(every)}


async def offline_run(sites: int) -> tuple[float, float]:
    """The offline generator's own CPU: per site written, per refinement."""
    generator = OfflineGenerator()
    texts = ("Uma padaria artesanal em Lisboa com menu e horário", "A yoga studio in Berlin with pricing and a FAQ",
             "Una taquería en Ciudad de México con menú y horario", "Uma clínica dentária no Porto com serviços")
    create: list[float] = []
    refine: list[float] = []
    for i in range(sites):
        request = GenerationRequest(instruction=texts[i % len(texts)])
        start = time.process_time()
        events = [e async for e in generator.generate(request)]
        create.append((time.process_time() - start) * 1000)
        header = next(e.header for e in events if isinstance(e, HeaderGenerated))
        site = Site.assemble(header, [e.section for e in events if isinstance(e, SectionGenerated)])
        start = time.process_time()
        _ = [e async for e in generator.generate(GenerationRequest(instruction="make it dark green", current=site))]
        refine.append((time.process_time() - start) * 1000)
    return statistics.median(create), statistics.median(refine)


async def main(chats: int, rounds: int, pg: bool, profile: int) -> int:
    home = Path(tempfile.mkdtemp(prefix="pm-bench-studio-"))
    name = f"pm_bench_studio_{secrets.token_hex(4)}"
    if pg:
        conn = await asyncpg.connect(PG_ADMIN)
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.close()
    url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}" if pg else f"sqlite+aiosqlite:///{home / 'bench.db'}"
    engine = create_engine(url)
    await migrate(engine, lock_dir=home)
    store = Store(engine)
    try:
        figures = await studio_run(store, home, chats, rounds, profile)
    finally:
        await store.close()
        if pg:
            conn = await asyncpg.connect(PG_ADMIN)
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.close()
    offline_create, offline_refine = await offline_run(max(20, chats))
    backend = "PostgreSQL" if pg else "SQLite"
    print(f"{backend}: {figures['messages']:.0f} messages ({chats} chats x {rounds}), "
          f"{figures['wall']:.2f} s wall; load average {os.getloadavg()[0]:.1f}")
    print(f"Studio CPU per message, median: {figures['all']:.2f} ms (create {figures['create']:.2f} ms, "
          f"refine {figures['refine']:.2f} ms; mean {figures['mean']:.2f} ms); "
          f"{figures['statements']:.1f} SQL statements per message")
    print(f"offline generator's own CPU, median: {offline_create:.2f} ms per site, {offline_refine:.2f} ms per refinement")
    ok = figures["all"] <= STUDIO_TARGET_MS and offline_create <= OFFLINE_TARGET_MS
    print("PASS" if ok else f"FAIL (targets: Studio <= {STUDIO_TARGET_MS} ms, offline <= {OFFLINE_TARGET_MS} ms per site)")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions (cProfile)")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.chats, args.rounds, args.pg, args.profile)))
