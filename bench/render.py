"""Render time and page weight of the sample sites.

Usage: .venv/bin/python bench/render.py [--runs N]

Renders every spec under bench/samples/ (6–12 sections each, all 14 section
kinds across the set, pt/en/es) with ``render_site`` N times and prints, per
site, the median render time and the bytes of HTML+CSS (the CSS is inlined in
index.html), then the median over sites and the worst. Theme caches are
cleared before every run so the figures include CSS generation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.site.schema import load_site_json  # noqa: E402
from pipeline import RenderOptions, render_site  # noqa: E402
from pipeline.contrast import luminance, readable  # noqa: E402
from pipeline.css import stylesheet  # noqa: E402
from pipeline.tokens import resolve  # noqa: E402

BUDGET_MS = 5.0
BUDGET_BYTES = 40_000


def clear_caches() -> None:
    for cached in (stylesheet, resolve, readable, luminance):
        cached.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    samples = sorted((ROOT / "bench" / "samples").glob("*.json"))
    options = RenderOptions(base_url="https://example.com/s/sample/")
    rows: list[tuple[str, int, float, int]] = []
    for path in samples:
        site = load_site_json(path.read_bytes())
        times = []
        for _ in range(args.runs):
            clear_caches()
            start = time.perf_counter()
            bundle = render_site(site, options)
            times.append((time.perf_counter() - start) * 1000)
        rows.append(
            (path.stem, len(site.sections), statistics.median(times), len(bundle.files["index.html"]))
        )

    print(f"{'site':<16}{'sections':>9}{'median ms':>11}{'HTML+CSS bytes':>16}")
    for name, sections, ms, size in rows:
        print(f"{name:<16}{sections:>9}{ms:>11.2f}{size:>16,}")
    median_ms = statistics.median(r[2] for r in rows)
    worst_ms = max(rows, key=lambda r: r[2])
    median_bytes = statistics.median(r[3] for r in rows)
    worst_bytes = max(rows, key=lambda r: r[3])
    print(f"\nmedian over sites: {median_ms:.2f} ms, {median_bytes:,.0f} bytes")
    print(f"worst: {worst_ms[2]:.2f} ms ({worst_ms[0]}), {worst_bytes[3]:,} bytes ({worst_bytes[0]})")
    ok = worst_ms[2] < BUDGET_MS and worst_bytes[3] < BUDGET_BYTES
    print(f"budget ({BUDGET_MS} ms, {BUDGET_BYTES:,} bytes): {'ok' if ok else 'EXCEEDED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
