"""Render time and page weight of the sample sites.

Usage: .venv/bin/python bench/render.py [--runs N] [--worst]

Renders every spec under bench/samples/ (6–12 sections each, all 14 section
kinds across the set, pt/en/es) with ``render_site`` N times and prints, per
site, the median render time (CPU time of the rendering thread: the machine is shared)
and the bytes of HTML+CSS (the CSS is inlined in index.html), then the median over sites and the worst. Theme caches are
cleared before every run so the figures include CSS generation.

``--worst`` renders instead the heaviest sites the schema allows
(``tests/core/site/maximal.py``: for each section kind, its longest instances repeated
until the page budget is full, with the longest texts, with one-character texts, and with
the site's own photos in every slot); every valid spec is at most that heavy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.site.schema import load_site_json, parse_site  # noqa: E402
from core.site.site import Site  # noqa: E402
from pipeline import RenderOptions, render_site  # noqa: E402
from pipeline.contrast import luminance, readable  # noqa: E402
from pipeline.css import stylesheet  # noqa: E402
from pipeline.tokens import resolve  # noqa: E402

BUDGET_MS = 5.0
BUDGET_BYTES = 40_000


def clear_caches() -> None:
    for cached in (stylesheet, resolve, readable, luminance):
        cached.cache_clear()


def samples() -> list[tuple[str, Site]]:
    return [(path.stem, load_site_json(path.read_bytes())) for path in sorted((ROOT / "bench" / "samples").glob("*.json"))]


def worst_sites() -> list[tuple[str, Site]]:
    from tests.core.site.maximal import TINY, heaviest_sites, photo_sites

    sites = [(f"{fill or 'heavy'}-{d['sections'][0]['kind']}"[:15], d) for fill in (False, "plain", TINY)
             for d in heaviest_sites(fill)]
    sites += [(f"photos-{d['sections'][0]['kind']}", d) for d in photo_sites()]
    return [(name, parse_site(data)) for name, data in sites]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--worst", action="store_true", help="the heaviest valid sites instead of the samples")
    args = parser.parse_args()
    options = RenderOptions(base_url="https://example.com/s/sample/")
    rows: list[tuple[str, int, float, int]] = []
    for name, site in worst_sites() if args.worst else samples():
        times = []
        for _ in range(args.runs):
            clear_caches()
            start = time.thread_time()
            bundle = render_site(site, options)
            times.append((time.thread_time() - start) * 1000)
        rows.append(
            (name, len(site.sections), statistics.median(times), len(bundle.files["index.html"]))
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
