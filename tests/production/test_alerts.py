"""The operators' alerts: deploy/alerts.yml passes promtool and its unit tests, every rule has a
runbook section and a test that fires it and reads only series we export; deploy/alertmanager.yml
and each way deploy/alertmanager-start.sh fills it in pass amtool; and an alert fired by a real
Prometheus scraping a real `pagemagic serve` reaches the Telegram stand-in through a real
Alertmanager."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from hosting.metrics import PrometheusMetrics
from tests.production.conftest import free_port, private_redis
from tests.standins.telegram_api import TelegramStandIn
from tests.test_docs import _anchors

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
RULES = DEPLOY / "alerts.yml"
OPERATIONS = ROOT / "docs" / "operations.md"
# Series that come from Prometheus itself and from node-exporter (the monitoring profile runs it).
FOREIGN = {"up", "node_filesystem_avail_bytes", "node_filesystem_size_bytes"}
OPERATORS = {"and", "or", "unless", "bool", "offset"}


def binary(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise AssertionError(f"{names[0]} is missing: scripts/services.sh installs it")


def rules() -> list[dict[str, Any]]:
    return [r for group in yaml.safe_load(RULES.read_text())["groups"] for r in group["rules"]]


def series_of(expr: str) -> set[str]:
    """The metric names a PromQL expression reads (functions, operators, labels and strings left out)."""
    text = re.sub(r'"[^"]*"', "", expr)
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    names = set()
    for match in re.finditer(r"[a-zA-Z_:][a-zA-Z0-9_:]*", text):
        if not text[match.end():].lstrip().startswith("("):  # a function's name
            names.add(match.group())
    return names - OPERATORS


def test_the_rules_pass_promtool_and_their_unit_tests() -> None:
    promtool = binary("promtool")
    checked = subprocess.run([promtool, "check", "rules", str(RULES)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tested = subprocess.run([promtool, "test", "rules", "alerts.test.yml"], cwd=DEPLOY, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_every_rule_has_a_runbook_a_firing_test_and_reads_series_we_export() -> None:
    anchors = _anchors(OPERATIONS)
    tests = yaml.safe_load((DEPLOY / "alerts.test.yml").read_text())["tests"]
    fired = {c["alertname"] for t in tests for c in t["alert_rule_test"] if c["exp_alerts"]}
    exported = {m.name for m in PrometheusMetrics().registry.collect()}
    exported |= {f"{n}_total" for n in exported} | {f"{n}_{s}" for n in exported for s in ("bucket", "count", "sum")}
    for rule in rules():
        name = rule["alert"]
        runbook = rule["annotations"]["runbook"]
        assert runbook == f"docs/operations.md#{name.lower()}", name
        assert name.lower() in anchors, f"{name}: no section in docs/operations.md"
        assert rule["labels"]["severity"] in ("critical", "warning"), name
        assert name in fired, f"{name}: no test in deploy/alerts.test.yml fires it"
        series = series_of(rule["expr"])
        unknown = series - exported - FOREIGN
        assert not unknown, f"{name} reads series nobody exports: {unknown}"


def render_alertmanager(tmp_path: Path, **env: str) -> Path:
    out = tmp_path / f"alertmanager-{len(list(tmp_path.glob('alertmanager-*')))}.yml"
    values = {"PATH": os.environ["PATH"], "RENDER_ONLY": "1", "ALERTMANAGER_TEMPLATE": str(DEPLOY / "alertmanager.yml"),
              "ALERTMANAGER_CONFIG": str(out), "ALERT_TELEGRAM_TOKEN_FILE": str(tmp_path / "none"),
              "ALERT_SLACK_WEBHOOK_FILE": str(tmp_path / "none"), **env}  # fmt: skip
    done = subprocess.run(["sh", str(DEPLOY / "alertmanager-start.sh")], env=values, capture_output=True, text=True,
                          timeout=30)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o077 == 0  # it may hold the bot's token
    return out


def amtool_check(path: Path) -> None:
    done = subprocess.run([binary("amtool"), "check-config", str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr


def test_alertmanager_config_as_shipped_and_as_filled_in_for_each_receiver(tmp_path: Path) -> None:
    amtool_check(DEPLOY / "alertmanager.yml")
    (tmp_path / "token").write_text("123456:AAH-token_x\n")
    (tmp_path / "hook").write_text("https://hooks.slack.com/services/T0/B0/xyz\n")
    (tmp_path / "empty").write_text("\n")
    telegram = {"ALERT_TELEGRAM_CHAT_ID": "-1001234567", "ALERT_TELEGRAM_TOKEN_FILE": str(tmp_path / "token")}
    slack = {"ALERT_SLACK_WEBHOOK_FILE": str(tmp_path / "hook"), "ALERT_SLACK_CHANNEL": "#ops"}
    for env, receivers in (({**telegram, **slack}, {"telegram_configs", "slack_configs"}),
                           (telegram, {"telegram_configs"}), (slack, {"slack_configs"}),
                           ({"ALERT_SLACK_WEBHOOK_FILE": str(tmp_path / "empty")}, set())):  # fmt: skip
        path = render_alertmanager(tmp_path, **env)
        amtool_check(path)
        operators = yaml.safe_load(path.read_text())["receivers"][0]
        assert set(operators) - {"name"} == receivers, env
        if "telegram_configs" in receivers:
            config = operators["telegram_configs"][0]
            assert (config["chat_id"], config["bot_token"]) == (-1001234567, "123456:AAH-token_x")
        if "slack_configs" in receivers:
            assert operators["slack_configs"][0]["api_url_file"] == str(tmp_path / "hook")
            assert operators["slack_configs"][0]["channel"] == "#ops"
    (tmp_path / "bad").write_text("123:abc\n")
    refused = subprocess.run(
        ["sh", str(DEPLOY / "alertmanager-start.sh")], capture_output=True, text=True, timeout=30,
        env={"PATH": os.environ["PATH"], "RENDER_ONLY": "1", "ALERTMANAGER_TEMPLATE": str(DEPLOY / "alertmanager.yml"),
             "ALERTMANAGER_CONFIG": str(tmp_path / "x.yml"), "ALERT_TELEGRAM_CHAT_ID": "-1; rm -rf /",
             "ALERT_TELEGRAM_TOKEN_FILE": str(tmp_path / "bad")})  # fmt: skip
    assert refused.returncode == 2 and "not a number" in refused.stderr


class Process:
    """A server started for the test, stopped afterwards; its output kept for the failure message."""

    def __init__(self, args: list[str], log: Path, env: dict[str, str] | None = None) -> None:
        self.log = log
        self.handle = log.open("wb")
        self.process = subprocess.Popen(args, stdout=self.handle, stderr=subprocess.STDOUT, env=env)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.handle.close()


@pytest.fixture
def started() -> Iterator[list[Process]]:
    processes: list[Process] = []
    yield processes
    for process in reversed(processes):
        process.stop()


async def wait_for(what: str, condition: Any, timeout: float, *processes: Process) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = await condition()
        if result:
            return result
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {p.log.name}\n{p.output()}" for p in processes)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        await asyncio.sleep(0.2)


async def test_an_alert_reaches_the_operators_telegram_chat(tmp_path: Path, started: list[Process]) -> None:
    """A real `pagemagic serve` loses its Redis; Prometheus scrapes /readyz's verdict from /metrics, the
    PagemagicNotReady rule fires, Alertmanager sends it to Telegram. The test's copies of the rules and
    of the Alertmanager config differ from deploy/ only in their waiting times (seconds, not minutes)."""
    chat_id = -1009876543210
    with private_redis(tmp_path) as redis:
        async with TelegramStandIn() as telegram:
            app_port, ops_port, prom_port, am_port = free_port(), free_port(), free_port(), free_port()
            env = {**{k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")},
                   "PAGEMAGIC_HOME": str(tmp_path / "home"), "PAGEMAGIC_HOST": "127.0.0.1",
                   "PAGEMAGIC_PORT": str(app_port), "PAGEMAGIC_OPS_PORT": str(ops_port),
                   "PAGEMAGIC_REDIS_URL": redis.url,
                   "PAGEMAGIC_READYZ_TIMEOUT": "1", "PAGEMAGIC_LOG_LEVEL": "WARNING"}  # fmt: skip
            app = Process([sys.executable, "-m", "bots.cli", "serve"], tmp_path / "serve.log", env)
            started.append(app)

            async def serving() -> bool:
                async with httpx.AsyncClient(timeout=2) as client:
                    try:
                        return (await client.get(f"http://127.0.0.1:{app_port}/healthz")).status_code == 200
                    except httpx.HTTPError:
                        return False

            await wait_for("pagemagic serve", serving, 60, app)

            (tmp_path / "token").write_text(telegram.token + "\n")
            config = render_alertmanager(tmp_path, ALERT_TELEGRAM_CHAT_ID=str(chat_id),
                                         ALERT_TELEGRAM_TOKEN_FILE=str(tmp_path / "token"),
                                         ALERT_TELEGRAM_API_URL=telegram.url)  # fmt: skip
            document = yaml.safe_load(config.read_text())
            document["route"].update(group_wait="1s", group_interval="1s")
            config.write_text(yaml.safe_dump(document))
            alertmanager = Process([binary("prometheus-alertmanager", "alertmanager"), f"--config.file={config}",
                                    f"--storage.path={tmp_path / 'am'}", f"--web.listen-address=127.0.0.1:{am_port}",
                                    "--cluster.listen-address="], tmp_path / "alertmanager.log")  # fmt: skip
            started.append(alertmanager)

            groups = yaml.safe_load(RULES.read_text())
            for group in groups["groups"]:
                for rule in group["rules"]:
                    rule["for"] = "2s" if "for" in rule else rule.get("for", "0s")
            (tmp_path / "alerts.yml").write_text(yaml.safe_dump(groups))
            (tmp_path / "prometheus.yml").write_text(yaml.safe_dump({
                "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                "rule_files": [str(tmp_path / "alerts.yml")],
                "alerting": {"alertmanagers": [{"static_configs": [{"targets": [f"127.0.0.1:{am_port}"]}]}]},
                "scrape_configs": [{"job_name": "pagemagic-app", "metrics_path": "/metrics",
                                    "static_configs": [{"targets": [f"127.0.0.1:{ops_port}"]}]}],  # the ops listener
            }))  # fmt: skip
            prometheus = Process([binary("prometheus"), f"--config.file={tmp_path / 'prometheus.yml'}",
                                  f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                                  f"--web.listen-address=127.0.0.1:{prom_port}"], tmp_path / "prometheus.log")  # fmt: skip
            started.append(prometheus)
            processes = (app, alertmanager, prometheus)

            async with httpx.AsyncClient(timeout=5) as http:
                async def query(expr: str) -> list[dict[str, Any]]:
                    try:
                        answer = await http.get(f"http://127.0.0.1:{prom_port}/api/v1/query", params={"query": expr})
                    except httpx.HTTPError:
                        return []
                    return answer.json()["data"]["result"] if answer.status_code == 200 else []

                def about(alert: str) -> list[Any]:
                    return [c for c in telegram.calls_to("sendMessage") if alert in str(c.params.get("text"))]

                # Prometheus scrapes the app, which sees its Redis up (other rules may fire meanwhile: this
                # stack has no worker, so PagemagicWorkerMissing does)
                await wait_for("the first scrape with Redis up",
                               lambda: query('pagemagic_dependency_up{dependency="redis"} == 1'), 90, *processes)
                assert not about("PagemagicNotReady")

                redis.stop()  # the app's Redis goes away
                await wait_for("the alert to fire in Prometheus",
                               lambda: query('ALERTS{alertname="PagemagicNotReady", alertstate="firing"}'), 60,
                               *processes)  # fmt: skip

                async def delivered() -> list[Any]:
                    return [c for c in about("PagemagicNotReady") if c.status == 200]

                calls = await wait_for("the alert at the Telegram stand-in", delivered, 60, *processes)

    message = calls[0]
    assert message.chat_id == chat_id
    assert message.params["parse_mode"] == "HTML"
    shown = telegram.chats[chat_id].messages.values()  # as the chat shows them (HTML parsed)
    text = next(m["text"] for m in shown if "PagemagicNotReady" in m["text"])
    assert "PagemagicNotReady (critical)" in text
    assert "redis is down (/readyz fails)" in text
    assert "Runbook: docs/operations.md#pagemagicnotready" in text
