"""No configured secret ever reaches a log line or a chat message.

A full scenario — Telegram describe on the OpenAI stand-in, refine, publish, domain, usage,
history, plus /readyz and /metrics — runs with every secret set: LLM key, Telegram token and webhook
secret, Slack signing secret, bot token and client secret, Stripe keys, the certificate key, a Redis
password (in the URL, against a private redis-server that requires it) and a PostgreSQL password in the
database URL. Logs are captured at DEBUG in JSON from every logger (ours, uvicorn, httpx, aiogram, ...),
and every message the bot sent is read back from the stand-in; each secret value is searched in all of it.
"""

from __future__ import annotations

import base64
import io
import logging
import secrets
from collections.abc import Callable
from pathlib import Path

import httpx

from core.observability.logging import configure_logging
from core.observability.redact import MASK, Redactor, secret_values
from core.settings import Settings
from tests.bots.telegram.conftest import BotFactory, standin, start_bot  # noqa: F401  (fixtures)
from tests.conftest import _drop_pg_database, _fresh_pg_database
from tests.core.llm.openai.documents import site_data, site_text
from tests.production.conftest import private_redis
from tests.standins.openai_server import OpenAIStandIn, Stream
from tests.standins.telegram_api import TelegramStandIn

KINDS = ("hero", "about", "menu", "contact", "footer")


def _secret(tag: str) -> str:
    return f"{tag}-{secrets.token_hex(12)}"


async def test_no_secret_in_logs_or_messages_after_a_full_scenario(
    tmp_path: Path, start_bot: BotFactory, standin: TelegramStandIn, settings_for: Callable[..., Settings]  # noqa: F811
) -> None:
    redis_password = _secret("redispw")
    pg_password = _secret("pgpw")
    values = {
        "llm_api_key": _secret("sk-llm"),
        "telegram_webhook_secret": _secret("tgwh"),
        "slack_signing_secret": _secret("slacksign"),
        "slack_bot_token": "xoxb-" + _secret("slackbot"),
        "slack_client_secret": _secret("slackclient"),
        "stripe_api_key": "sk_test_" + _secret("stripe"),
        "stripe_webhook_secret": "whsec_" + _secret("stripewh"),
        "cert_key": base64.b64encode(secrets.token_bytes(32)).decode(),
    }
    logs = io.StringIO()
    database = await _fresh_pg_database()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        with private_redis(tmp_path, password=redis_password) as redis:
            async with OpenAIStandIn() as llm:
                llm.script(Stream(site_text(site_data(KINDS))))
                settings_values = {
                    **values,
                    "database_url": f"postgresql+asyncpg://postgres:{pg_password}@127.0.0.1:5432/{database}",
                    "redis_url": redis.url,
                    "llm_base_url": llm.base_url,
                    "llm_model": "pagemagic-test",
                }
                probe = settings_for(telegram_token=standin.token, **settings_values)
                every = [*values.values(), redis_password, pg_password, standin.token]
                found = secret_values(probe)
                assert set(every) <= set(found)
                configure_logging(found, "json", "DEBUG", stream=logs)
                async with start_bot(**settings_values) as bot:
                    standin.send_text(3003, "A bakery in Lisbon with a menu", language_code="en")
                    await standin.wait_for(lambda: any("(version 1)" in m.get("text", "") for m in standin.sent(3003)), 30)
                    for command in ("/domain padaria-segredo.pt", "/usage", "/history"):
                        count = len(standin.sent(3003))
                        standin.send_text(3003, command, language_code="en")
                        await standin.wait_for(lambda count=count: len(standin.sent(3003)) > count, 30)
                    ops = bot.runtime.ops_url  # the private listener (hosting/ops.py)
                    async with httpx.AsyncClient() as client:
                        ready = await client.get(ops + "/readyz")
                        scraped = await client.get(ops + "/metrics")
                    assert ready.json()["checks"]["redis"]["status"] == "up"
                    assert ready.json()["checks"]["database"]["detail"] == "postgresql"
                    assert scraped.status_code == 200
                    logging.getLogger("pagemagic.test").info("settings: %r", probe)  # SecretStr repr
                    logging.getLogger("pagemagic.test").warning("a careless line: %s", redis.url)
    finally:
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])
        await _drop_pg_database(database)

    captured = logs.getvalue()
    assert '"event": "chat_message"' in captured and "request_id" in captured  # JSON lines, with the id
    assert MASK in captured  # the careless line was masked, not dropped
    messages = "\n".join(str(call.params) for call in standin.calls)
    chats = "\n".join(str(m.get("text", "")) for m in standin.sent(3003))
    assert "padaria-segredo.pt" in chats
    for value in every:
        assert value not in captured, f"a secret ({value[:6]}…) is in the logs"
        assert value not in messages, f"a secret ({value[:6]}…) was sent to the Bot API in a body"
        assert value not in chats, f"a secret ({value[:6]}…) was sent to a chat"
        assert value not in ready.text + scraped.text


def test_redactor_masks_values_inside_urls_structures_and_exceptions() -> None:
    redactor = Redactor(["tok-123456", "pw-abcdef"])
    event = {"event": "GET https://api.telegram.org/bottok-123456/getMe", "extra": ["pw-abcdef", {"x": "pw-abcdef"}],
             "exc": ValueError("redis://:pw-abcdef@h/0")}  # fmt: skip
    out = redactor(None, "info", event)
    assert "tok-123456" not in str(out) and "pw-abcdef" not in str(out)
    assert out["event"] == "GET https://api.telegram.org/bot***/getMe"
