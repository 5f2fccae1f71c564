"""``/metrics`` after a full chat scenario, and the audit trail it leaves (shown by ``/history``).

The scenario runs through Studio on the OpenAI stand-in (one section needs a
repair), from two platforms, publishes on local hosting, attaches a domain,
hits the free plan's domain quota; the edge's month counters are written to
the shared Redis under a prefix of this test's own.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import httpx
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis

from bots.wiring import runtime
from core.events import DomainStatus, Failed, HistoryReport, PreviewReady, Published
from core.settings import Settings
from core.storage.audit import AuditLog
from core.storage.records import ChatRef
from core.storage.store import Store
from hosting.edge_keys import edges_key, month_key
from hosting.metrics import PrometheusMetrics, edge_counters
from tests.core.llm.openai.documents import section_text, site_data, site_text
from tests.standins.openai_server import OpenAIStandIn, Stream

ANA = ChatRef(platform="telegram", chat_id="7001", user_id="7001", language="en")
BIA = ChatRef(platform="slack", chat_id="C42", user_id="U42", workspace="T1", language="en")
KINDS = ("hero", "about", "menu", "pricing", "contact", "footer")


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def value(found: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), -1.0)


async def test_metrics_after_a_full_chat_scenario(settings_for: Callable[..., Settings]) -> None:
    prefix = f"pm:test:{secrets.token_hex(4)}:"
    redis = Redis.from_url("redis://127.0.0.1:6379/0")
    async with OpenAIStandIn() as llm:
        valid = site_data(KINDS)
        broken = site_data(KINDS)
        broken["sections"][3]["plans"] = []  # invalid: repaired by the second answer
        llm.script(Stream(site_text(broken)), Stream(section_text(valid["sections"][3])))
        settings = settings_for(
            llm_base_url=llm.base_url, llm_api_key="sk-metrics", llm_model="pagemagic-test", llm_backoff=0.01
        )
        async with runtime(settings) as rt:
            metrics = rt.studio.metrics
            assert isinstance(metrics, PrometheusMetrics)
            metrics.add_refresher("redis", edge_counters(redis, prefix, metrics))
            try:
                await redis.hset(month_key(prefix, "padaria", _month()), mapping={"requests": 120, "bytes": 34567})
                await redis.zadd(edges_key(prefix), {"edge-1": 1})

                events = [e async for e in rt.studio.message(ANA, "A bakery in Lisbon with a menu and prices")]
                assert isinstance(events[-1], PreviewReady), events[-1]
                events = [e async for e in rt.studio.message(ANA, "/publish")]
                assert isinstance(events[-1], Published), events[-1]
                events = [e async for e in rt.studio.message(ANA, "/domain padaria-exemplo.pt")]
                assert isinstance(events[-1], DomainStatus)
                events = [e async for e in rt.studio.message(ANA, "/domain second-exemplo.pt")]
                assert isinstance(events[-1], Failed) and events[-1].code == "quota_exceeded"
                [e async for e in rt.studio.message(BIA, "/help")]

                async with httpx.AsyncClient() as client:
                    answer = await client.get(rt.ops_url + "/metrics", headers={"X-Request-Id": "scrape-1"})
                assert answer.status_code == 200
                assert answer.headers["x-request-id"] == "scrape-1"
                found = samples(answer.text)

                history = [e async for e in rt.studio.message(ANA, "/history")]
            finally:
                keys = [k async for k in redis.scan_iter(match=prefix + "*")]
                if keys:
                    await redis.delete(*keys)
                await redis.aclose()

    model = {"model": "pagemagic-test"}
    assert value(found, "pagemagic_chat_messages_total", platform="telegram") == 4
    assert value(found, "pagemagic_chat_messages_total", platform="slack") == 1
    assert value(found, "pagemagic_generation_seconds_count", kind="create", outcome="ok", **model) == 1
    assert value(found, "pagemagic_generation_first_section_seconds_count", kind="create", **model) == 1
    assert value(found, "pagemagic_sections_generated_total", **model) == 6
    assert value(found, "pagemagic_sections_repaired_total", outcome="repaired", **model) == 1
    assert value(found, "pagemagic_rate_limit_refusals_total", reason="quota_exceeded:domains") == 1
    assert value(found, "pagemagic_job_transitions_total", kind="publish", state="live") == 1
    assert value(found, "pagemagic_jobs", kind="publish", state="live") == 1
    assert value(found, "pagemagic_publish_duration_seconds_count", backend="local", outcome="live") == 1
    assert value(found, "pagemagic_deploys_total", backend="local", outcome="live") == 1
    assert value(found, "pagemagic_deploys_total", backend="local", outcome="rolled_back") == 0  # exported at 0
    assert value(found, "pagemagic_meter_reports_total", outcome="failed") == 0
    assert value(found, "pagemagic_edge_requests_month", site="padaria") == 120
    assert value(found, "pagemagic_edge_bytes_month", site="padaria") == 34567
    assert value(found, "pagemagic_edge_instances") == 1

    report = history[-1]
    assert isinstance(report, HistoryReport)
    assert "Changes:" in report.text
    assert "publish · v1 live · by telegram:7001" in report.text
    assert "domain · padaria-exemplo.pt" in report.text


def _month() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m")


async def test_audit_rows_for_a_publish_and_a_domain_change(store: Store) -> None:
    """Who, what, when and from which chat, on SQLite and PostgreSQL."""
    from core.storage.records import ChatRef as Ref

    chat = Ref(platform="slack", chat_id="C9", user_id="U9", workspace="T9")
    conversation = await store.conversation(chat)
    audit = AuditLog(store)
    await audit.record("publish", site_id=11, user_id=conversation.user_id, chat=chat, detail="v2 live", request_id="r-1")
    await audit.record("domain", site_id=11, user_id=conversation.user_id, chat=chat, detail="example.org pending_dns")
    await audit.record("plan", site_id=None, user_id=conversation.user_id, detail="free -> pro")
    rows = await audit.for_site(11)
    assert [(r.action, r.detail, r.platform, r.workspace, r.chat_id, r.actor) for r in rows] == [
        ("publish", "v2 live", "slack", "T9", "C9", "U9"),
        ("domain", "example.org pending_dns", "slack", "T9", "C9", "U9"),
    ]
    assert rows[0].request_id == "r-1" and rows[0].created_at.tzinfo is not None
    assert [r.action for r in await audit.for_user(conversation.user_id)] == ["publish", "domain", "plan"]
