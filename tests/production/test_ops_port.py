"""``/metrics`` and ``/readyz`` are served on the private ops listener (``PAGEMAGIC_OPS_HOST`` /
``PAGEMAGIC_OPS_PORT``), never on the public site port, whatever the Host. (Issue 14: they were
answered to anyone who could reach the site port.)"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from bots.wiring import runtime
from core.settings import Settings


async def test_metrics_and_readyz_are_only_on_the_ops_listener(settings_for: Callable[..., Settings]) -> None:
    async with runtime(settings_for(), explicit_port=True) as rt, httpx.AsyncClient(timeout=10) as client:
        for path in ("/metrics", "/readyz"):
            for host in ("127.0.0.1", "localhost", "padaria-exemplo.pt"):
                public = await client.get(rt.base_url + path, headers={"Host": host})
                assert public.status_code == 404, (path, host)
                assert "pagemagic_" not in public.text and "checks" not in public.text
        assert (await client.get(rt.base_url + "/healthz")).text == "ok"  # liveness stays public
        ops = rt.ops_url
        assert ops.startswith("http://127.0.0.1:") and ops != rt.base_url
        metrics = await client.get(ops + "/metrics")
        assert metrics.status_code == 200 and "pagemagic_deploys_total" in metrics.text
        # the readiness gauges are refreshed at scrape time on this listener (the alerts read them)
        assert 'pagemagic_dependency_up{dependency="database"} 1.0' in metrics.text
        ready = await client.get(ops + "/readyz")
        assert ready.status_code == 200 and ready.json()["checks"]["database"]["ok"] is True
        assert (await client.get(ops + "/healthz")).text == "ok"
        assert (await client.get(ops + "/p/x/")).status_code == 404  # nothing public there either
