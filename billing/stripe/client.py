"""One ``StripeClient`` per process, and the retry rule every call goes through.

The SDK's own retries are off (``max_network_retries=0``): it does not retry 429, and we
want one rule for all calls: 429, 5xx and connection failures are retried with exponential
backoff and full jitter; anything else is an answer. Calls that create something carry an
``Idempotency-Key`` so a retry can never create it twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import stripe

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class StripeConfig:
    api_key: str
    webhook_secret: str = ""
    api_base: str = "https://api.stripe.com"
    meter_events_base: str = "https://meter-events.stripe.com"
    streams: bool = False  # v2 meter event streams instead of v1 meter events
    public_url: str = "http://127.0.0.1:8400"  # where Checkout sends the customer back
    retries: int = 4
    backoff: float = 0.5  # seconds before the first retry; doubles, with full jitter
    timeout: float = 20.0

    def __repr__(self) -> str:  # never show the keys
        return f"StripeConfig(api_base={self.api_base!r}, streams={self.streams})"


def http_client(config: StripeConfig) -> stripe.HTTPXClient:
    """The SDK's httpx transport; whoever makes it closes it (``close_async``)."""
    return stripe.HTTPXClient(timeout=config.timeout)


def make_client(config: StripeConfig, http: stripe.HTTPXClient) -> stripe.StripeClient:
    return stripe.StripeClient(
        config.api_key,
        base_addresses={"api": config.api_base, "meter_events": config.meter_events_base},
        max_network_retries=0,
        http_client=http,
    )


def retryable(exc: Exception) -> bool:
    """429, 5xx and no answer at all: worth another try. Everything else is final."""
    if isinstance(exc, (stripe.RateLimitError, stripe.APIConnectionError)):
        return True
    status = getattr(exc, "http_status", None)
    return isinstance(exc, stripe.StripeError) and status is not None and status >= 500


async def with_retries(call: Callable[[], Awaitable[T]], retries: int, backoff: float, what: str) -> T:
    """``call()``, retried on what ``retryable`` allows; the last error is raised as is."""
    attempt = 0
    while True:
        try:
            return await call()
        except stripe.StripeError as exc:
            if attempt >= retries or not retryable(exc):
                raise
            delay = random.uniform(0, backoff * 2**attempt)
            log.info("Stripe %s: %s (%s); retry %d in %.2f s", what, type(exc).__name__,
                     getattr(exc, "http_status", None), attempt + 1, delay)
            attempt += 1
            await asyncio.sleep(delay)
