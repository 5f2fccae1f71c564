"""`pagemagic edge config` renders a config nginx accepts, from PAGEMAGIC_* settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bots.cli import main


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
