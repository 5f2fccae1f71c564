"""The SQLAlchemy installation and OAuth-state stores, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import logging

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from bots.slack.app import required_token_box
from bots.slack.installations import SqlInstallationStore, SqlOAuthStateStore
from core.errors import TokenKeyMissing
from core.sealing import SecretBox
from core.settings import Settings
from core.storage.slack_tables import SlackInstallationRow
from core.storage.store import Store

OLD_KEY, NEW_KEY = b"o" * 32, b"n" * 32


def _installation(token: str) -> Installation:
    return Installation(
        app_id="A1", team_id="T1", team_name="One", bot_token=token, bot_id="B1", bot_user_id="UB1",
        bot_scopes="commands,chat:write", user_id="UINSTALL",
    )


async def test_save_find_revoke_reinstall(store: Store) -> None:
    installations = SqlInstallationStore(store.engine, SecretBox(NEW_KEY))
    assert await installations.async_find_bot(enterprise_id=None, team_id="T1") is None
    await installations.async_save(_installation("xoxb-old"))
    await installations.async_save(_installation("xoxb-new"))  # a reinstall replaces the row
    bot = await installations.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-new" and bot.bot_scopes == ["commands", "chat:write"]
    found = await installations.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None and found.user_id == "UINSTALL"
    assert await installations.async_find_installation(enterprise_id=None, team_id="T1", user_id="UOTHER") is None

    assert await installations.mark_revoked(None, "T1", "invalid_auth") is True
    assert await installations.mark_revoked(None, "T1", "invalid_auth") is False  # reported once
    assert await installations.revoked(None, "T1")
    assert await installations.async_find_bot(enterprise_id=None, team_id="T1") is None

    await installations.async_save(_installation("xoxb-again"))
    assert not await installations.revoked(None, "T1")
    assert (await installations.async_find_bot(enterprise_id=None, team_id="T1")).bot_token == "xoxb-again"  # type: ignore[union-attr]


async def test_oauth_state_is_single_use(store: Store) -> None:
    states = SqlOAuthStateStore(store.engine)
    state = await states.async_issue()
    assert await states.async_consume(state) is True
    assert await states.async_consume(state) is False
    assert await states.async_consume("forged") is False
    expired = SqlOAuthStateStore(store.engine, expiration_seconds=-1)
    assert await expired.async_consume(await expired.async_issue()) is False



async def _stored(store: Store, team: str) -> SlackInstallationRow:
    async with store.session() as session:
        row = await session.scalar(select(SlackInstallationRow).where(SlackInstallationRow.team_id == team))
    assert row is not None
    return row


async def test_tokens_are_encrypted_at_rest(store: Store) -> None:
    installations = SqlInstallationStore(store.engine, SecretBox(NEW_KEY))
    secret = Installation(
        app_id="A1", team_id="T1", team_name="One", bot_token="xoxb-very-secret", bot_id="B1", bot_user_id="UB1",
        bot_scopes="commands", user_id="U1", user_token="xoxp-also-secret",
    )
    await installations.async_save(secret)
    row = await _stored(store, "T1")
    assert "very-secret" not in row.bot_token and row.bot_token.startswith("pm1:")
    assert row.user_token is not None and "also-secret" not in row.user_token
    found = await installations.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None and found.bot_token == "xoxb-very-secret" and found.user_token == "xoxp-also-secret"


async def test_a_rotated_key_still_opens_old_tokens_and_seals_them_again(store: Store) -> None:
    await SqlInstallationStore(store.engine, SecretBox(OLD_KEY)).async_save(_installation("xoxb-before-rotation"))
    sealed_before = (await _stored(store, "T1")).bot_token
    rotated = SqlInstallationStore(store.engine, SecretBox(NEW_KEY, previous=(OLD_KEY,)))
    bot = await rotated.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-before-rotation"
    sealed_after = (await _stored(store, "T1")).bot_token
    assert sealed_after != sealed_before and not SecretBox(NEW_KEY).stale(sealed_after)  # now under the new key
    only_new = SqlInstallationStore(store.engine, SecretBox(NEW_KEY))  # the old key can now be dropped
    assert (await only_new.async_find_bot(enterprise_id=None, team_id="T1")) is not None


async def test_a_token_no_configured_key_opens_is_reported_not_used(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    await SqlInstallationStore(store.engine, SecretBox(OLD_KEY)).async_save(_installation("xoxb-lost-key"))
    stranger = SqlInstallationStore(store.engine, SecretBox(NEW_KEY))
    with caplog.at_level(logging.ERROR):
        assert await stranger.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert "PAGEMAGIC_TOKEN_KEY_PREVIOUS" in caplog.text and "reinstall" in caplog.text
    assert "xoxb-lost-key" not in caplog.text
    await stranger.async_save(_installation("xoxb-reinstalled"))  # a reinstall stores it under the current key
    assert (await stranger.async_find_bot(enterprise_id=None, team_id="T1")).bot_token == "xoxb-reinstalled"  # type: ignore[union-attr]


def test_installs_from_many_workspaces_need_the_key() -> None:
    settings = Settings(slack_signing_secret="s", slack_client_id="1.2", slack_client_secret="c")  # type: ignore[arg-type]
    with pytest.raises(TokenKeyMissing, match="PAGEMAGIC_TOKEN_KEY"):
        required_token_box(settings)
    with pytest.raises(TokenKeyMissing, match="32 bytes"):
        required_token_box(Settings(token_key="c2hvcnQ="))  # type: ignore[arg-type]
    keyed = Settings(token_key=base64.b64encode(NEW_KEY).decode())  # type: ignore[arg-type]
    assert required_token_box(keyed).current == SecretBox(NEW_KEY).current
