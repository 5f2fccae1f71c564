"""``pagemagic serve`` says which front doors are on and why one is off, and checks a Slack bot token.

With only PAGEMAGIC_SLACK_SIGNING_SECRET it started silently without Slack; a fake bot token was
accepted until the first Slack request failed. Now start-up lists every front door, and a bot
token is checked with ``auth.test`` (as Telegram's token is with ``getMe``) through slack_sdk
against the Slack Web API stand-in.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from tests.standins.slack_api import SlackApiStandIn

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


def _env(tmp_path: Path, lang: str = "C.UTF-8", **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAGEMAGIC_", "LC_"))}
    # the ops listener on a free port too: serve binds it strictly, and 8402 may be another test's
    env.update(PAGEMAGIC_HOME=str(tmp_path / "home"), PAGEMAGIC_OPS_PORT="0", LANG=lang,
               **{f"PAGEMAGIC_{k}": v for k, v in settings.items()})  # fmt: skip
    return env


@asynccontextmanager
async def serving(env: dict[str, str]) -> AsyncIterator[tuple[list[str], str]]:
    """``pagemagic serve`` until it prints "Serving on URL"; yields the lines before it and the URL."""
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "serve", "--port", "0", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(30):
            while True:
                raw = await process.stdout.readline()
                if not raw:
                    raise AssertionError("serve ended: " + (await process.stderr.read()).decode())
                line = raw.decode().rstrip("\n")
                if line.startswith("Serving on "):
                    break
                lines.append(line)
        yield lines, line.removeprefix("Serving on ")
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(15):
            await process.wait()
    assert process.returncode == 0


async def test_a_signing_secret_alone_says_why_slack_is_off(tmp_path: Path) -> None:
    async with serving(_env(tmp_path, SLACK_SIGNING_SECRET="only-the-secret")) as (lines, url):
        slack = [line for line in lines if line.startswith("Slack")]
        assert slack and slack[0].startswith("Slack: off"), lines
        assert "PAGEMAGIC_SLACK_BOT_TOKEN" in slack[0] and "PAGEMAGIC_SLACK_CLIENT_ID" in slack[0]
        assert any(line.startswith("Telegram: off") and "PAGEMAGIC_TELEGRAM_TOKEN" in line for line in lines), lines
        async with httpx.AsyncClient(timeout=10) as client:
            assert (await client.post(url + "/slack/events", content=b"{}")).status_code == 404
            # after the doors, the private ops listener's address, and /readyz answered there
            ops = [line.removeprefix("Metrics and readiness (private) on ") for line in lines if line.startswith("Metrics")]
            assert len(ops) == 1 and ops[0].startswith("http://127.0.0.1:") and ops[0] != url, lines
            assert (await client.get(ops[0] + "/readyz")).status_code == 200
        assert "only-the-secret" not in "\n".join(lines)


async def test_the_front_doors_are_told_in_the_terminals_language(tmp_path: Path) -> None:
    async with serving(_env(tmp_path, lang="pt_BR.UTF-8", SLACK_SIGNING_SECRET="only-the-secret")) as (lines, _url):
        slack = [line for line in lines if line.startswith("Slack")]
        assert slack and slack[0].startswith("Slack: desativado — PAGEMAGIC_SLACK_SIGNING_SECRET está configurado"), lines
        assert "Telegram: desativado — PAGEMAGIC_TELEGRAM_TOKEN não está configurado" in lines, lines


async def test_a_bot_token_without_a_signing_secret_says_what_is_missing(tmp_path: Path) -> None:
    async with serving(_env(tmp_path, SLACK_BOT_TOKEN="xoxb-unused")) as (lines, _url):
        slack = [line for line in lines if line.startswith("Slack")]
        assert slack and slack[0].startswith("Slack: off") and "PAGEMAGIC_SLACK_SIGNING_SECRET" in slack[0], lines
        assert "xoxb-unused" not in "\n".join(lines)


async def test_a_fake_bot_token_stops_start_up(tmp_path: Path, slack_api: SlackApiStandIn) -> None:
    env = _env(tmp_path, SLACK_SIGNING_SECRET="s", SLACK_BOT_TOKEN="xoxb-1234-fake-secret-value",
               SLACK_API_BASE=slack_api.api_base)  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "serve", "--port", "0", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    async with asyncio.timeout(30):
        out, err = await process.communicate()
    assert process.returncode == 1, (out + err).decode()
    assert err.decode().startswith("pagemagic: slack_token_rejected: "), err.decode()
    assert "refused PAGEMAGIC_SLACK_BOT_TOKEN (invalid_auth)" in err.decode()
    assert "fake-secret-value" not in (out + err).decode()
    assert [call.token for call in slack_api.calls if call.method == "auth.test"] == ["xoxb-1234-fake-secret-value"]


async def test_a_real_bot_token_is_checked_and_named_at_start(tmp_path: Path, slack_api: SlackApiStandIn) -> None:
    workspace = slack_api.add_workspace("T0SERVE")
    env = _env(tmp_path, SLACK_SIGNING_SECRET="s", SLACK_BOT_TOKEN=workspace.bot_token,
               SLACK_API_BASE=slack_api.api_base)  # fmt: skip
    async with serving(env) as (lines, _url):
        assert slack_api.called("auth.test"), "the token is checked before serving"
        slack = [line for line in lines if line.startswith("Slack")]
        assert slack == [f"Slack app on /slack/events (workspace {workspace.team_name}, bot @pagemagic)"], lines
        assert workspace.bot_token not in "\n".join(lines)
