"""Sign-in throughput: requests per second and latency percentiles of one server process.

The server is Page Magic's own (the same routes `pagemagic serve` mounts) in a child process
of its own, on SQLite (the embedded default) or PostgreSQL (``--pg``), with Redis limits
when ``--redis`` is given. The client (this process) signs in with:

- ``link``: a chat's one-time link (``POST /auth/link``): the link is used, a session made.
- ``webapp``: Mini App ``initData`` signed with the bot token (``POST /auth/telegram/webapp``):
  HMAC checked, the identity found (made on first sign-in), a session made.
- ``session``: a signed-in request (``GET /auth/me``): the session check every dashboard request makes.

Each sign-in is a real, complete one (CSRF secret, cookie, audit row); there is no
deliberate password-hash cost to exclude: every secret is a 256-bit random value checked
by SHA-256. Prints one line per kind and writes bench/out/auth.json.

    .venv/bin/python bench/auth.py [--requests 2000] [--concurrency 16] [--pg] [--redis]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import re
import secrets
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.web.signing import init_data

BOT_TOKEN = "123456:bench-token-" + "x" * 20
PG_DSN = "postgresql://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(port: int, home: str, database_url: str | None, redis_url: str | None, links: int, ready: Any) -> None:
    """The server process: Page Magic's runtime, plus the sign-in links the client will use."""
    from bots.wiring import runtime
    from core.settings import Settings

    async def main() -> None:
        values: dict[str, Any] = {"home": home, "port": port, "ops_port": 0, "public_url": f"http://127.0.0.1:{port}",
                                  "telegram_token": BOT_TOKEN, "log_level": "WARNING"}
        if database_url:
            values["database_url"] = database_url
        if redis_url:
            values["redis_url"] = redis_url
        async with runtime(Settings(**values), explicit_port=True) as rt:
            user = await rt.studio.accounts.directory.account_for("console", "", "bench")
            tokens = [await rt.studio.accounts.links.issue(user) for _ in range(links)]
            ready.send(tokens)
            await asyncio.Event().wait()

    asyncio.run(main())


async def _csrf(client: httpx.AsyncClient, path: str) -> tuple[str, str]:
    page = await client.get(path)
    secret = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return secret, page.headers["set-cookie"].split(";", 1)[0]


def _cpu_seconds(pid: int) -> float:
    """The server process's CPU time so far (user + system, all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _run(client: httpx.AsyncClient, jobs: list[Any], concurrency: int) -> tuple[float, list[float]]:
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    latencies: list[float] = []

    async def worker() -> None:
        while not queue.empty():
            method, path, body, headers = queue.get_nowait()
            started = time.perf_counter()
            response = await client.request(method, path, json=body, headers=headers)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code} {response.text[:200]}")

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - began, latencies


def _summary(kind: str, elapsed: float, latencies: list[float], cpu: float) -> dict[str, Any]:
    ordered = sorted(latencies)
    return {
        "kind": kind, "requests": len(ordered), "per_second": round(len(ordered) / elapsed, 1),
        # the server's CPU per request: what one core could serve, whatever else shares the machine
        "cpu_ms": round(cpu / len(ordered) * 1000, 2),
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 2),
    }


async def bench(url: str, pid: int, tokens: list[str], requests: int, concurrency: int) -> list[dict[str, Any]]:
    results = []

    async def measured(kind: str, jobs: list[Any]) -> None:
        before = _cpu_seconds(pid)
        elapsed, latencies = await _run(client, jobs, concurrency)
        results.append(_summary(kind, elapsed, latencies, _cpu_seconds(pid) - before))

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        csrf, cookie = await _csrf(client, "/auth/link")
        headers = {"X-CSRF-Token": csrf, "Cookie": cookie}
        jobs = [("POST", "/auth/link", {"credential": t}, headers) for t in tokens[:requests]]
        await measured("link", jobs)

        now = int(time.time())
        users = [100_000 + i for i in range(requests)]
        warm = [("POST", "/auth/telegram/webapp", {"credential": init_data(BOT_TOKEN, u, now, query=str(u))}, headers)
                for u in users[: requests // 2]]  # first sign-ins make their accounts
        await _run(client, warm, concurrency)
        jobs = [("POST", "/auth/telegram/webapp", {"credential": init_data(BOT_TOKEN, u, now, query=f"again{u}")}, headers)
                for u in users]
        await measured("webapp", jobs)

        answer = await client.post("/auth/link", json={"credential": tokens[requests]}, headers=headers)
        session = answer.headers["set-cookie"].split(";", 1)[0]
        jobs = [("GET", "/auth/me", None, {"Cookie": session})] * requests
        await measured("session", jobs)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    parser.add_argument("--redis", action="store_true", help="limits in the Redis on 127.0.0.1:6379")
    args = parser.parse_args()
    database_url = None
    if args.pg:
        import asyncpg

        name = f"pm_bench_{secrets.token_hex(4)}"

        async def create() -> None:
            conn = await asyncpg.connect(PG_DSN)
            await conn.execute(f'CREATE DATABASE "{name}"')
            await conn.close()

        asyncio.run(create())
        database_url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    port = _free_port()
    receive, send = multiprocessing.Pipe(duplex=False)
    with tempfile.TemporaryDirectory() as home:
        server = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(port, home, database_url, "redis://127.0.0.1:6379/0" if args.redis else None,
                                 args.requests + 1, send), daemon=True,
        )
        server.start()
        try:
            if not receive.poll(120):
                raise SystemExit("the server did not start")
            tokens = receive.recv()
            results = asyncio.run(bench(f"http://127.0.0.1:{port}", server.pid or 0, tokens, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.join(10)
    backend = "postgresql" if args.pg else "sqlite"
    for row in results:
        print(f"{row['kind']:8} {backend}{'+redis' if args.redis else ''}: {row['per_second']:7.1f} req/s  "
              f"p50 {row['p50_ms']:6.2f} ms  p95 {row['p95_ms']:6.2f} ms  p99 {row['p99_ms']:6.2f} ms  "
              f"server CPU {row['cpu_ms']:5.2f} ms/req  ({row['requests']} requests)")
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / f"auth-{backend}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
