"""Tracing through a local OTLP/HTTP receiver: spans from ``span()`` reach the collector with the
service name, the request id and their attributes; off without an endpoint or without the SDK.

Each case runs in a child process, as ``pagemagic serve`` and ``pagemagic worker`` do: the tracer
provider is process-wide and its batch processor flushes when the process exits.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from typing import Any

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bots.server import BackgroundServer, bind_socket, url_of
from tests.waiting import eventually


class Collector:
    """An OTLP/HTTP receiver on 127.0.0.1: what the exporter POSTs to ``/v1/traces``, decoded."""

    def __init__(self) -> None:
        self.requests: list[ExportTraceServiceRequest] = []
        self.other_paths: list[str] = []
        self.url = ""
        self._server: BackgroundServer | None = None

    async def start(self) -> None:
        sock = bind_socket("127.0.0.1", 0, fall_back=False)
        self.url = url_of(sock)
        self._server = BackgroundServer(Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])]),
                                        sock)
        await self._server.start()

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop()

    async def _receive(self, request: Request) -> Response:
        if request.url.path != "/v1/traces":
            self.other_paths.append(request.url.path)
            return Response(status_code=404)
        assert request.headers["content-type"] == "application/x-protobuf"
        message = ExportTraceServiceRequest()
        message.ParseFromString(await request.body())
        self.requests.append(message)
        return Response(ExportTraceServiceRequest().SerializeToString(), media_type="application/x-protobuf")

    def spans(self) -> list[dict[str, Any]]:
        found = []
        for message in self.requests:
            for resource in message.resource_spans:
                service = {a.key: a.value.string_value for a in resource.resource.attributes}["service.name"]
                for scope in resource.scope_spans:
                    for item in scope.spans:
                        attributes = {a.key: a.value.string_value or a.value.int_value for a in item.attributes}
                        found.append({"service": service, "name": item.name, **attributes})
        return found


@pytest.fixture
async def collector() -> AsyncIterator[Collector]:
    receiver = Collector()
    await receiver.start()
    try:
        yield receiver
    finally:
        await receiver.stop()


def run_traced(endpoint: str | None, *, without_sdk: bool = False) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(f"""
        import logging, sys
        if {without_sdk!r}:
            sys.modules["opentelemetry"] = None  # as if pagemagic[otel] were not installed
        logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(name)s %(message)s")
        from core.observability.context import request_scope
        from core.observability.tracing import setup_tracing, span
        print("tracing", setup_tracing({endpoint!r}, "pagemagic-test"))
        with request_scope("req-tracing-1"), span("publish", site=7, version="v3"):
            with span("deploy", backend="local"):
                pass
        print("done")
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("path", ["", "/v1/traces"], ids=["collector-base-url", "traces-url"])
async def test_spans_reach_an_otlp_http_collector_with_the_request_id(collector: Collector, path: str) -> None:
    result = await asyncio.to_thread(run_traced, collector.url + path)
    assert result.returncode == 0, result.stderr
    assert "tracing True" in result.stdout and "done" in result.stdout
    spans = await eventually(collector.spans, what="spans at the collector")
    assert sorted(s["name"] for s in spans) == ["deploy", "publish"]
    publish = next(s for s in spans if s["name"] == "publish")
    assert publish == {"service": "pagemagic-test", "name": "publish", "pagemagic.request_id": "req-tracing-1",
                       "pagemagic.site": 7, "pagemagic.version": "v3"}
    assert collector.other_paths == []


async def test_without_an_endpoint_tracing_is_off_and_spans_cost_nothing(collector: Collector) -> None:
    result = await asyncio.to_thread(run_traced, None)
    assert result.returncode == 0, result.stderr
    assert "tracing False" in result.stdout and "done" in result.stdout
    assert collector.requests == [] and collector.other_paths == []


async def test_an_endpoint_without_the_sdk_warns_once_and_runs_untraced(collector: Collector) -> None:
    result = await asyncio.to_thread(run_traced, collector.url, without_sdk=True)
    assert result.returncode == 0, result.stderr
    assert "tracing False" in result.stdout and "done" in result.stdout
    assert result.stdout.count("OpenTelemetry SDK is not installed (pagemagic[otel])") == 1
    assert collector.requests == []
