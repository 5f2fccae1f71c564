"""Health: ``/healthz`` says the process is up; ``/readyz`` says whether it can do its work.

``/readyz`` checks, each by name and each with its own time limit: the
database (``SELECT 1``), Redis (``PING``), the Docker engine (``/_ping``) and
the LLM endpoint (``GET /models``). A dependency this process does not use is
reported ``not_configured`` and does not make it unready. The answer is 200
when every used dependency is up, else 503; details name the failure (an
exception class or an HTTP status), never an address with credentials in it.

Also a tiny probe for container health checks: ``python -m hosting.health URL``
exits 0 when ``URL`` answers 2xx.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from redis.asyncio import Redis
from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from core.settings import Settings
from core.storage.store import Store


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str  # up | down | not_configured
    detail: str = ""
    ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status != "down"

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "status": self.status, "detail": self.detail, "ms": round(self.ms, 1)}


Probe = Callable[[], Awaitable[str]]  # returns a detail when up; raises when down


class Readiness:
    """The dependency checks of one process (``serve`` or ``worker``)."""

    def __init__(self, settings: Settings, store: Store, redis: Redis | None, *, docker: bool | None = None) -> None:
        """``docker``: whether this process talks to the Docker engine itself (the worker does; ``serve``
        with a Redis job queue does not, and has no socket mounted); by default, as the settings say."""
        self.settings = settings
        self.store = store
        self.redis = redis
        self.timeout = settings.readyz_timeout
        self._docker_used = self._uses_docker() if docker is None else docker

    async def check(self) -> list[CheckResult]:
        probes: list[tuple[str, Probe | None]] = [
            ("database", self._database),
            ("redis", self._redis if self.redis is not None else None),
            ("docker", self._docker if self._docker_used else None),
            ("llm", self._llm if self.settings.llm_base_url else None),
        ]
        return list(await asyncio.gather(*(self._run(name, probe) for name, probe in probes)))

    async def _run(self, name: str, probe: Probe | None) -> CheckResult:
        if probe is None:
            return CheckResult(name, "not_configured")
        started = time.monotonic()
        try:
            detail = await asyncio.wait_for(probe(), self.timeout)
        except TimeoutError:
            return CheckResult(name, "down", f"no answer within {self.timeout:g}s", _ms(started))
        except Exception as exc:  # every failure of a dependency is reported, none raised
            return CheckResult(name, "down", _describe(exc), _ms(started))
        return CheckResult(name, "up", detail, _ms(started))

    async def _database(self) -> str:
        async with self.store.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return self.store.engine.dialect.name

    async def _redis(self) -> str:
        assert self.redis is not None
        if not await self.redis.ping():
            raise ConnectionError("PING not answered")
        return "PONG"

    def _uses_docker(self) -> bool:
        return self.settings.hosting == "swarm" or self.settings.docker_url is not None

    async def _docker(self) -> str:
        address = self.settings.docker_url or os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        if address.startswith("unix://"):
            transport = httpx.AsyncHTTPTransport(uds=address[len("unix://") :])
            base = "http://docker"
        else:
            transport = httpx.AsyncHTTPTransport()
            base = address.replace("tcp://", "http://", 1)
        async with httpx.AsyncClient(transport=transport, base_url=base, timeout=self.timeout) as client:
            answer = await client.get("/_ping")
        if answer.status_code != 200:
            raise ConnectionError(f"HTTP {answer.status_code}")
        return str(answer.headers.get("Api-Version", "ok"))

    async def _llm(self) -> str:
        assert self.settings.llm_base_url is not None
        headers = {}
        if self.settings.llm_api_key is not None:
            headers["Authorization"] = f"Bearer {self.settings.llm_api_key.get_secret_value()}"
        url = self.settings.llm_base_url.rstrip("/") + "/models"
        async with httpx.AsyncClient(timeout=self.timeout) as client:
            answer = await client.get(url, headers=headers)
        if answer.status_code in (401, 403):
            raise ConnectionError(f"HTTP {answer.status_code}: the endpoint refused PAGEMAGIC_LLM_API_KEY")
        if answer.status_code >= 400:
            raise ConnectionError(f"HTTP {answer.status_code}")
        return f"HTTP {answer.status_code}"

    # -- routes ---------------------------------------------------------------------------

    async def readyz(self, _request: Request) -> Response:
        results = await self.check()
        ready = all(r.ok for r in results)
        body = {"ready": ready, "checks": {r.name: r.as_json() for r in results}}
        return JSONResponse(body, status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})

    def routes(self, with_healthz: bool = False) -> list[Route]:
        routes = [Route("/readyz", self.readyz)]
        if with_healthz:
            routes.append(Route("/healthz", healthz))
        return routes


async def healthz(_request: Request) -> Response:
    return PlainTextResponse("ok")


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000


def _describe(exc: BaseException) -> str:
    """The failure's kind, plus an errno name or HTTP status when there is one; no URLs."""
    if isinstance(exc, httpx.HTTPError):
        return type(exc).__name__
    errno_name = getattr(exc, "strerror", None)
    message = str(exc) if isinstance(exc, ConnectionError) and "HTTP" in str(exc) else ""
    return ": ".join(part for part in (type(exc).__name__, message or errno_name or "") if part)


def main(argv: list[str]) -> int:
    """``python -m hosting.health URL [--any-answer]``: exit 0 when ``URL`` answers 2xx within 3 s.

    With ``--any-answer`` any HTTP status counts (the edge answers unknown hosts with 404).
    """
    url = argv[1] if len(argv) > 1 else "http://127.0.0.1:8400/healthz"
    try:
        with urllib.request.urlopen(url, timeout=3) as answer:
            return 0 if 200 <= answer.status < 300 else 1
    except urllib.error.HTTPError:
        return 0 if "--any-answer" in argv else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
