"""The ops listener: ``/healthz``, ``/readyz`` and ``/metrics`` on their own address and port.

Readiness details (which dependency is down, and why) and every Prometheus series are for the
operator, not for whoever can reach the site port, so ``pagemagic serve`` answers them only
here (``PAGEMAGIC_OPS_HOST``, by default 127.0.0.1, and ``PAGEMAGIC_OPS_PORT``); in the stack
Prometheus scrapes ``tasks.app`` on that port over the internal network, and the port is not
published. The worker's port (``PAGEMAGIC_WORKER_PORT``) is this same app. ``/healthz`` stays
on the site port too: it says only ``ok``, and the container's HEALTHCHECK asks it there.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware

from hosting.health import Readiness
from hosting.metrics import PrometheusMetrics
from hosting.request_id import RequestIdMiddleware

MAX_BODY = 1024  # nothing here takes a body


def ops_app(readiness: Readiness, metrics: PrometheusMetrics) -> Starlette:
    return Starlette(
        routes=[*readiness.routes(with_healthz=True), metrics.route()],
        middleware=[Middleware(RequestIdMiddleware)],
        max_body_size=MAX_BODY,
    )
