"""The dashboard's figures: the edit round trip, first-load weight, screenshots of every screen, axe.

The server is Page Magic's own (the routes ``pagemagic serve`` mounts) in a child process on the
embedded defaults (SQLite, offline generator, local hosting); the client is Debian's chromium driven
by Playwright, signed in as a Telegram Mini App from signed ``initData``.

- round trip: a heading edited in place, Enter pressed (the keystroke stop), until the editor says the
  new version is stored (the canvas already shows the text; open previews were told to reload);
  ``--edits`` times.
  Also the bare ``POST /app/sites/{id}/edits`` from an HTTP client (no browser), for comparison.
- first load: bytes of HTML, CSS and JS a first visit transfers, raw and gzip-compressed (what the
  edge sends), for the sites list and for the editor (its canvas included: the site's own page).
- screenshots of each screen at 390x844 and 1280x800 in bench/out/dashboard/, with index.html.
- axe-core (from bench/quality's pinned tools, when ``make quality-tools`` installed them): violations.

    .venv/bin/python bench/editor.py [--edits 40] [--lighthouse]

Writes bench/out/dashboard/editor.json; target: round trip p95 < 300 ms, first load <= 100 KB.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.signing import init_data  # noqa: E402

BOT_TOKEN = "123456:bench-token-" + "x" * 20
OUT = ROOT / "bench" / "out" / "dashboard"
AXE = ROOT / "bench" / "quality" / "node_modules" / "axe-core" / "axe.min.js"
LIGHTHOUSE = ROOT / "bench" / "quality" / "node_modules" / "lighthouse" / "cli" / "index.js"
VNU = ROOT / "bench" / "quality" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
DESCRIPTION = "Uma padaria artesanal em Lisboa, com menu, horário e contacto"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(port: int, home: str, ready: Any) -> None:
    from bots.wiring import runtime
    from core.settings import Settings

    async def main() -> None:
        settings = Settings(home=home, port=port, ops_port=_free_port(), public_url=f"http://127.0.0.1:{port}", telegram_token=BOT_TOKEN,
                            log_level="WARNING", generator_delay=0.3)  # sections stream visibly
        async with runtime(settings, explicit_port=True):
            ready.send(True)
            await asyncio.Event().wait()

    asyncio.run(main())


def _mini_app(base: str, user: int) -> str:
    data = init_data(BOT_TOKEN, user, int(time.time()))
    return f"{base}/app/#tgWebAppData={data.replace('&', '%26').replace('=', '%3D')}&tgWebAppVersion=8.0"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _weight(context: Any, url: str) -> dict[str, int]:
    """HTML+CSS+JS bytes of a first visit (fresh context: nothing cached), raw and gzip -6."""
    page = await context.new_page()
    bodies: list[Any] = []
    page.on("response", lambda r: bodies.append(r))
    await page.goto(url)
    await page.wait_for_load_state("networkidle")
    raw = packed = 0
    for response in bodies:
        kind = response.request.resource_type
        if kind not in ("document", "stylesheet", "script") or response.status != 200:
            continue
        body = await response.body()
        raw += len(body)
        packed += len(gzip.compress(body, 6))
    await page.close()
    return {"raw": raw, "gzip": packed}


async def _axe(page: Any) -> list[str]:
    if not AXE.exists():
        return ["axe-core not installed (make quality-tools)"]
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} x{len(v['nodes'])}" for v in result["violations"]]


def _lighthouse(url: str, cookies: list[dict[str, Any]]) -> dict[str, Any]:
    """Lighthouse (mobile) scores of one signed-in page, 0-100 per category."""
    if not LIGHTHOUSE.exists() or not shutil.which("node"):
        return {"error": "lighthouse not installed (make quality-tools)"}
    jar = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            ["node", str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox",
             f"--extra-headers={json.dumps({'Cookie': jar})}", "--form-factor=mobile", "--quiet",
             "--only-categories=performance,accessibility,best-practices,seo", "--output=json", f"--output-path={report}"],
            capture_output=True, text=True, check=False, timeout=240,
        )
        if not report.exists():
            return {"error": "lighthouse did not finish"}
        data = json.loads(report.read_text())
    scores: dict[str, Any] = {key: round(100 * (value["score"] or 0)) for key, value in data["categories"].items()}
    scores["failed"] = sorted(
        audit_id for category in data["categories"].values() for ref in category["auditRefs"]
        for audit_id in [ref["id"]] if ref.get("weight") and (data["audits"][audit_id].get("score") or 0) < 0.9
    )
    return scores


async def _client(base: str, edits: int, lighthouse: bool = False) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"screens": [], "axe": {}}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                   args=["--no-sandbox", "--disable-gpu"])
        for n, (size, viewport) in enumerate(SIZES.items()):
            context = await browser.new_context(viewport=viewport)
            page = await context.new_page()
            await page.goto(_mini_app(base, 9100 + n))
            await page.locator("#create").wait_for()
            await page.screenshot(path=str(OUT / f"sites-empty-{size}.png"), full_page=True)
            await page.locator("#description").fill(DESCRIPTION)
            await page.locator("#create-button").click()
            await page.locator("#progress li").nth(2).wait_for()
            await page.screenshot(path=str(OUT / f"creating-{size}.png"))
            await page.wait_for_url("**/edit")
            site = int(re.search(r"/sites/(\d+)/edit", page.url).group(1))  # type: ignore[union-attr]
            canvas = page.frame_locator("#canvas")
            await canvas.locator('[data-pm-path="heading"]').first.wait_for()
            await page.screenshot(path=str(OUT / f"editor-{size}.png"))
            heading = canvas.locator('[data-pm-section="0"] [data-pm-path="heading"]')
            timings: list[float] = []
            version = 1
            for i in range(edits if size == "phone" else 3):
                await heading.click()
                await page.keyboard.press("Control+A")
                await page.keyboard.type(f"Pão quente nº {i}")
                started = time.perf_counter()
                await page.keyboard.press("Enter")  # the keystroke stop: the edit leaves at once
                version += 1
                await page.locator("#save-state").filter(has_text=f"v{version}").wait_for()
                timings.append((time.perf_counter() - started) * 1000)
            if size == "phone":
                figures["round_trip_ms"] = {"n": len(timings), "p50": statistics.median(timings),
                                            "p95": _percentile(timings, 0.95), "max": max(timings)}
            await heading.click()
            await page.screenshot(path=str(OUT / f"editing-text-{size}.png"))
            await page.keyboard.press("Escape")
            await page.locator("#reorder").click()
            await canvas.locator("html.pm-compact").wait_for(state="attached")
            await page.screenshot(path=str(OUT / f"reorder-{size}.png"))
            await page.locator("#reorder").click()
            await page.locator("#timeline summary").click()
            await page.locator("#versions li").first.wait_for()
            await page.locator("#timeline").scroll_into_view_if_needed()
            await page.screenshot(path=str(OUT / f"versions-{size}.png"))
            await page.goto(f"{base}/app/sites/{site}/versions/1/compare")
            await page.screenshot(path=str(OUT / f"compare-{size}.png"))
            await page.goto(f"{base}/app/")
            await page.screenshot(path=str(OUT / f"sites-{size}.png"), full_page=True)
            figures["screens"] += [f"{name}-{size}.png" for name in
                                   ("sites-empty", "creating", "editor", "editing-text", "reorder", "versions", "compare", "sites")]
            if size == "phone":
                cookies = await context.cookies()
                fresh = await browser.new_context(viewport=viewport)
                await fresh.add_cookies(cookies)
                figures["first_load_bytes"] = {"sites": await _weight(fresh, f"{base}/app/"),
                                               "editor": await _weight(fresh, f"{base}/app/sites/{site}/edit")}
                checker = await browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe only
                await checker.add_cookies(cookies)
                audit = await checker.new_page()
                for name, path in (("sites", "/app/"), ("editor", f"/app/sites/{site}/edit"),
                                   ("compare", f"/app/sites/{site}/versions/1/compare")):
                    await audit.goto(base + path)
                    figures["axe"][name] = await _axe(audit)
                    (OUT / "html").mkdir(exist_ok=True)
                    (OUT / "html" / f"{name}.html").write_text(await http_get(base + path, cookies))
                figures["api_edit_ms"] = await _api_edits(base, cookies, site, edits)
                if lighthouse:
                    figures["lighthouse"] = {name: await asyncio.to_thread(_lighthouse, base + path, cookies)
                                             for name, path in (("sites", "/app/"), ("editor", f"/app/sites/{site}/edit"))}
                await fresh.close()
                await checker.close()
            await context.close()
        await browser.close()
    return figures


async def http_get(url: str, cookies: list[dict[str, Any]]) -> str:
    jar = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
    async with httpx.AsyncClient(headers={"Cookie": jar}) as http:
        return (await http.get(url)).text


def _vnu() -> dict[str, list[str]]:
    """The Nu Html Checker over the saved pages (sites, editor, compare): errors per page."""
    if not VNU.exists() or not shutil.which("java"):
        return {"-": ["vnu not installed (make quality-tools)"]}
    pages = sorted((OUT / "html").glob("*.html"))
    done = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)],
                          capture_output=True, text=True, check=False)
    found: dict[str, list[str]] = {page.stem: [] for page in pages}
    for message in json.loads(done.stderr or "{}").get("messages", []):
        found[Path(message.get("url", "-")).stem].append(message.get("message", ""))
    return found


async def _api_edits(base: str, cookies: list[dict[str, Any]], site: int, count: int) -> dict[str, float]:
    """The edit endpoint alone: a text edit POSTed, stored as a version, answered."""
    jar = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
    async with httpx.AsyncClient(base_url=base, headers={"Cookie": jar}) as http:
        page = await http.get(f"/app/sites/{site}/edit")
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        version = int(re.search(r'data-version="(\d+)"', page.text).group(1))  # type: ignore[union-attr]
        timings = []
        for i in range(count):
            started = time.perf_counter()
            answer = await http.post(f"/app/sites/{site}/edits", headers={"X-CSRF-Token": csrf}, json={
                "op": "text", "section": 0, "path": "heading", "value": f"Pão nº {i}", "version": version})
            timings.append((time.perf_counter() - started) * 1000)
            version = answer.json()["version"]
    return {"n": count, "p50": statistics.median(timings), "p95": _percentile(timings, 0.95)}


def _gallery(figures: dict[str, Any]) -> None:
    items = "\n".join(
        f'<figure><a href="{name}"><img src="{name}" alt="{name}" loading="lazy"></a><figcaption>{name}</figcaption></figure>'
        for name in figures["screens"]
    )
    summary = json.dumps({k: v for k, v in figures.items() if k != "screens"}, indent=2, ensure_ascii=False)
    (OUT / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page Magic dashboard screens</title>'
        '<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" href="gallery.css">'
        f"</head><body><h1>Dashboard screens (phone 390x844, desktop 1280x800)</h1><pre>{summary}</pre>"
        f'<div class="grid">{items}</div></body></html>\n'
    )
    (OUT / "gallery.css").write_text(
        "body{font:15px system-ui,sans-serif;margin:1rem}.grid{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}"
        "figure{margin:0;max-width:320px}img{max-width:320px;border:1px solid #ccc}pre{background:#f5f5f5;padding:.5rem}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--lighthouse", action="store_true", help="also Lighthouse (mobile) on the sites list and the editor")
    args = parser.parse_args()
    port = _free_port()
    home = tempfile.mkdtemp(prefix="pm-bench-editor-")
    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(port, home, send), daemon=True)
    server.start()
    try:
        if not receive.poll(60):
            raise SystemExit("the server did not start")
        receive.recv()
        figures = asyncio.run(_client(f"http://127.0.0.1:{port}", args.edits, args.lighthouse))
    finally:
        server.terminate()
        server.join(5)
        shutil.rmtree(home, ignore_errors=True)
    figures["vnu"] = _vnu()
    (OUT / "editor.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    _gallery(figures)
    trip, api, load = figures["round_trip_ms"], figures["api_edit_ms"], figures["first_load_bytes"]
    print(f"edit round trip (browser, Enter -> saved): p50 {trip['p50']:.0f} ms, p95 {trip['p95']:.0f} ms (n={trip['n']})")
    print(f"edit endpoint alone: p50 {api['p50']:.1f} ms, p95 {api['p95']:.1f} ms (n={api['n']})")
    for name, weight in load.items():
        print(f"first load, {name}: {weight['gzip'] / 1024:.1f} KB gzip ({weight['raw'] / 1024:.1f} KB raw)")
    print("axe:", {k: v or "0 violations" for k, v in figures["axe"].items()})
    if "lighthouse" in figures:
        print("lighthouse (mobile):", figures["lighthouse"])
    print("vnu:", {k: v or "0 errors" for k, v in figures["vnu"].items()})
    print(f"screenshots: {OUT}/index.html")


if __name__ == "__main__":
    main()
