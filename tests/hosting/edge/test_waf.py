"""The edge's WAF (ModSecurity + OWASP CRS) on the real edge: a corpus of attacks is refused with
our 403 page in the visitor's language and a request id that the JSON audit log carries; only
sites whose plan has the WAF are inspected; detect mode logs without blocking; the app's routes
are guarded, and our platforms' signed webhooks pass whatever their users wrote."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hosting.edge.nginx import EdgeProcess
from tests.hosting.edge.conftest import Keys
from tests.hosting.edge.harness import Answer, RawClient, Recorder, Upstream, unique
from tests.hosting.edge.test_usage import counted

ATTACKS: list[dict[str, str]] = json.loads((Path(__file__).with_name("waf_attacks.json")).read_text())
# the attacks a plain GET makes (the test upstream answers GET only)
GETS = [a for a in ATTACKS if a["request"].startswith("GET") and "{length}" not in a["request"]]
LANGUAGES = ("pt-PT,pt;q=0.9", "en-GB,en;q=0.8", "es-ES,es;q=0.9", "pt-BR,pt;q=0.9")
LOCALES = ("pt-PT", "en", "es", "pt-BR")  # the page each of them gets
TITLES = {"pt-PT": "Pedido bloqueado", "en": "Request blocked", "es": "Petición bloqueada",
          "pt-BR": "Requisição bloqueada"}


def raw_request(template: str, host: str, accept_language: str | None = None) -> bytes:
    """A request of the corpus for ``host``: its Content-Length filled in, an Accept-Language added."""
    head, _, body = template.replace("{host}", host).partition("\r\n\r\n")
    head = head.replace("{length}", str(len(body.encode("latin-1"))))
    if accept_language:
        head += f"\r\nAccept-Language: {accept_language}"
    return f"{head}\r\n\r\n{body}".encode("latin-1")


def audit_records(process: EdgeProcess) -> list[dict[str, Any]]:
    """The WAF's JSON audit log, one object a line."""
    path = process.config.audit_log_path
    if not path.exists():
        return []
    return [json.loads(line)["transaction"] for line in path.read_text().splitlines() if line.strip()]


async def audited(process: EdgeProcess, ids: list[str], timeout: float = 10.0) -> dict[str, dict[str, Any]]:
    """The audit records of ``ids`` (by unique_id), once all are written: nginx writes a record in
    the log phase, after the answer went out."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        records = {r["unique_id"]: r for r in audit_records(process)}
        if all(i in records for i in ids):
            return records
        assert asyncio.get_running_loop().time() < deadline, sorted(set(ids) - set(records))
        await asyncio.sleep(0.05)


def shown_id(answer: Answer) -> str:
    match = re.search(r": ([0-9a-f]{32})\.</p>", answer.body.decode())
    assert match, answer.body.decode()
    return match.group(1)


async def test_attacks_on_a_site_with_the_waf_get_our_page_and_an_audit_record(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site, open_site = upstream("site"), upstream("open")
    guarded, unguarded = f"{unique('loja')}.test", f"{unique('blog')}.test"
    business = await keys.limits(unique("business"), rps=1000, burst=1000, waf=True)
    free = await keys.limits(unique("free"), rps=1000, burst=1000)
    slug = unique("loja")
    await keys.route(slug, [guarded], [site.endpoint], plan=business)
    await keys.route(unique("blog"), [unguarded], [open_site.endpoint], plan=free)
    proxy = edge()

    def run() -> tuple[list[Answer], list[Answer], Answer, Answer]:
        client = RawClient(proxy.config.port)
        # the very first request finds no cached route: it reaches the WAF through the access phase
        refused = [client.send(raw_request(a["request"], guarded, LANGUAGES[i % 4])) for i, a in enumerate(ATTACKS)]
        passed = [client.send(raw_request(a["request"], unguarded)) for a in GETS]
        plain = client.get(guarded, "/menu?dia=segunda&pao=broa%20de%20milho", {"Accept-Language": "pt"})
        with_own_id = client.send(raw_request(ATTACKS[0]["request"], guarded) .replace(
            b"\r\n\r\n", b"\r\nX-Request-Id: <b>ticket-42</b>\r\n\r\n", 1))
        client.close()
        return refused, passed, plain, with_own_id

    refused, passed, plain, with_own_id = await asyncio.to_thread(run)
    for attack, answer in zip(ATTACKS, refused, strict=True):
        assert answer.status == 403, (attack["name"], answer.status, answer.body[:200])
    assert site.hits == 1  # only the plain request reached the site
    assert plain.status == 200 and plain.body.startswith(b"upstream site")
    # a site whose plan has no WAF is not inspected: the same requests reach it
    assert open_site.hits == len(GETS) and all(a.status == 200 for a in passed)

    for index, answer in enumerate(refused):
        language = LOCALES[index % 4]
        page = answer.body.decode()
        assert answer.headers["content-language"] == language
        assert TITLES[language] in page and f'<html lang="{language}">' in page
        assert shown_id(answer) == answer.headers["x-request-id"]
        assert answer.headers["content-security-policy"].startswith("default-src 'none'")
        assert answer.headers["cache-control"] == "no-store"
    # the caller's own id is shown as text, never as markup
    assert with_own_id.status == 403
    assert "&lt;b&gt;ticket-42&lt;/b&gt;" in with_own_id.body.decode()
    assert "<b>ticket-42" not in with_own_id.body.decode()

    records = await audited(proxy, [a.headers["x-request-id"] for a in refused])
    for attack, answer in zip(ATTACKS, refused, strict=True):
        record = records[answer.headers["x-request-id"]]
        assert record["response"]["http_code"] == 403, attack["name"]
        rules = {m["details"]["ruleId"] for m in record["messages"]}
        assert "949110" in rules, (attack["name"], rules)  # refused by the anomaly score
        assert "headers" not in record["request"]  # no cookies or signatures in the log
    log4shell = [a for a in refused if "jndi" in ATTACKS[refused.index(a)]["request"]]
    assert all("10100" in {m["details"]["ruleId"] for m in records[a.headers["x-request-id"]]["messages"]}
               for a in log4shell)

    # refused requests count as the site's requests, once each (the WAF's location meters too)
    deadline = asyncio.get_running_loop().time() + 10
    expected = len(ATTACKS) + 2
    while (await counted(keys.redis, keys.usage_prefix, slug)).get("requests", 0) < expected:
        assert asyncio.get_running_loop().time() < deadline, await counted(keys.redis, keys.usage_prefix, slug)
        await asyncio.sleep(0.05)
    totals = await counted(keys.redis, keys.usage_prefix, slug)
    assert totals["requests"] == expected
    assert totals["4xx"] == expected - 1 and totals["2xx"] == 1


async def test_detect_mode_logs_what_it_would_block_and_blocks_nothing(
    keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('loja')}.test"
    plan = await keys.limits(unique("business"), waf=True)
    await keys.route(unique("loja"), [host], [site.endpoint], plan=plan)
    proxy = edge(waf="detect")
    attacks = [a for a in GETS if a["kind"] in ("sqli", "xss", "log4shell")]

    def run() -> list[Answer]:
        client = RawClient(proxy.config.port)
        answers = [client.send(raw_request(a["request"], host)) for a in attacks]
        client.close()
        return answers

    answers = await asyncio.to_thread(run)
    assert [a.status for a in answers] == [200] * len(attacks)
    assert site.hits == len(attacks)
    records = await audited(proxy, [a.headers["x-request-id"] for a in answers])
    for answer in answers:
        record = records[answer.headers["x-request-id"]]
        assert record["producer"]["secrules_engine"] == "DetectionOnly"
        assert "949110" in {m["details"]["ruleId"] for m in record["messages"]}


async def test_the_app_is_guarded_and_our_signed_webhooks_pass_what_users_wrote(
    keys: Keys, edge: Callable[..., EdgeProcess]
) -> None:
    app = Recorder()
    proxy = edge(app_upstream=app.endpoint, app_hosts=("app.pagemagic.test",))
    words = "Uma padaria <script>alert('pão')</script> e 1' OR '1'='1; cat /etc/passwd ${jndi:ldap://x}"
    slack_form = "command=%2Fpagemagic&text=" + words.replace(" ", "+").replace("'", "%27").replace(";", "%3B")
    telegram = json.dumps({"update_id": 1, "message": {"message_id": 1, "text": words}})
    stripe = json.dumps({"id": "evt_1", "type": "invoice.paid", "data": {"object": {"description": words}}})

    def post(client: RawClient, path: str, body: str, content_type: str, signature: str | None) -> Answer:
        head = f"POST {path} HTTP/1.1\r\nHost: app.pagemagic.test\r\nContent-Type: {content_type}\r\n"
        if signature:
            head += f"{signature}\r\n"
        data = body.encode()
        return client.send(head.encode() + f"Content-Length: {len(data)}\r\n\r\n".encode() + data)

    def run() -> dict[str, Answer]:
        client = RawClient(proxy.config.port)
        answers = {
            "slack": post(client, "/slack/events", slack_form, "application/x-www-form-urlencoded",
                          "X-Slack-Request-Timestamp: 1700000000\r\nX-Slack-Signature: v0=abc"),
            "telegram": post(client, "/telegram/webhook", telegram, "application/json",
                             "X-Telegram-Bot-Api-Secret-Token: s3cret"),
            "stripe": post(client, "/stripe/webhook", stripe, "application/json", "Stripe-Signature: t=1,v1=abc"),
            # the same bodies without the platform's signature, or on another path, are inspected
            "slack unsigned": post(client, "/slack/events", slack_form, "application/x-www-form-urlencoded", None),
            "telegram elsewhere": post(client, "/api/sites", telegram, "application/json",
                                       "X-Telegram-Bot-Api-Secret-Token: s3cret"),
            "preview attack": client.get("app.pagemagic.test", "/p/x/?q=%3Cscript%3Ealert(1)%3C/script%3E"),
            "preview": client.get("app.pagemagic.test", "/p/3pQ0v_Fh-2Kx9aLrT4mZyW8bN6cD1eGs/"),
        }
        client.close()
        return answers

    answers = await asyncio.to_thread(run)
    for name in ("slack", "telegram", "stripe", "preview"):
        assert answers[name].status == 200, (name, answers[name].body[:300])
    for name in ("slack unsigned", "telegram elsewhere", "preview attack"):
        assert answers[name].status == 403, name
        assert b"Request blocked" in answers[name].body
    bodies = {path: body for _method, path, body in app.received}
    assert bodies["/slack/events"] == slack_form.encode()  # byte for byte
    assert bodies["/telegram/webhook"] == telegram.encode()
    assert bodies["/stripe/webhook"] == stripe.encode()
    assert "/api/sites" not in bodies
    app.close()


@pytest.mark.parametrize("mode", ["off"])
async def test_with_the_waf_off_nginx_loads_no_modsecurity(
    mode: str, keys: Keys, upstream: Callable[..., Upstream], edge: Callable[..., EdgeProcess]
) -> None:
    site = upstream("site")
    host = f"{unique('loja')}.test"
    plan = await keys.limits(unique("business"), waf=True)
    await keys.route(unique("loja"), [host], [site.endpoint], plan=plan)
    proxy = edge(waf=mode)
    assert "modsecurity" not in proxy.config.conf_path.read_text()

    def run() -> Answer:
        client = RawClient(proxy.config.port)
        answer = client.send(raw_request(ATTACKS[0]["request"], host))
        client.close()
        return answer

    assert (await asyncio.to_thread(run)).status == 200
