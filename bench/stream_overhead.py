"""Streaming overhead: Studio on the OpenAI-compatible generator vs the bare SDK, same stream, same run.

A local scripted server (the test stand-in) streams a 12-section site at a
fixed token rate. Interleaved runs measure, for the bare ``openai`` SDK reading
the raw stream and for the whole Studio (SDK → incremental JSON → validation →
preview → storage), the time to the first section and the total time; then the
CPU cost of incremental parsing + validation per section, without the network.
Targets: both ratios ≤ 1.05, under 1 ms CPU per section.

    .venv/bin/python bench/stream_overhead.py [--rate TOKENS_PER_S] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    delay = 1.0 / args.rate
    print(f"site: {len(KINDS)} sections, {len(TEXT)} characters, {len(pieces(TEXT))} tokens at {args.rate:g} tokens/s")
    results: dict[str, list[tuple[float, float]]] = {"bare": [], "studio": []}
    async with OpenAIStandIn() as server:
        await bare(server, 0)  # warm up imports and the loop
        for n in range(args.runs):
            results["bare"].append(await bare(server, delay))
            results["studio"].append(await studio(server, delay, n))
    med = {k: (statistics.median(f for f, _ in v), statistics.median(t for _, t in v)) for k, v in results.items()}
    for name, (first, total) in med.items():
        print(f"{name:7s} first section {first * 1000:8.1f} ms   total {total * 1000:8.1f} ms")
    print(f"ratio   first section {med['studio'][0] / med['bare'][0]:.3f}      "
          f"total {med['studio'][1] / med['bare'][1]:.3f}   (target <= 1.05)")
    print(f"CPU per section (incremental parse + schema validation): {cpu_per_section():.3f} ms (target < 1 ms)")


if __name__ == "__main__":
    asyncio.run(main())
