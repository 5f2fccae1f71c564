"""The OpenAI-compatible stand-in, started per test on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.llm.remote import RemoteConfig
from tests.standins.openai_server import OpenAIStandIn


@pytest.fixture
async def llm() -> AsyncIterator[OpenAIStandIn]:
    async with OpenAIStandIn() as server:
        yield server


def config_for(server: OpenAIStandIn, **overrides: object) -> RemoteConfig:
    values: dict[str, object] = {
        "base_url": server.base_url, "model": "pagemagic-test", "api_key": "sk-test-secret",
        "backoff": 0.01, "timeout": 5.0,
    }
    values.update(overrides)
    return RemoteConfig(**values)  # type: ignore[arg-type]
