"""The remote generator's settings, as one frozen value built from ``Settings``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.settings import Settings


@dataclass(frozen=True)
class RemoteConfig:
    base_url: str
    model: str
    api_key: str = "EMPTY"  # vLLM without --api-key accepts anything; the SDK needs a value
    flavor: Literal["openai", "vllm"] = "openai"
    timeout: float = 60.0  # seconds without a byte from the server
    connect_timeout: float = 10.0
    retries: int = 3
    backoff: float = 0.5  # first retry waits this long, then doubles
    backoff_max: float = 8.0
    max_retry_after: float = 30.0  # a longer Retry-After fails at once with "busy"
    concurrency: int = 4  # requests in flight per process
    context_tokens: int = 32768
    max_output_tokens: int = 8192
    max_repairs: int = 2
    temperature: float = 0.4

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteConfig:
        if settings.llm_base_url is None:
            raise ValueError("PAGEMAGIC_LLM_BASE_URL is not set")
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key is not None else ""
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=key or "EMPTY",
            flavor=settings.llm_flavor,
            timeout=settings.llm_timeout,
            connect_timeout=settings.llm_connect_timeout,
            retries=settings.llm_retries,
            backoff=settings.llm_backoff,
            max_retry_after=settings.llm_max_retry_after,
            concurrency=settings.llm_concurrency,
            context_tokens=settings.llm_context_tokens,
            max_output_tokens=settings.llm_max_output_tokens,
            max_repairs=settings.llm_max_repairs,
        )

    def __repr__(self) -> str:  # the key never reaches a log line
        return f"RemoteConfig(base_url={self.base_url!r}, model={self.model!r}, flavor={self.flavor!r})"
