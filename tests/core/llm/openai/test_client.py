"""The model client against the stand-in, through the real ``openai`` SDK: wire format, retries, failures."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from core.llm.remote.client import Finished, ModelClient, OutputSchema, StreamEvent, Text
from core.llm.remote.errors import (
    ModelBusy,
    ModelDropped,
    ModelRefused,
    ModelRejected,
    ModelTimeout,
    ModelUnavailable,
)
from core.llm.remote.retry import RetryPolicy, parse_retry_after
from core.site.schema import section_schema
from tests.core.llm.openai.conftest import config_for
from tests.standins.openai_server import OpenAIStandIn, Status, Stream

SCHEMA = OutputSchema("section", section_schema())
HELLO = [{"role": "user", "content": "hello"}]


async def collect(client: ModelClient) -> list[StreamEvent]:
    return [event async for event in client.chat(HELLO, SCHEMA)]  # type: ignore[arg-type]


async def test_streams_deltas_then_finish_with_usage_and_sends_the_schema(llm: OpenAIStandIn) -> None:
    llm.script(Stream('{"kind": "hero", "heading": "Olá"}'))
    client = ModelClient(config_for(llm))
    try:
        events = await collect(client)
    finally:
        await client.aclose()
    texts = [e.text for e in events if isinstance(e, Text)]
    assert len(texts) > 3 and "".join(texts) == '{"kind": "hero", "heading": "Olá"}'  # token by token
    assert events[-1] == Finished("stop", *llm.usage_sent[0])
    body = llm.chat_requests[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["name"] == "section"
    assert body["response_format"]["json_schema"]["schema"] == section_schema()
    assert "guided_json" not in body  # plain OpenAI flavour
    assert body["model"] == "pagemagic-test"
    assert llm.chat_requests[0].headers["authorization"] == "Bearer sk-test-secret"


async def test_vllm_before_0_12_reads_the_schema_from_guided_json() -> None:
    async with OpenAIStandIn(vllm_version="0.11.2") as server:
        server.script(Stream("{}"), Stream("{}"))
        client = ModelClient(config_for(server, flavor="vllm"))
        try:
            await collect(client)
            await collect(client)
        finally:
            await client.aclose()
    bodies = server.chat_requests
    assert [r.schema_read("0.11.2") for r in bodies] == [section_schema(), section_schema()]
    assert "structured_outputs" not in bodies[0].body
    assert [r.path for r in server.requests].count("/version") == 1  # asked once, not per request


async def test_vllm_0_12_reads_the_schema_from_structured_outputs() -> None:
    """vLLM v0.12 removed guided_json (it would be ignored): the schema goes where it reads it."""
    async with OpenAIStandIn(vllm_version="0.12.0") as server:
        server.script(Stream("{}"))
        client = ModelClient(config_for(server, flavor="vllm"))
        try:
            await collect(client)
        finally:
            await client.aclose()
    request = server.chat_requests[0]
    assert request.schema_read("0.12.0") == section_schema()
    assert request.body["structured_outputs"] == {"json": section_schema()}
    assert "guided_json" not in request.body
    assert request.body["response_format"]["json_schema"]["schema"] == section_schema()


async def test_a_server_without_a_version_route_gets_the_current_form(llm: OpenAIStandIn) -> None:
    llm.script(Stream("{}"))
    client = ModelClient(config_for(llm, flavor="vllm"))
    try:
        await collect(client)
    finally:
        await client.aclose()
    assert llm.chat_requests[0].body["structured_outputs"] == {"json": section_schema()}


async def test_429_honours_retry_after_then_succeeds(llm: OpenAIStandIn) -> None:
    llm.script(Status(429, "slow down", {"retry-after": "0.3"}), Stream("{}"))
    client = ModelClient(config_for(llm, backoff=60.0))  # backoff would be a minute: Retry-After wins
    started = time.monotonic()
    try:
        events = await collect(client)
    finally:
        await client.aclose()
    waited = time.monotonic() - started
    assert 0.3 <= waited < 30  # the server's 0.3 s, not the minute (however loaded the machine)
    assert isinstance(events[-1], Finished) and len(llm.chat_requests) == 2


async def test_5xx_backs_off_and_retries_then_gives_up(llm: OpenAIStandIn, caplog: pytest.LogCaptureFixture) -> None:
    llm.script(Status(500), Status(503), Stream("{}"))
    client = ModelClient(config_for(llm, retries=2))
    try:
        assert isinstance((await collect(client))[-1], Finished)
        llm.script(Status(500), Status(502), Status(500))
        with caplog.at_level(logging.WARNING, "pagemagic.llm"), pytest.raises(ModelUnavailable, match="HTTP 500"):
            await collect(client)
    finally:
        await client.aclose()
    assert len(llm.chat_requests) == 6
    assert "retry 2" in caplog.text and "sk-test-secret" not in caplog.text


async def test_a_long_retry_after_fails_at_once_as_busy(llm: OpenAIStandIn) -> None:
    llm.script(Status(429, "quota", {"retry-after": "120"}))
    client = ModelClient(config_for(llm, max_retry_after=30))
    try:
        with pytest.raises(ModelBusy) as caught:
            await collect(client)
    finally:
        await client.aclose()
    assert caught.value.retry_after == 120 and len(llm.chat_requests) == 1


async def test_other_4xx_are_not_retried(llm: OpenAIStandIn) -> None:
    llm.script(Status(401, "bad key"))
    client = ModelClient(config_for(llm))
    try:
        with pytest.raises(ModelRejected, match="HTTP 401"):
            await collect(client)
    finally:
        await client.aclose()
    assert len(llm.chat_requests) == 1


async def test_nothing_listening_is_unavailable_after_retries() -> None:
    async with OpenAIStandIn() as server:
        url = server.base_url
    client = ModelClient(config_for(server, base_url=url, retries=1, connect_timeout=1.0))
    try:
        with pytest.raises(ModelUnavailable, match="cannot connect"):
            await collect(client)
    finally:
        await client.aclose()


async def test_refusal_timeout_and_dropped_connection(llm: OpenAIStandIn) -> None:
    client = ModelClient(config_for(llm, timeout=0.3, retries=0))
    try:
        llm.script(Stream(refusal="I can't help with that."))
        with pytest.raises(ModelRefused) as refused:
            await collect(client)
        assert refused.value.params["reason"] == "I can't help with that."
        llm.script(Stream('{"kind": "hero"}', stall=2.0))
        with pytest.raises(ModelTimeout):
            await collect(client)
        llm.script(Stream('{"kind": "hero", "heading": "x"}', drop_after=3))
        with pytest.raises(ModelDropped):
            await collect(client)
    finally:
        await client.aclose()


async def test_concurrency_is_bounded_per_client(llm: OpenAIStandIn) -> None:
    llm.script(Stream("{" + " ab" * 30 + "}", delay=0.02), Stream("{}"))
    client = ModelClient(config_for(llm, concurrency=1))
    try:
        first = asyncio.create_task(collect(client))
        await asyncio.sleep(0.1)
        second = asyncio.create_task(collect(client))
        await asyncio.sleep(0.1)
        assert len(llm.chat_requests) == 1  # the second waits for the first to finish
        await asyncio.gather(first, second)
    finally:
        await client.aclose()
    assert len(llm.chat_requests) == 2


def test_retry_policy_and_retry_after_parsing() -> None:
    policy = RetryPolicy(retries=3, backoff=0.5, backoff_max=3.0, max_retry_after=30)
    assert [policy.delay(n) for n in range(4)] == [0.5, 1.0, 2.0, 3.0]
    assert policy.delay(0, retry_after=7) == 7 and policy.too_long(31) and not policy.too_long(None)
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90
    assert parse_retry_after("2") == 2 and parse_retry_after("soon") is None and parse_retry_after(None) is None
