"""Streaming overhead: Studio on the OpenAI-compatible generator vs the bare SDK, same stream, same run.

A local scripted server (the test stand-in) streams a 12-section site at a
fixed token rate. Runs come in pairs, one bare ``openai`` SDK run reading the
raw stream and one whole-Studio run (SDK → incremental JSON → validation →
preview → storage), back to back and in alternating order, so a burst of load
from elsewhere on the machine falls on both halves of a pair. Each pair gives a
ratio (Studio / bare) for the time to the first section and for the total time;
the figures are the medians of those pair ratios. Then the CPU cost of
incremental parsing + validation per section, without the network.
Targets: both ratios ≤ 1.05, under 1 ms CPU per section.

    .venv/bin/python bench/stream_overhead.py [--rate TOKENS_PER_S] [--runs PAIRS]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openai import AsyncOpenAI

from bots.wiring import runtime
from core.events import PreviewReady, SectionReady
from core.llm.remote.jsonstream import Item, ObjectStreamReader, Prefix
from core.llm.remote.parts import SectionsPart
from core.settings import Settings
from core.storage.records import ChatRef
from tests.core.llm.openai.documents import site_data, site_text
from tests.standins.openai_server import OpenAIStandIn, Stream, pieces

KINDS = ("hero", "about", "stats", "features", "services", "menu", "pricing", "gallery",
         "testimonials", "faq", "contact", "footer")
TEXT = site_text(site_data(KINDS), indent=1)


def first_section_end(text: str) -> int:
    reader = ObjectStreamReader("sections")
    for pos, char in enumerate(text):
        if any(isinstance(p, Item) for p in reader.feed(char)):
            return pos + 1
    raise AssertionError("no section")


async def bare(server: OpenAIStandIn, delay: float) -> tuple[float, float]:
    server.script(Stream(TEXT, delay=delay))
    client = AsyncOpenAI(base_url=server.base_url, api_key="bench", max_retries=0)
    boundary = first_section_end(TEXT)
    try:
        started = time.perf_counter()
        stream = await client.chat.completions.create(
            model="bench", messages=[{"role": "user", "content": "a site"}], stream=True,
            stream_options={"include_usage": True},
        )
        received = 0
        first = 0.0
        async for chunk in stream:
            for choice in chunk.choices:
                received += len(choice.delta.content or "")
            if not first and received >= boundary:
                first = time.perf_counter() - started
        return first, time.perf_counter() - started
    finally:
        await client.close()


async def studio(server: OpenAIStandIn, delay: float, n: int) -> tuple[float, float]:
    server.script(Stream(TEXT, delay=delay))
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), port=0, llm_base_url=server.base_url, llm_model="bench")
        async with runtime(settings) as rt:
            chat = ChatRef(platform="console", chat_id=f"bench-{n}", user_id="bench")
            started = time.perf_counter()
            first = 0.0
            sections = 0
            async for event in rt.studio.message(chat, "Uma padaria artesanal em Lisboa"):
                if isinstance(event, SectionReady):
                    sections += 1
                    if not first:
                        first = time.perf_counter() - started
                elif isinstance(event, PreviewReady):
                    total = time.perf_counter() - started
            assert sections == len(KINDS), sections
            return first, total


def cpu_per_section(repeats: int = 40) -> float:
    chunks = pieces(TEXT)
    started = time.process_time()
    for _ in range(repeats):
        reader = ObjectStreamReader("sections")
        part = SectionsPart()
        count = 0
        for chunk in chunks:
            for piece in reader.feed(chunk):
                if isinstance(piece, Prefix):
                    part.header(piece.fields)
                else:
                    part.check(piece, piece.value)
                    count += 1
        reader.document()
        assert count == len(KINDS)
    return (time.process_time() - started) / (repeats * len(KINDS)) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=500.0, help="tokens per second the server streams")
    parser.add_argument("--runs", type=int, default=7, help="pairs of runs (one bare, one Studio)")
    args = parser.parse_args()
    delay = 1.0 / args.rate
    print(f"site: {len(KINDS)} sections, {len(TEXT)} characters, {len(pieces(TEXT))} tokens at {args.rate:g} tokens/s")
    pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
    async with OpenAIStandIn() as server:
        await bare(server, 0)  # warm up imports and the loop
        await studio(server, 0, -1)
        for n in range(args.runs):
            if n % 2:  # alternate which half of the pair goes first
                s_run = await studio(server, delay, n)
                b_run = await bare(server, delay)
            else:
                b_run = await bare(server, delay)
                s_run = await studio(server, delay, n)
            pairs.append((b_run, s_run))
    for name, index in (("bare", 0), ("studio", 1)):
        first = statistics.median(p[index][0] for p in pairs)
        total = statistics.median(p[index][1] for p in pairs)
        print(f"{name:7s} first section {first * 1000:8.1f} ms   total {total * 1000:8.1f} ms   (medians)")
    first_ratios = [s[0] / b[0] for b, s in pairs]
    total_ratios = [s[1] / b[1] for b, s in pairs]
    print("pair ratios, first section: " + " ".join(f"{r:.3f}" for r in first_ratios))
    print("pair ratios, total:         " + " ".join(f"{r:.3f}" for r in total_ratios))
    load = os.getloadavg()
    print(f"median of {len(pairs)} pair ratios: first section {statistics.median(first_ratios):.3f}   "
          f"total {statistics.median(total_ratios):.3f}   (target <= 1.05; load average {load[0]:.2f})")
    print(f"CPU per section (incremental parse + schema validation): {cpu_per_section():.3f} ms (target < 1 ms)")


if __name__ == "__main__":
    asyncio.run(main())
