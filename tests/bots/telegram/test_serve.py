"""``pagemagic serve`` with a bot token: starts the bot, answers, stops cleanly on SIGTERM; a bad token stops it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


def _env(tmp_path: Path, standin: TelegramStandIn, token: str, driver: str = "aiogram") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(
        PAGEMAGIC_HOME=str(tmp_path / "home"),
        PAGEMAGIC_TELEGRAM_TOKEN=token,
        PAGEMAGIC_TELEGRAM_API_BASE=standin.url,
        PAGEMAGIC_TELEGRAM_DRIVER=driver,
        PAGEMAGIC_OPS_PORT="0",
    )
    return env


# Deadlines, not waits: a passing run takes a second or two; a loaded CI machine may need far more
# to start a Python process that imports the whole app (it took over 30 s beside two CPU burners).
START_DEADLINE = 120


async def test_serve_runs_the_bot_and_stops_on_sigterm(tmp_path: Path, standin: TelegramStandIn) -> None:
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "serve", "--port", "0",
        env=_env(tmp_path, standin, standin.token, "ptb"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        async with asyncio.timeout(START_DEADLINE):
            first = (await process.stdout.readline()).decode()
        assert "Telegram bot @PageMagicBot is running (polling)" in first
        standin.send_text(5151, "/help", language_code="es")
        await standin.wait_for(lambda: standin.sent(5151))
        assert "Describe un sitio" in standin.sent(5151)[0]["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(START_DEADLINE):
            code = await process.wait()
    assert code == 0


async def test_serve_with_a_wrong_token_exits_with_a_clear_error(
    tmp_path: Path, standin: TelegramStandIn
) -> None:
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "serve", "--port", "0",
        env=_env(tmp_path, standin, "4242:revoked-secret-value"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(START_DEADLINE):
        out, err = await process.communicate()
    assert process.returncode == 1
    assert "refused PAGEMAGIC_TELEGRAM_TOKEN" in err.decode()
    assert "revoked-secret-value" not in (out + err).decode()


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_stopping_lets_an_answer_in_progress_finish(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    async with start_bot(driver=driver, generator_delay=0.05):
        standin.send_text(5252, "A bookshop in Coimbra with events and contact")
        await standin.wait_for(lambda: standin.calls_to("sendMessageDraft", 5252))
    # the service stopped (as on SIGTERM) while the site was still streaming
    assert standin.with_buttons(5252, "pm:publish"), "the running answer was completed before closing"
