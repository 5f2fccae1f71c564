"""Structured logs: one JSON object a line, with the request id, and secrets masked.

``configure_logging`` routes both structlog loggers and the standard library's
``logging`` (uvicorn, httpx, aiogram, arq and our own modules) through the same
processors, so a library that logs a URL with a bot token in it is masked too.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, MutableMapping
from typing import Any, Literal, TextIO

import structlog

from core.observability.context import current_request_id
from core.observability.redact import Redactor

LogFormat = Literal["json", "console"]


def _add_request_id(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    if "request_id" not in event_dict:
        request_id = current_request_id()
        if request_id is not None:
            event_dict["request_id"] = request_id
    return event_dict


def configure_logging(
    secrets: Iterable[str] = (),
    fmt: LogFormat = "json",
    level: str = "INFO",
    stream: TextIO | None = None,
) -> Redactor:
    """Set up structlog and the root logger; returns the redactor (more secrets can be added later)."""
    redactor = Redactor(secrets)
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_request_id,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redactor,  # last before rendering: masks the message, fields and tracebacks alike
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    return redactor


def get_logger(name: str) -> Any:
    """A structlog logger that writes through the standard library's ``logging``.

    Until ``configure_logging`` runs (the terminal chat never calls it) records go to
    stdlib logging unformatted, so nothing is printed over the chat.
    """
    if not structlog.is_configured():
        structlog.configure(
            processors=[_add_request_id, structlog.stdlib.render_to_log_kwargs],
            logger_factory=structlog.stdlib.LoggerFactory(),
            wrapper_class=structlog.stdlib.BoundLogger,
            cache_logger_on_first_use=False,
        )
    return structlog.get_logger(name)
