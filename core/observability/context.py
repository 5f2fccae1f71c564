"""The request id: one value that follows a chat event through Studio, jobs and the edge.

Held in a ``contextvars.ContextVar`` so every log line written while handling
one update carries it without passing it around; asyncio tasks copy the
context, so a publish job run in-process keeps the chat's id, and the arq
queue passes it along explicitly to ``pagemagic worker``.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("pagemagic_request_id", default=None)
_SAFE = re.compile(r"[^A-Za-z0-9._:@/-]")


def new_request_id() -> str:
    return secrets.token_hex(8)


def clean_request_id(value: str | None) -> str | None:
    """An incoming id (``X-Request-Id``, an update id) kept only if short and printable."""
    if not value:
        return None
    cleaned = _SAFE.sub("", value)[:64]
    return cleaned or None


def current_request_id() -> str | None:
    return _request_id.get()


def ensure_request_id(prefix: str = "") -> str:
    """The current id, or a new one bound for the rest of this context."""
    value = _request_id.get()
    if value is None:
        value = prefix + new_request_id()
        _request_id.set(value)
    return value


@contextlib.contextmanager
def request_scope(value: str | None) -> Iterator[str]:
    """Bind ``value`` (or a fresh id) while the block runs; restore the previous one after."""
    bound = clean_request_id(value) or new_request_id()
    token = _request_id.set(bound)
    try:
        yield bound
    finally:
        _request_id.reset(token)
