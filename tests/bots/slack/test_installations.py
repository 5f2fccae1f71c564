"""The SQLAlchemy installation and OAuth-state stores, on SQLite and PostgreSQL."""

from __future__ import annotations

from slack_sdk.oauth.installation_store import Installation

from bots.slack.installations import SqlInstallationStore, SqlOAuthStateStore
from core.storage.store import Store


def _installation(token: str) -> Installation:
    return Installation(
        app_id="A1", team_id="T1", team_name="One", bot_token=token, bot_id="B1", bot_user_id="UB1",
        bot_scopes="commands,chat:write", user_id="UINSTALL",
    )


async def test_save_find_revoke_reinstall(store: Store) -> None:
    installations = SqlInstallationStore(store.engine)
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
