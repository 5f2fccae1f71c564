"""``PAGEMAGIC_<NAME>_FILE``: settings read from files (Docker secrets), as the stack mounts them,
through ``Settings()`` and through the ``pagemagic`` command that loads them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.secret_files import SettingsFileError
from core.settings import Settings

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


def secret(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / "secrets" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_a_setting_is_read_from_its_file_without_the_trailing_newline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEMAGIC_TELEGRAM_TOKEN_FILE", str(secret(tmp_path, "telegram_token", "123:abc\n")))
    monkeypatch.setenv("PAGEMAGIC_STRIPE_API_KEY_FILE", str(secret(tmp_path, "stripe", "sk_test_x\r\n")))
    monkeypatch.setenv("PAGEMAGIC_BILLING_GRACE_DAYS_FILE", str(secret(tmp_path, "grace", "3\n")))
    settings = Settings(home=tmp_path)
    assert settings.telegram_token is not None and settings.telegram_token.get_secret_value() == "123:abc"
    assert settings.stripe_api_key is not None and settings.stripe_api_key.get_secret_value() == "sk_test_x"
    assert settings.billing_grace_days == 3  # validated like the variable itself
    assert "123:abc" not in repr(settings)


def test_the_variable_itself_wins_over_its_file_and_an_empty_file_is_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEMAGIC_TELEGRAM_TOKEN", "999:direct")
    monkeypatch.setenv("PAGEMAGIC_TELEGRAM_TOKEN_FILE", str(secret(tmp_path, "telegram_token", "123:file")))
    monkeypatch.setenv("PAGEMAGIC_SLACK_BOT_TOKEN_FILE", str(secret(tmp_path, "slack_bot_token", "\n")))
    settings = Settings(home=tmp_path)
    assert settings.telegram_token is not None and settings.telegram_token.get_secret_value() == "999:direct"
    assert settings.slack_bot_token is None  # the stack mounts every secret; an empty one means "not used"


def test_an_unreadable_file_names_the_variable_and_the_path_never_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "secrets" / "nowhere"
    monkeypatch.setenv("PAGEMAGIC_REDIS_URL_FILE", str(missing))
    with pytest.raises(SettingsFileError, match=r"PAGEMAGIC_REDIS_URL_FILE: cannot read .*nowhere \(No such file"):
        Settings(home=tmp_path)


def _pagemagic(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_") or k == "PAGEMAGIC_TEST_PG"}
    return subprocess.run([PAGEMAGIC, *args], capture_output=True, text=True, timeout=120, check=False,
                          env={**clean, "PAGEMAGIC_HOME": str(tmp_path / "home"), **env})


def test_pagemagic_migrate_uses_the_database_url_from_its_file(tmp_path: Path) -> None:
    """What the stack does: PAGEMAGIC_DATABASE_URL_FILE=/run/secrets/database_url."""
    database = tmp_path / "from-the-secret.db"
    url_file = secret(tmp_path, "database_url", f"sqlite+aiosqlite:///{database}\n")
    result = _pagemagic(tmp_path, "migrate", PAGEMAGIC_DATABASE_URL_FILE=str(url_file))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master where type='table'")}
    assert {"sites", "billing_subscriptions"} <= tables
    assert not (tmp_path / "home" / "pagemagic.db").exists()


def test_pagemagic_with_a_missing_secret_file_says_which_and_exits_without_a_traceback(tmp_path: Path) -> None:
    leaked = secret(tmp_path, "other", "sk_live_must_not_show")
    result = _pagemagic(tmp_path, "migrate", PAGEMAGIC_DATABASE_URL_FILE=str(tmp_path / "secrets" / "gone"),
                        PAGEMAGIC_STRIPE_API_KEY_FILE=str(leaked))
    assert result.returncode == 1
    assert "pagemagic: configuration: PAGEMAGIC_DATABASE_URL_FILE: cannot read" in result.stderr
    assert "Traceback" not in result.stderr and "sk_live_must_not_show" not in result.stderr
    bad = _pagemagic(tmp_path, "migrate", PAGEMAGIC_BILLING_GRACE_DAYS_FILE=str(secret(tmp_path, "g", "soon")))
    assert bad.returncode == 1 and "PAGEMAGIC_BILLING_GRACE_DAYS: Input should be a valid number" in bad.stderr
    assert "soon" not in bad.stderr and "Traceback" not in bad.stderr
