"""Image figures: processing time per 12 MP photo, and the bytes a 390 px phone downloads.

Usage: .venv/bin/python bench/images.py [--photos N] [--no-browser]   (or ``make bench-images``)

1. Processing: N 12 MP phone photos (camera JPEGs with EXIF and GPS, iPhone HEICs, portrait
   JPEGs stored sideways with EXIF orientation 6, 12 MP PNGs) go through
   ``pipeline.images.process`` one after another, the process pinned to ONE core (the AVIF
   encoder is set to one thread anyway). Prints the median and p95 of the wall time and of the
   CPU time per photo, and the load average while it ran. Target: under 1.5 s per 12 MP photo.
2. Bytes: a bakery site with a hero photo and a 6-photo gallery (the photos above plus a
   phone screenshot) is rendered and served, and headless Chromium opens it as a 390 x 844
   phone (device pixel ratio 3): every byte of the first view (no scrolling: HTML with its
   inline CSS, the hero image, the PWA files; target: under 400 KB) is added up, then of the
   whole page once scrolled to the end (every lazy gallery photo loaded).
   Needs ``make quality-tools`` (Chromium, bench/quality/node_modules).
3. Screenshots of the site before and after its photos (phone and desktop, whole page, lazy
   photos scrolled into view): bench/out/images/.

The photos are painted by ``tests/photos.py`` (seconds each at 12 MP, a minute for a HEIC on a
busy machine), so they are kept in bench/out/photos/, each painted again only when the code that
paints its kind, Pillow or pillow-heif changes; missing ones are painted on every CPU at once.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import inspect
import io
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import PIL
import pillow_heif

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bots.offline import generate_site  # noqa: E402
from core.images.files import linked_files  # noqa: E402
from core.site.edits import AddImage, Edit, PlaceImage, apply_edits  # noqa: E402
from core.site.images import ImageAsset  # noqa: E402
from core.site.site import Site  # noqa: E402
from pipeline import RenderOptions, render_site  # noqa: E402
from pipeline.images import ProcessedImage, process  # noqa: E402
from tests import photos  # noqa: E402

OUT = ROOT / "bench" / "out" / "images"
CACHE = ROOT / "bench" / "out" / "photos"
TOOLS = ROOT / "bench" / "quality"
TIME_TARGET = 1.5
BYTES_TARGET = 400_000
TYPES = {"html": "text/html; charset=utf-8", "avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg",
         "png": "image/png", "svg": "image/svg+xml", "js": "text/javascript",
         "webmanifest": "application/manifest+json"}  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """One kind of file a phone sends, painted from a seed by ``make``, which uses ``painters``."""

    name: str
    ext: str
    make: Callable[[int], bytes]
    painters: tuple[Callable[..., object], ...]

    def key(self) -> str:
        """Changes when the code that paints this kind, Pillow or pillow-heif changes."""
        digest = hashlib.sha256(f"{PIL.__version__} {pillow_heif.__version__} {photos.PALETTES}".encode())
        for painter in (self.make, *self.painters):
            digest.update(inspect.getsource(painter).encode())
        return digest.hexdigest()[:10]


def _png(seed: int) -> bytes:
    out = io.BytesIO()
    photos.photo(photos.PHONE, seed=seed).save(out, "PNG", compress_level=1)
    return out.getvalue()


def _camera_jpeg(seed: int) -> bytes:
    return photos.camera_jpeg(photos.PHONE, seed=seed)


def _heic(seed: int) -> bytes:
    return photos.heic(photos.PHONE, seed=seed)


def _portrait(seed: int) -> bytes:
    return photos.portrait_jpeg(photos.PHONE, seed=seed)


def _screenshot(seed: int) -> bytes:
    return photos.screenshot_png(seed=seed)


PAINTER = (photos.photo, photos._octaves, photos.camera_exif)
TWELVE_MP = (
    Kind("camera-jpeg", "jpg", _camera_jpeg, (*PAINTER, photos.camera_jpeg)),
    Kind("iphone-heic", "heic", _heic, (*PAINTER, photos.heic)),
    Kind("portrait-exif-6", "jpg", _portrait, (*PAINTER, photos.portrait_jpeg)),
    Kind("png-12mp", "png", _png, PAINTER),
)
SCREENSHOT = Kind("screenshot-png", "png", _screenshot, (photos.screenshot_png,))
# The photo site: the cover, then the gallery (the corpus: 12 MP JPEG, HEIC, a PNG
# screenshot, a portrait photo with EXIF rotation); shares files with the timing corpus.
SITE_PHOTOS = (
    (TWELVE_MP[0], 1), (TWELVE_MP[1], 2), (TWELVE_MP[2], 3), (SCREENSHOT, 4),
    (TWELVE_MP[3], 4), (TWELVE_MP[0], 5), (TWELVE_MP[1], 6),
)  # fmt: skip


def photo_file(kind: Kind, seed: int) -> tuple[str, bytes]:
    """(name, bytes) of one painted photo, from bench/out/photos/ when it is there and current."""
    name = f"{kind.name}-{seed}"
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-{kind.key()}.{kind.ext}"
    if path.is_file():
        return name, path.read_bytes()
    for stale in CACHE.glob(f"{name}-*.{kind.ext}"):
        stale.unlink()
    data = kind.make(seed)
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(path)  # a run stopped half-way never leaves half a photo
    return name, data


def _paint(job: tuple[Kind, int]) -> None:
    photo_file(*job)


def paint(jobs: list[tuple[Kind, int]]) -> None:
    """Paint the photos not in the cache yet, on every CPU (a 12 MP HEIC takes a minute to encode)."""
    missing = [(kind, seed) for kind, seed in jobs if not (CACHE / f"{kind.name}-{seed}-{kind.key()}.{kind.ext}").is_file()]
    if len(missing) > 1:
        print(f"painting {len(missing)} photos into {CACHE.relative_to(ROOT)} (once)…", flush=True)
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(_paint, missing))


def corpus(count: int) -> list[tuple[str, bytes]]:
    """``count`` 12 MP photos, the four kinds in turn."""
    jobs = [(TWELVE_MP[n % len(TWELVE_MP)], n // len(TWELVE_MP) + 1) for n in range(count)]
    paint(jobs)
    return [photo_file(kind, seed) for kind, seed in jobs]


def site_corpus() -> list[tuple[str, bytes]]:
    paint(list(SITE_PHOTOS))
    return [photo_file(kind, seed) for kind, seed in SITE_PHOTOS]


@contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process (and the threads it starts) to one CPU; yields which, None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    allowed = os.sched_getaffinity(0)
    cpu = max(allowed)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, allowed)


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def measure(files: list[tuple[str, bytes]], quiet: bool = False) -> tuple[list[ProcessedImage], dict[str, float]]:
    """Process ``files`` one after another on one core; the processed images and the figures."""
    walls: list[float] = []
    cpus: list[float] = []
    done: list[ProcessedImage] = []
    load_before = os.getloadavg()[0]
    with one_core() as cpu:
        for name, data in files:
            wall, used = time.perf_counter(), time.process_time()
            processed = process(data)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - used)
            done.append(processed)
            if not quiet:
                print(f"  {name:20} {len(data) / 1e6:5.1f} MB in -> {processed.size / 1e3:5.0f} KB out "
                      f"({processed.width}x{processed.height}, {len(processed.files)} files)  "
                      f"wall {walls[-1]:.2f} s  cpu {cpus[-1]:.2f} s", flush=True)  # fmt: skip
    figures = {
        "wall_median": statistics.median(walls), "wall_p95": p95(walls),
        "cpu_median": statistics.median(cpus), "cpu_p95": p95(cpus),
        "load_before": load_before, "load_after": os.getloadavg()[0], "photos": len(files),
    }  # fmt: skip
    if not quiet:
        where = f"CPU {cpu}" if cpu is not None else "one process"
        for label in ("wall", "cpu"):
            print(f"processing per 12 MP photo ({label}, pinned to {where}): median {figures[label + '_median']:.2f} s, "
                  f"p95 {figures[label + '_p95']:.2f} s (target < {TIME_TARGET} s) over {len(files)} photos")  # fmt: skip
        print(f"load average (1 min) {load_before:.2f} before, {figures['load_after']:.2f} after; "
              f"{os.cpu_count()} CPUs on the machine")  # fmt: skip
    return done, figures


def site_with_photos(images: list[ProcessedImage]) -> tuple[Site, Site, dict[str, bytes]]:
    """A bakery site before and after: the first image as its cover, the next six in its gallery;
    and the image files the page links, by public name."""
    before = asyncio.run(generate_site("Uma padaria artesanal em Lisboa, com galeria, menu, horário e contacto"))
    edits: list[Edit] = []
    for n, image in enumerate(images[:7]):
        asset = ImageAsset(hash=image.hash, width=image.width, height=image.height, alt=f"Fotografia {n + 1} da padaria",
                           placeholder=list(image.placeholder), alpha=image.alpha, colours=list(image.colours))  # fmt: skip
        edits += [AddImage(image=asset), PlaceImage(hash=image.hash, target="cover" if n == 0 else "gallery")]
    after, _ = apply_edits(before, edits)
    by_hash = {image.hash: image for image in images}
    files = {name: by_hash[image_hash].files[key] for name, (image_hash, key) in linked_files(after).items()}
    return before, after, files


class Served:
    """A site's files at the root of a 127.0.0.1 port, from memory."""

    def __init__(self, site: Site, images: dict[str, bytes]) -> None:
        files: dict[str, bytes] = {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                name = self.path.split("?")[0].lstrip("/") or "index.html"
                body = files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser stopped reading
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        files.update(render_site(site, RenderOptions(base_url=self.url)).files)
        files.update(images)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def node(script: str, *args: str) -> str:
    proc = subprocess.run(["node", str(TOOLS / script), *args], cwd=TOOLS, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{script} failed: {proc.stderr.strip()[-2000:]}")
    return proc.stdout


def first_view(url: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(node("first_view.mjs", url, "390", "844", "3").strip().splitlines()[-1])
    return result


def screenshots(url: str, label: str) -> list[Path]:
    """The whole page at a phone's and a desktop's width, every lazy photo loaded."""
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []
    for width, height, dpr, device in ((390, 844, 2, "phone"), (1280, 800, 1, "desktop")):
        path = OUT / f"{label}-{device}.png"
        node("shot.mjs", url, str(path), str(width), str(height), str(dpr))
        shots.append(path)
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--photos", type=int, default=12, help="12 MP photos to time (the four kinds in turn); 0: no timing")
    parser.add_argument("--no-browser", action="store_true", help="only the processing time")
    args = parser.parse_args()
    fast = True
    if args.photos > 0:
        started = time.perf_counter()
        files = corpus(args.photos)
        print(f"{len(files)} 12 MP photos ready in {time.perf_counter() - started:.1f} s", flush=True)
        _, timing = measure(files)
        fast = timing["cpu_p95"] < TIME_TARGET  # one core's work; the wall time also waits for the other jobs
    if args.no_browser:
        return 0 if fast else 1
    images, _ = measure(site_corpus(), quiet=True)
    before, after, image_files = site_with_photos(images)
    html = len(render_site(after).files["index.html"])
    print(f"HTML + CSS with a hero photo and a 6-photo gallery: {html / 1000:.1f} KB (target <= 40 KB)")
    first_total = 0
    for label, site, extra in (("before-photos", before, {}), ("after-photos", after, image_files)):
        served = Served(site, extra)
        try:
            view = first_view(served.url)
            shots = screenshots(served.url, label)
        finally:
            served.close()
        lcp: dict[str, object] = view["lcp"] or {}  # type: ignore[assignment]
        print(f"{label}: LCP element {lcp.get('element')} {str(lcp.get('url') or '').rsplit('/', 1)[-1]}")
        for part, words in (("first", "first view (no scrolling)"), ("whole", "whole page (scrolled to the end)")):
            bytes_: dict[str, object] = view[part]  # type: ignore[assignment]
            total = int(bytes_["total"])  # type: ignore[call-overload]
            requests: list[list[object]] = bytes_["requests"]  # type: ignore[assignment]
            if label == "after-photos" and part == "first":
                first_total = total
            target = f" (target < {BYTES_TARGET / 1000:.0f} KB)" if part == "first" else ""
            print(f"  {words} on a 390 px phone (DPR 3): {total / 1000:.0f} KB in {len(requests)} requests{target}")
            for url, size, kind in requests:
                print(f"    {int(size) / 1000:7.1f} KB  {kind!s:10} {str(url).rsplit('/', 1)[-1]}")  # type: ignore[call-overload]
        print("  screenshots: " + ", ".join(str(s.relative_to(ROOT)) for s in shots))
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    return 0 if fast and first_total < BYTES_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
