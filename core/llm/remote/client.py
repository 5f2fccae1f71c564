"""The one module that talks to the model, through the official ``openai`` SDK.

``ModelClient.chat`` opens a streamed chat completion (retrying the opening
under ``RetryPolicy``, bounded by a per-process semaphore), and yields the
text deltas as they arrive, then one ``Finished`` with the finish reason and
the token usage the server reported in its last chunk. The SDK's own retries
are off (``max_retries=0``): ours honour ``Retry-After`` and are testable.
Every SDK or transport exception is mapped here into ``core.llm.remote.errors``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, Union

import httpx
import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam

from core.errors import GenerationFailed
from core.llm.remote.config import RemoteConfig
from core.llm.remote.errors import (
    ModelBusy,
    ModelDropped,
    ModelRefused,
    ModelRejected,
    ModelTimeout,
    ModelUnavailable,
)
from core.llm.remote.retry import RetryPolicy, parse_retry_after

log = logging.getLogger("pagemagic.llm")


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Finished:
    reason: str
    prompt_tokens: int
    completion_tokens: int


StreamEvent = Union[Text, Finished]


@dataclass(frozen=True)
class OutputSchema:
    """The JSON Schema the answer must follow, and the name it is sent under."""

    name: str
    schema: dict[str, Any]


class ModelClient:
    def __init__(self, config: RemoteConfig) -> None:
        self.config = config
        self.policy = RetryPolicy(config.retries, config.backoff, config.backoff_max, config.max_retry_after)
        self._sdk = AsyncOpenAI(
            base_url=config.base_url,
            api_key=config.api_key,
            max_retries=0,
            timeout=openai.Timeout(config.timeout, connect=config.connect_timeout),
        )
        self._slots = asyncio.Semaphore(config.concurrency)
        self._dialect: str | None = None  # vLLM's guided-decoding parameter, asked once (see ``dialect``)
        self._dialect_lock = asyncio.Lock()

    async def aclose(self) -> None:
        await self._sdk.close()

    async def dialect(self) -> str:
        """How this vLLM server takes a JSON schema: ``structured_outputs`` (v0.12 and later) or ``guided_json``.

        vLLM removed ``guided_json`` in v0.12 and ignores it silently there, so the server's
        ``GET /version`` is asked once; a server that does not say (no such route, not vLLM)
        gets the current form. ``response_format`` is sent as well, which both read.
        """
        async with self._dialect_lock:
            if self._dialect is None:
                self._dialect = dialect_for(await self._server_version())
            return self._dialect

    async def _server_version(self) -> str | None:
        root = self.config.base_url.rstrip("/").removesuffix("/v1")
        try:
            async with httpx.AsyncClient(timeout=self.config.connect_timeout) as http:
                answer = await http.get(f"{root}/version")
            version = answer.json().get("version") if answer.status_code == 200 else None
        except (httpx.HTTPError, ValueError, AttributeError):
            return None
        return version if isinstance(version, str) else None

    def _arguments(
        self, messages: Sequence[ChatCompletionMessageParam], output: OutputSchema, dialect: str = ""
    ) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "model": self.config.model,
            "messages": list(messages),
            "stream": True,
            "stream_options": {"include_usage": True},
            "max_tokens": self.config.max_output_tokens,
            "temperature": self.config.temperature,
            # Portable form: OpenAI and vLLM both read it. Not "strict": the
            # spec has optional fields with defaults, which strict mode refuses.
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": output.name, "schema": output.schema, "strict": False},
            },
        }
        if dialect == "guided_json":
            arguments["extra_body"] = {"guided_json": output.schema}
        elif dialect == "structured_outputs":
            arguments["extra_body"] = {"structured_outputs": {"json": output.schema}}
        return arguments

    async def chat(
        self, messages: Sequence[ChatCompletionMessageParam], output: OutputSchema
    ) -> AsyncIterator[StreamEvent]:
        async with self._slots:
            dialect = await self.dialect() if self.config.flavor == "vllm" else ""
            stream = await self._open(self._arguments(messages, output, dialect))
            reason: str | None = None
            refusal = ""
            prompt = completion = 0
            try:
                async for chunk in stream:
                    if chunk.usage is not None:
                        prompt = chunk.usage.prompt_tokens
                        completion = chunk.usage.completion_tokens
                    for choice in chunk.choices:
                        delta = choice.delta
                        if delta.refusal:
                            refusal += delta.refusal
                        if delta.content:
                            yield Text(delta.content)
                        if choice.finish_reason is not None:
                            reason = choice.finish_reason
            except openai.APITimeoutError as exc:
                raise ModelTimeout(f"no data for {self.config.timeout:g} s") from exc
            except openai.APIConnectionError as exc:  # the SDK wraps a cut mid-body as this
                raise ModelDropped(type(exc).__name__) from exc
            except openai.APIError as exc:  # an "error" event inside the stream
                raise ModelUnavailable(f"error event in stream: {type(exc).__name__}") from exc
            finally:
                await stream.close()
            if refusal or reason == "content_filter":
                raise ModelRefused(refusal.strip() or "content filter", reason=_short(refusal) or "—")
            if reason is None:
                raise ModelDropped("the stream ended without a finish reason")
            yield Finished(reason, prompt, completion)

    async def _open(self, arguments: dict[str, Any]) -> Any:
        attempt = 0
        while True:
            try:
                return await self._sdk.chat.completions.create(**arguments)
            except openai.RateLimitError as exc:
                retry_after = parse_retry_after(exc.response.headers.get("retry-after"))
                if attempt >= self.policy.retries or self.policy.too_long(retry_after):
                    wait = retry_after if retry_after is not None else self.policy.delay(attempt)
                    raise ModelBusy("HTTP 429", retry_after=max(1, round(wait))) from exc
                delay = self.policy.delay(attempt, retry_after)
                error: GenerationFailed = ModelBusy("HTTP 429", retry_after=1)
            except openai.InternalServerError as exc:
                if attempt >= self.policy.retries:
                    raise ModelUnavailable(f"HTTP {exc.status_code}") from exc
                delay = self.policy.delay(attempt, parse_retry_after(exc.response.headers.get("retry-after")))
                delay = min(delay, self.policy.max_retry_after)
                error = ModelUnavailable(f"HTTP {exc.status_code}")
            except openai.APITimeoutError as exc:
                if attempt >= self.policy.retries:
                    raise ModelTimeout(f"no answer within {self.config.timeout:g} s") from exc
                delay = self.policy.delay(attempt)
                error = ModelTimeout("timeout")
            except openai.APIConnectionError as exc:
                if attempt >= self.policy.retries:
                    raise ModelUnavailable("cannot connect") from exc
                delay = self.policy.delay(attempt)
                error = ModelUnavailable("cannot connect")
            except openai.APIStatusError as exc:
                raise ModelRejected(f"HTTP {exc.status_code}", status=exc.status_code) from exc
            log.warning("model request failed (%s); retry %d in %.2f s", error.detail, attempt + 1, delay)
            attempt += 1
            await asyncio.sleep(delay)


def dialect_for(version: str | None) -> str:
    """``guided_json`` for vLLM before 0.12, ``structured_outputs`` from 0.12 on (and when unknown)."""
    if version is None:
        return "structured_outputs"
    numbers = [int(part) for part in re.findall(r"\d+", version)[:2]]
    major, minor = [*numbers, 0, 0][:2]
    return "guided_json" if (major, minor) < (0, 12) else "structured_outputs"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"
