"""The only module that talks to the Docker Engine API (through the ``docker`` SDK).

The SDK blocks, so every call runs in a thread through ``call``; engine and
connection errors become ``BackendUnavailable`` here, at the boundary.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any, TypeVar

import docker
import requests
from docker.errors import APIError, BuildError, DockerException, NotFound

from core.errors import BackendUnavailable

T = TypeVar("T")

__all__ = ["APIError", "DockerEngine", "NotFound"]


class DockerEngine:
    # A fixed API version: the SDK's auto-detection talks to the engine inside its
    # constructor and leaks that connection when the engine is down. 1.41 is
    # served by Docker 20.10 and every later engine.
    API_VERSION = "1.41"

    def __init__(self, base_url: str | None = None, timeout: int = 120) -> None:
        self._base_url = base_url
        self._timeout = timeout
        self._client: docker.DockerClient | None = None

    def _connect(self) -> docker.DockerClient:
        address = self._base_url or os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        if address.startswith("unix://") and not os.path.exists(address[len("unix://"):]):
            # Checked here: the SDK leaks its socket when connecting to a missing path fails.
            raise ConnectionError(f"no Docker engine socket at {address}")
        if self._client is None:
            if self._base_url:
                self._client = docker.DockerClient(
                    base_url=self._base_url, timeout=self._timeout, version=self.API_VERSION
                )
            else:
                self._client = docker.from_env(timeout=self._timeout, version=self.API_VERSION)
        return self._client

    async def call(self, fn: Callable[[docker.DockerClient], T]) -> T:
        """Run ``fn(client)`` in a thread; an unreachable engine raises ``BackendUnavailable``."""

        def run() -> T:
            return fn(self._connect())

        try:
            return await asyncio.to_thread(run)
        except (requests.ConnectionError, ConnectionError) as exc:
            self.close()
            raise BackendUnavailable("the Docker engine is not reachable") from exc
        except DockerException as exc:
            if isinstance(exc, (APIError, BuildError)):
                raise  # the engine answered: the operation itself failed
            self.close()
            raise BackendUnavailable(f"Docker engine error: {type(exc).__name__}") from exc

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def ping(self) -> bool:
        try:
            return bool(await self.call(lambda c: c.ping()))
        except BackendUnavailable:
            return False

    async def node_address(self, node_id: str, cache: dict[str, str]) -> str:
        if node_id not in cache:
            attrs: dict[str, Any] = await self.call(lambda c: c.nodes.get(node_id).attrs)
            cache[node_id] = str(attrs.get("Status", {}).get("Addr") or "127.0.0.1")
        return cache[node_id]
