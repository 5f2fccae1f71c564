"""Optional OpenTelemetry tracing: off unless ``PAGEMAGIC_OTEL_ENDPOINT`` is set.

The SDK is an optional dependency (``pip install pagemagic[otel]``); without it,
or without an endpoint, ``span`` is a no-op costing one ``None`` check.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from collections.abc import Iterator
from typing import Any

from core.observability.context import current_request_id

log = logging.getLogger("pagemagic.tracing")
_tracer: Any = None


def setup_tracing(endpoint: str | None, service: str) -> bool:
    """Export spans over OTLP/HTTP to ``endpoint``; False (and a warning) when it cannot."""
    global _tracer
    if not endpoint:
        return False
    try:
        trace = importlib.import_module("opentelemetry.trace")
        sdk = importlib.import_module("opentelemetry.sdk.trace")
        export = importlib.import_module("opentelemetry.sdk.trace.export")
        otlp = importlib.import_module("opentelemetry.exporter.otlp.proto.http.trace_exporter")
        resources = importlib.import_module("opentelemetry.sdk.resources")
    except ImportError:
        log.warning("PAGEMAGIC_OTEL_ENDPOINT is set but the OpenTelemetry SDK is not installed (pagemagic[otel])")
        return False
    provider = sdk.TracerProvider(resource=resources.Resource.create({"service.name": service}))
    exporter = otlp.OTLPSpanExporter(endpoint=traces_url(endpoint))
    provider.add_span_processor(export.BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _tracer = trace.get_tracer("pagemagic")
    return True


def traces_url(endpoint: str) -> str:
    """The collector's base URL (``http://collector:4318``, as ``OTEL_EXPORTER_OTLP_ENDPOINT`` is
    written) gets the traces path; a URL that names a path is used as it is. The exporter itself
    posts to exactly the URL it is given, so a base URL alone would reach the collector's 404."""
    path = endpoint.partition("://")[2].partition("/")[2]
    return endpoint if path.strip("/") else endpoint.rstrip("/") + "/v1/traces"


@contextlib.contextmanager
def span(name: str, **attributes: str | int) -> Iterator[None]:
    """A span around a unit of work (a chat message, a job), tagged with the request id."""
    if _tracer is None:
        yield
        return
    with _tracer.start_as_current_span(name) as current:
        request_id = current_request_id()
        if request_id:
            current.set_attribute("pagemagic.request_id", request_id)
        for key, value in attributes.items():
            current.set_attribute(f"pagemagic.{key}", value)
        yield
