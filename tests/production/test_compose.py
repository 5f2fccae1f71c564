"""The stack file, read back: every service healthy, restartable, updatable, bounded, with secrets from files.

``docker-compose config`` (Debian's docker-compose) validates it for Compose; ``docker stack config``
validates what ``deploy/stack.py`` renders from it for Swarm. The app image itself cannot be built here
(no base images can be pulled); the Dockerfile is checked for the properties the stack relies on.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
SERVICES = {"app", "worker", "migrations", "backup", "postgres", "redis", "edge", "registry", "vllm", "prometheus",
            "alertmanager", "node-exporter"}
MONITORING = {"prometheus", "alertmanager", "node-exporter"}
SECRETISH = re.compile(r"(TOKEN|SECRET|PASSWORD|API_KEY|CERT_KEY|DATABASE_URL|REDIS_URL)")


def _compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return document


def _stack_dir(tmp_path: Path) -> Path:
    """A copy of the stack file with a (dummy) file for every secret it names."""
    shutil.copy(COMPOSE, tmp_path / "docker-compose.yml")
    (tmp_path / "secrets").mkdir()
    for name in _compose()["secrets"]:
        (tmp_path / "secrets" / name).write_text("dummy\n")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")  # step one of docs/production.md
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")  # the configs the stack mounts
    return tmp_path


def test_every_service_has_health_restart_update_limits_and_file_secrets() -> None:
    document = _compose()
    services: dict[str, Any] = document["services"]
    assert set(services) == SERVICES
    declared = set(document["secrets"])
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name}: no health check"
        assert service.get("restart") in ("unless-stopped", "on-failure", "always"), f"{name}: no restart policy"
        deploy = service["deploy"]
        assert deploy["restart_policy"]["condition"] in ("any", "on-failure"), name
        assert deploy["update_config"]["parallelism"] >= 1, f"{name}: no update policy"
        assert deploy["resources"]["limits"]["memory"] and deploy["resources"]["limits"]["cpus"], name
        environment: dict[str, str] = service.get("environment", {})
        used = set(service.get("secrets", []))
        assert used <= declared, name
        for key, value in environment.items():
            if SECRETISH.search(key):
                # a secret is only ever a path to a Docker secret this service mounts
                assert key.endswith("_FILE"), f"{name}: {key} is an environment literal"
                assert value.startswith("/run/secrets/") and value.rsplit("/", 1)[1] in used, (name, key)
    for name, spec in document["secrets"].items():
        assert spec == {"file": f"./secrets/{name}"}
    assert services["edge"]["deploy"]["mode"] == "global"
    assert services["vllm"]["profiles"] == ["gpu"]
    for name in MONITORING:
        assert services[name]["profiles"] == ["monitoring"], name
    assert services["node-exporter"]["deploy"]["mode"] == "global"
    configs = document["configs"]
    for name, spec in configs.items():
        assert (ROOT / spec["file"]).is_file(), name  # every config the stack mounts is in the repository
    assert services["backup"]["command"] == ["backup", "--schedule"]
    assert "backups:/backups" in services["backup"]["volumes"]
    assert services["backup"]["environment"]["PAGEMAGIC_BACKUP_KEY_FILE"] == "/run/secrets/backup_key"
    assert services["edge"]["environment"]["PAGEMAGIC_EDGE_APP_UPSTREAM"] == "app:8400"
    assert services["migrations"]["command"] == ["migrate"]
    assert services["app"]["command"] == ["serve"] and services["worker"]["command"] == ["worker"]
    assert services["app"]["deploy"]["update_config"]["failure_action"] == "rollback"
    app_env = services["app"]["environment"]
    assert {"PAGEMAGIC_TELEGRAM_WEBHOOK_URL", "PAGEMAGIC_SLACK_SIGNING_SECRET_FILE"} <= set(app_env)
    # each secret setting of the app is wired to a secret of the same name
    secret_fields = [n for n, f in Settings.model_fields.items() if "SecretStr" in str(f.annotation)]
    assert secret_fields
    for field in secret_fields:
        assert app_env.get(f"PAGEMAGIC_{field.upper()}_FILE") == f"/run/secrets/{field}", field


def test_docker_compose_config_validates(tmp_path: Path) -> None:
    stack = _stack_dir(tmp_path)
    for extra in ([], ["--profile", "gpu"], ["--profile", "monitoring"]):
        done = subprocess.run(["docker-compose", *extra, "config", "-q"], cwd=stack, capture_output=True, text=True,
                              timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr


def test_swarm_rendering_validates_with_docker_stack_config(tmp_path: Path) -> None:
    stack = _stack_dir(tmp_path)
    rendered = subprocess.run([sys.executable, str(ROOT / "deploy" / "stack.py"), "--profile", "gpu",
                               "--profile", "monitoring", "--file", str(stack / "docker-compose.yml")],
                              capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    assert "profiles" not in rendered.stdout
    done = subprocess.run(["docker", "stack", "config", "-c", "-"], cwd=stack, input=rendered.stdout,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    resolved = yaml.safe_load(done.stdout)
    assert resolved["services"]["edge"]["deploy"]["mode"] == "global"
    assert "vllm" in resolved["services"] and set(resolved["services"]) >= MONITORING


def test_every_setting_of_env_reaches_the_containers_and_the_stack_values_win(tmp_path: Path) -> None:
    stack = _stack_dir(tmp_path)
    with (stack / ".env").open("a") as env:
        env.write("PAGEMAGIC_SLACK_PUBLISH_ADMINS_ONLY=true\nPAGEMAGIC_LLM_MAX_REPAIRS=4\n")
    rendered = subprocess.run([sys.executable, str(ROOT / "deploy" / "stack.py"), "--file", str(stack / "docker-compose.yml")],
                              capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    done = subprocess.run(["docker", "stack", "config", "-c", "-"], cwd=stack, input=rendered.stdout,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    services = yaml.safe_load(done.stdout)["services"]
    settings = [line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines()
                if line.startswith("PAGEMAGIC_")]  # fmt: skip
    for name in ("app", "worker"):
        environment = services[name]["environment"]
        assert environment["PAGEMAGIC_SLACK_PUBLISH_ADMINS_ONLY"] == "true", name
        assert environment["PAGEMAGIC_LLM_MAX_REPAIRS"] == "4", name
        assert set(settings) <= set(environment), f"{name}: settings of .env that never reach it"
        # what the stack sets wins over the single-host defaults of .env
        assert environment["PAGEMAGIC_HOST"] == "0.0.0.0" and environment["PAGEMAGIC_HOSTING"] == "swarm"
        assert environment["PAGEMAGIC_HOME"] == "/data"


def test_dockerfile_is_multi_stage_non_root_with_a_health_check() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert text.lstrip().splitlines()[0].startswith("#")
    assert re.search(r"^ARG BASE_IMAGE=", text, re.M)
    stages = re.findall(r"^FROM \$\{BASE_IMAGE\}", text, re.M)
    assert len(stages) == 2
    final = text.split("# -- final")[1]
    assert "build-essential" not in final and "COPY --from=build" in final
    assert re.search(r"^USER pagemagic", final, re.M)
    assert re.search(r"^HEALTHCHECK .*", final, re.M)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests", "secrets", ".env"} <= set(ignored)


def test_env_example_lists_every_setting() -> None:
    text = (ROOT / ".env.example").read_text()
    missing = [n for n in Settings.model_fields if f"PAGEMAGIC_{n.upper()}" not in text]
    assert missing == []


def test_grafana_dashboard_and_prometheus_config_read_back() -> None:
    dashboard = json.loads((ROOT / "deploy" / "grafana-dashboard.json").read_text())
    exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    for series in ("pagemagic_generation_seconds", "pagemagic_generation_first_section_seconds",
                   "pagemagic_sections_generated_total", "pagemagic_sections_repaired_total", "pagemagic_jobs",
                   "pagemagic_publish_duration_seconds", "pagemagic_deploys_total", "pagemagic_chat_messages_total",
                   "pagemagic_rate_limit_refusals_total", "pagemagic_meter_reports_total",
                   "pagemagic_edge_requests_month", "pagemagic_edge_bytes_month"):  # fmt: skip
        assert series in exprs, series
    scrape = yaml.safe_load((ROOT / "deploy" / "prometheus.yml").read_text())
    assert {j["job_name"] for j in scrape["scrape_configs"]} == {"pagemagic-app", "pagemagic-worker", "node"}
    assert scrape["rule_files"] == ["alerts.yml"]  # mounted beside it (docker-compose.yml configs)
    checked = subprocess.run(["promtool", "check", "config", str(ROOT / "deploy" / "prometheus.yml")],
                             capture_output=True, text=True, timeout=60)  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_metrics_and_readiness_are_scraped_on_private_ports_the_stack_never_publishes() -> None:
    """/metrics and /readyz live on the ops listener (8402 in the app, 8401 in the worker), reached by
    Prometheus over the backend network; only the site port (8400) and the edge are published."""
    services = _compose()["services"]
    app, worker = services["app"], services["worker"]
    assert app["environment"]["PAGEMAGIC_OPS_PORT"] == "8402" and app["environment"]["PAGEMAGIC_OPS_HOST"] == "0.0.0.0"
    assert worker["environment"]["PAGEMAGIC_WORKER_PORT"] == "8401"
    published = [str(p) for p in app.get("ports", [])] + [str(p) for p in worker.get("ports", [])]
    assert published == ["8400:8400"], published
    scrape = yaml.safe_load((ROOT / "deploy" / "prometheus.yml").read_text())
    ports = {j["job_name"]: {c["port"] for c in j["dns_sd_configs"]} for j in scrape["scrape_configs"]}
    assert ports == {"pagemagic-app": {8402}, "pagemagic-worker": {8401}, "node": {9100}}
    assert all(j.get("metrics_path", "/metrics") == "/metrics" for j in scrape["scrape_configs"])
    # the container health checks ask /healthz, which stays on the site port (and the worker's)
    assert "http://127.0.0.1:8400/healthz" in app["healthcheck"]["test"]
    assert "http://127.0.0.1:8401/healthz" in worker["healthcheck"]["test"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "http://127.0.0.1:8400/healthz" in dockerfile.split("HEALTHCHECK", 1)[1].splitlines()[1]
    assert re.search(r"PAGEMAGIC_OPS_PORT=8402", dockerfile) and re.search(r"^EXPOSE .*\b8402\b", dockerfile, re.M)
