"""``/readyz`` names each dependency and tells the truth when one is down.

Redis is a private redis-server on its own port (stopped mid-test), the Docker
engine is the real one and then a socket path that does not exist, and the LLM
endpoint is the OpenAI stand-in and then a closed port.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from bots.wiring import runtime
from core.settings import Settings
from tests.production.conftest import PrivateRedis, free_port
from tests.standins.openai_server import OpenAIStandIn


async def _readyz(ops_url: str) -> tuple[int, dict[str, Any]]:
    async with httpx.AsyncClient(timeout=10) as client:
        answer = await client.get(ops_url + "/readyz")
        assert (await client.get(ops_url + "/healthz")).text == "ok"
    return answer.status_code, answer.json()


async def test_readyz_reports_each_dependency_and_redis_stopping(
    own_redis: PrivateRedis, settings_for: Callable[..., Settings]
) -> None:
    async with OpenAIStandIn() as llm:
        settings = settings_for(
            redis_url=own_redis.url,
            docker_url="unix:///var/run/docker.sock",
            llm_base_url=llm.base_url,
            llm_api_key="sk-readyz",
        )
        async with runtime(settings) as rt:
            status, body = await _readyz(rt.ops_url)
            assert status == 200, body
            checks = body["checks"]
            assert {name: c["status"] for name, c in checks.items()} == {
                "database": "up", "redis": "up", "docker": "up", "llm": "up",
            }  # fmt: skip
            assert checks["database"]["detail"] == "sqlite"
            assert any(r.path == "/v1/models" and r.headers["authorization"] == "Bearer sk-readyz" for r in llm.requests)

            own_redis.stop()
            status, body = await _readyz(rt.ops_url)
            assert status == 503
            assert body["ready"] is False
            assert body["checks"]["redis"]["status"] == "down"
            assert body["checks"]["redis"]["detail"]  # says why, e.g. ConnectionError
            assert body["checks"]["database"]["status"] == "up"
            assert body["checks"]["llm"]["status"] == "up"


async def test_readyz_reports_docker_and_llm_down(settings_for: Callable[..., Settings]) -> None:
    closed = free_port()
    settings = settings_for(
        docker_url="unix:///nonexistent/pagemagic-docker.sock",
        llm_base_url=f"http://127.0.0.1:{closed}/v1",
        llm_api_key="sk-closed-port",
    )
    async with runtime(settings) as rt:
        status, body = await _readyz(rt.ops_url)
    assert status == 503
    checks = body["checks"]
    assert checks["docker"]["status"] == "down" and checks["docker"]["detail"] == "ConnectError"
    assert checks["llm"]["status"] == "down" and checks["llm"]["detail"] == "ConnectError"
    assert checks["database"]["status"] == "up"
    assert checks["redis"] == {"ok": True, "status": "not_configured", "detail": "", "ms": 0.0}
    assert "sk-closed-port" not in str(body)


async def test_embedded_setup_is_ready_without_redis_docker_or_llm(settings_for: Callable[..., Settings]) -> None:
    async with runtime(settings_for()) as rt:
        status, body = await _readyz(rt.ops_url)
    assert status == 200
    assert [name for name, c in body["checks"].items() if c["status"] == "not_configured"] == ["redis", "docker", "llm"]


async def test_serve_with_a_worker_queue_does_not_need_the_docker_socket(
    own_redis: PrivateRedis, settings_for: Callable[..., Settings]
) -> None:
    """In the stack only the worker mounts the Docker socket; the app is ready without it."""
    settings = settings_for(redis_url=own_redis.url, hosting="swarm")
    async with runtime(settings) as rt:
        status, body = await _readyz(rt.ops_url)
    assert status == 200, body
    assert body["checks"]["docker"]["status"] == "not_configured" and body["checks"]["redis"]["status"] == "up"
