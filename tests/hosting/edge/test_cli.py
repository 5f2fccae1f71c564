"""`pagemagic edge config` renders a config nginx accepts, from PAGEMAGIC_* settings."""

from __future__ import annotations

import base64
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bots.cli import main
from core.settings import Settings
from hosting.edge.config import EdgeConfig, _resolver_for, render


def test_edge_config_renders_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PAGEMAGIC_HOME", str(tmp_path))
    monkeypatch.setenv("PAGEMAGIC_EDGE_PORT", "18481")
    monkeypatch.setenv("PAGEMAGIC_REDIS_URL", "redis://:s3cret@127.0.0.1:6380/2")
    assert main(["edge", "config"]) == 0
    conf = Path(capsys.readouterr().out.strip())
    text = conf.read_text()
    assert "listen 127.0.0.1:18481 default_server;" in text and "ngx_http_lua_module.so" in text
    assert "s3cret" not in text  # the password lives only in edge.json (mode 0600)
    values = (conf.parent / "edge.json")
    assert values.stat().st_mode & 0o777 == 0o600
    assert '"port":6380' in values.read_text() and '"db":2' in values.read_text()


def test_a_redis_host_name_gets_a_resolver_and_an_address_none(tmp_path: Path) -> None:
    resolv = tmp_path / "resolv.conf"
    resolv.write_text("# Docker's embedded DNS\nnameserver 127.0.0.11\noptions ndots:0\n")
    assert _resolver_for("redis", resolv) == "127.0.0.11"  # the stack's service name
    assert _resolver_for("10.0.0.5", resolv) == "" and _resolver_for("::1", resolv) == ""
    named = EdgeConfig.from_settings(Settings(home=tmp_path, redis_url="redis://redis:6379/0", edge_resolver="127.0.0.11"))
    assert "resolver 127.0.0.11 valid=30s;" in render(named)
    v6 = EdgeConfig.from_settings(Settings(home=tmp_path, redis_url="redis://redis:6379/0", edge_resolver="fd00::53"))
    assert "resolver [fd00::53] valid=30s;" in render(v6)
    by_address = EdgeConfig.from_settings(Settings(home=tmp_path, redis_url="redis://127.0.0.1:6379/0"))
    assert "resolver" not in render(by_address)


def test_an_existing_edge_json_with_loose_permissions_is_replaced_private(tmp_path: Path) -> None:
    """Issue 14, item 8: ``touch edge.json; chmod 644; pagemagic edge config`` left the Redis password 0644."""
    prefix = tmp_path / "edge"
    prefix.mkdir()
    values = prefix / "edge.json"
    values.write_text("{}")
    values.chmod(0o644)
    before = values.stat().st_ino
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(
        PAGEMAGIC_HOME=str(tmp_path), PAGEMAGIC_EDGE_DIR=str(prefix), PAGEMAGIC_EDGE_PORT="18482",
        PAGEMAGIC_REDIS_URL="redis://:s3cret@127.0.0.1:6380/2", PAGEMAGIC_CERT_KEY=base64.b64encode(bytes(32)).decode(),
    )
    result = subprocess.run(
        [str(Path(sys.executable).with_name("pagemagic")), "edge", "config"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(values.stat().st_mode) == 0o600
    assert "s3cret" in values.read_text() and values.stat().st_ino != before  # a new file, renamed into place
    assert sorted(p.name for p in prefix.iterdir() if p.name.startswith(".")) == []  # no temporary left behind
