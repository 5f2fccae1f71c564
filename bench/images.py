"""Image figures: processing time per 12 MP photo, and the bytes a 390 px phone downloads.

Usage: .venv/bin/python bench/images.py [--photos N] [--no-browser]   (or ``make bench-images``)

1. Processing: N phone-sized photos made on the spot (12 MP camera JPEGs with EXIF and GPS,
   an iPhone HEIC, a 12 MP PNG, a portrait JPEG with EXIF rotation) go through
   ``pipeline.images.process`` one after another on one core (the AVIF encoder is set to one
   thread). Prints the median and p95 of the wall time and of the CPU time per photo.
   Target: under 1.5 s per 12 MP photo.
2. First view: a bakery site with a hero photo and a 6-photo gallery is rendered and served,
   and headless Chromium opens it as a 390 x 844 phone (device pixel ratio 3, no scrolling):
   every byte it downloads is added up (HTML with inline CSS, the hero image, the PWA files).
   Target: under 400 KB. Needs ``make quality-tools`` (Chromium, bench/quality/node_modules).
Screenshots before and after the photos go to bench/out/images/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bots.offline import generate_site  # noqa: E402
from core.site.edits import AddImage, PlaceImage, apply_edits  # noqa: E402
from core.site.images import ImageAsset  # noqa: E402
from core.site.site import Site  # noqa: E402
from pipeline import RenderOptions, render_site  # noqa: E402
from pipeline.images import ProcessedImage, process  # noqa: E402
from pipeline.images.names import parse_file_name  # noqa: E402
from tests import photos  # noqa: E402

OUT = ROOT / "bench" / "out" / "images"
TOOLS = ROOT / "bench" / "quality"
TIME_TARGET = 1.5
BYTES_TARGET = 400_000


def corpus(count: int) -> list[tuple[str, bytes]]:
    makers = [
        ("camera-jpeg", lambda s: photos.camera_jpeg(photos.PHONE, seed=s)),
        ("iphone-heic", lambda s: photos.heic(photos.PHONE, seed=s)),
        ("portrait-exif-6", lambda s: photos.portrait_jpeg(photos.PHONE, seed=s)),
        ("png-12mp", lambda s: _png(photos.photo(photos.PHONE, seed=s))),
    ]
    return [(f"{makers[n % 4][0]}-{n}", makers[n % 4][1](n + 1)) for n in range(count)]


def _png(image: object) -> bytes:
    import io

    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)  # type: ignore[attr-defined]
    return out.getvalue()


def measure(files: list[tuple[str, bytes]]) -> list[ProcessedImage]:
    walls: list[float] = []
    cpus: list[float] = []
    done: list[ProcessedImage] = []
    for name, data in files:
        wall, cpu = time.perf_counter(), time.process_time()
        processed = process(data)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        done.append(processed)
        print(f"  {name:18} {len(data) / 1e6:5.1f} MB in -> {processed.size / 1e3:6.0f} KB out "
              f"({processed.width}x{processed.height}, 9 files)  wall {walls[-1]:.2f} s  cpu {cpus[-1]:.2f} s")
    for label, values in (("wall", walls), ("cpu", cpus)):
        p95 = sorted(values)[max(0, round(0.95 * len(values)) - 1)]
        print(f"processing per 12 MP photo ({label}): median {statistics.median(values):.2f} s, p95 {p95:.2f} s "
              f"(target < {TIME_TARGET} s) over {len(values)} photos")
    return done


def site_with_photos(images: list[ProcessedImage]) -> tuple[Site, Site, dict[str, bytes]]:
    before = asyncio.run(generate_site("Uma padaria artesanal em Lisboa, com galeria, menu, horário e contacto"))
    edits = []
    files: dict[str, bytes] = {}
    for n, image in enumerate(images[:7]):
        asset = ImageAsset(hash=image.hash, width=image.width, height=image.height, alt=f"Fotografia {n + 1} da padaria",
                           placeholder=list(image.placeholder))  # fmt: skip
        edits += [AddImage(image=asset), PlaceImage(hash=image.hash, target="cover" if n == 0 else "gallery")]
    after, _ = apply_edits(before, edits)
    by_prefix = {image.hash[:16]: image for image in images}
    for name in render_site(after).files:
        pass
    from core.images.files import linked_files

    for name, (image_hash, key) in linked_files(after).items():
        parsed = parse_file_name(name)
        assert parsed is not None
        files[name] = by_prefix[image_hash[:16]].files[key]
    return before, after, files


def first_view(site: Site, images: dict[str, bytes], label: str) -> dict[str, object]:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    served: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = self.path.split("?")[0].lstrip("/") or "index.html"
            body = served.get(name)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            kind = {"html": "text/html; charset=utf-8", "avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg",
                    "png": "image/png", "svg": "image/svg+xml", "js": "text/javascript"}.get(name.rsplit(".", 1)[-1],
                                                                                            "application/octet-stream")  # fmt: skip
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    served.update(render_site(site, RenderOptions(base_url=url)).files)
    served.update(images)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        proc = subprocess.run(["node", str(TOOLS / "first_view.mjs"), url, "390", "844", "3"], cwd=TOOLS,
                              capture_output=True, text=True, check=True)  # fmt: skip
        result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--hide-scrollbars", "--window-size=390,2400",
                        f"--screenshot={OUT / (label + '.png')}", url], capture_output=True, check=False)  # fmt: skip
    finally:
        httpd.shutdown()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(f"making {args.photos} phone-sized photos…", flush=True)
    files = corpus(max(args.photos, 7))
    processed = measure(files)
    if args.no_browser:
        return 0
    before, after, image_files = site_with_photos(processed)
    html = len(render_site(after).files["index.html"])
    print(f"HTML + CSS with a hero photo and a 6-photo gallery: {html / 1000:.1f} KB (target <= 40 KB)")
    for label, site, extra in (("before-photos", before, {}), ("after-photos", after, image_files)):
        view = first_view(site, extra, label)
        total = int(view["total"])  # type: ignore[call-overload]
        print(f"first view on a 390 px phone (DPR 3), {label}: {total / 1000:.0f} KB in "
              f"{len(view['requests'])} requests (target < {BYTES_TARGET / 1000:.0f} KB); LCP {view['lcp']}")  # type: ignore[arg-type]
        for url, size, kind in view["requests"]:  # type: ignore[union-attr]
            print(f"    {size / 1000:7.1f} KB  {kind:10} {url.rsplit('/', 1)[-1]}")
    print(f"screenshots: {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
