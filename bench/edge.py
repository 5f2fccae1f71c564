"""Runs the edge benchmark (see bench/edge.sh). Upstream: an nginx serving a 2 KiB page."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from redis.asyncio import Redis

from hosting.edge.config import EdgeConfig
from hosting.edge.nginx import EdgeProcess, nginx_binary
from hosting.routes import Route, RouteTable, host_key, limits_key, site_key

BODY = "x" * 2048


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def plain_nginx(prefix: Path, port: int, conf: str) -> subprocess.Popen[bytes]:
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    (prefix / "tmp").mkdir(exist_ok=True)
    path = prefix / "nginx.conf"
    path.write_text(
        f"worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/logs/error.log warn;\n"
        "events { worker_connections 4096; }\n"
        f"http {{ access_log off; client_body_temp_path {prefix}/tmp; proxy_temp_path {prefix}/tmp;\n"
        f"fastcgi_temp_path {prefix}/tmp; uwsgi_temp_path {prefix}/tmp; scgi_temp_path {prefix}/tmp;\n"
        f"keepalive_requests 100000;\n{conf}\n}}\n"
    )
    return subprocess.Popen([nginx_binary(), "-p", str(prefix), "-c", str(path), "-e", str(prefix / "logs/error.log"),
                             "-g", "daemon off;"])


def wrk(url: str, host: str, seconds: int, connections: int) -> tuple[float, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Host: {host}", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99_ms = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} failed answers")
    return rps, p99_ms


async def main(seconds: int, connections: int) -> None:
    redis = Redis.from_url("redis://127.0.0.1:6379/0")
    tag = secrets.token_hex(4)
    slug, host, plan = f"bench-{tag}", f"bench-{tag}.test", f"bench-{tag}"
    usage_prefix = f"pm:bench-{tag}:usage:"
    up_port, plain_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        upstream = plain_nginx(root / "up", up_port, f'server {{ listen 127.0.0.1:{up_port}; location / {{ '
                               f'default_type text/html; return 200 "{BODY}"; }} }}')
        plain = plain_nginx(root / "plain", plain_port,
                            f"upstream up {{ server 127.0.0.1:{up_port}; keepalive 64; }}\n"
                            f"server {{ listen 127.0.0.1:{plain_port}; location / {{ proxy_pass http://up; "
                            'proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; } }')
        await RouteTable(redis).put(Route(slug, 1, 1, plan, (host,), (f"127.0.0.1:{up_port}",)))
        await redis.set(limits_key(plan), json.dumps({"rps": 10_000_000, "burst": 10_000_000,
                                                      "monthly_requests": 10**15, "monthly_bytes": 10**18}))
        edge = EdgeProcess(EdgeConfig(prefix=root / "edge", port=free_port(), workers=1,
                                      usage_prefix=usage_prefix)).start()
        try:
            await asyncio.sleep(0.5)
            wrk(f"http://127.0.0.1:{edge.config.port}/", host, 2, connections)  # warm-up
            wrk(f"http://127.0.0.1:{plain_port}/", host, 2, connections)
            plain_rps, plain_p99 = wrk(f"http://127.0.0.1:{plain_port}/", host, seconds, connections)
            edge_rps, edge_p99 = wrk(f"http://127.0.0.1:{edge.config.port}/", host, seconds, connections)
        finally:
            edge.stop()
            plain.terminate()
            upstream.terminate()
            plain.wait()
            upstream.wait()
            names = [site_key(slug), host_key(host), limits_key(plan)]
            names += [k async for k in redis.scan_iter(match=f"{usage_prefix}*", count=1000)]
            await redis.delete(*names)
            await redis.aclose()
    ratio = edge_rps / plain_rps
    added = edge_p99 - plain_p99
    print(f"plain nginx proxy_pass : {plain_rps:10.0f} req/s   p99 {plain_p99:6.2f} ms")
    print(f"full edge              : {edge_rps:10.0f} req/s   p99 {edge_p99:6.2f} ms")
    print(f"throughput ratio       : {ratio:.3f}  (target >= 0.85)   {'ok' if ratio >= 0.85 else 'MISSED'}")
    print(f"p99 added              : {added:+.2f} ms (target < 2 ms)  {'ok' if added < 2 else 'MISSED'}")
    print(f"(wrk -t2 -c{connections} -d{seconds}s, one nginx worker each, 2 KiB answers, same machine)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
