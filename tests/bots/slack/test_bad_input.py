"""Bad input from Slack: forged or stale requests, unknown words, strangers, non-admins, revoked tokens."""

from __future__ import annotations

import socket
import time

from sqlalchemy import func, select

from core.storage.slack_tables import SlackInstallationRow
from core.storage.tables import ConversationRow, SiteRow
from tests.bots.slack.flow import install


async def _conversations(slack) -> int:
    async with slack.rt.store.session() as session:
        return int(await session.scalar(select(func.count()).select_from(ConversationRow)) or 0)


async def test_wrong_signature_or_stale_timestamp_is_401_and_not_processed(
    serve, slack_settings, oauth_settings, slack_api
) -> None:
    async with serve(slack_settings(**oauth_settings)) as slack:
        await install(slack, "T0000FIRST", "UINSTALL")
        before = len(slack_api.calls)
        forged, _ = await slack.command("T0000FIRST", "C1", "UALICE", "describe a bakery", signature="v0=" + "0" * 64)
        stale_stamp = int(time.time()) - 6 * 60  # correctly signed, but older than five minutes
        stale, _ = await slack.command("T0000FIRST", "C1", "UALICE", "describe a bakery", timestamp=stale_stamp)
        assert (forged.status_code, stale.status_code) == (401, 401)
        # A signed request sent after them is answered: anything the refused ones set off would have
        # happened by now too. Only the signed one reached Slack.
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "help")
        await slack_api.wait_for(lambda: slack.responses(key))
        assert [r.key for r in slack_api.responses] == [key]
        assert not [c for c in slack_api.calls[before:] if c.method.startswith("chat.")]  # no site streamed
        async with slack.rt.store.session() as session:
            assert await session.scalar(select(func.count()).select_from(SiteRow)) == 0


async def test_unknown_subcommand_and_help_show_help(serve, slack_settings, oauth_settings, slack_api) -> None:
    async with serve(slack_settings(**oauth_settings)) as slack:
        await install(slack, "T0000FIRST", "UINSTALL")
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "frobnicate")
        answer = (await slack_api.wait_for(lambda: slack.responses(key)))[0]
        assert answer["response_type"] == "ephemeral"
        assert "`/pagemagic frobnicate`" in answer["text"] and "/pagemagic publish" in answer["text"]
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "")
        assert "/pagemagic domain NAME" in (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]


async def test_workspace_that_never_installed_gets_a_clear_message(
    serve, slack_settings, oauth_settings, slack_api
) -> None:
    with socket.socket() as probe:  # a known port, so the public URL (and the install link) is known
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    public = f"http://127.0.0.1:{port}"
    async with serve(slack_settings(**oauth_settings, port=port, public_url=public)) as slack:
        response, key = await slack.command("T0STRANGER", "C1", "UBOB", "describe a bakery")
        assert response.status_code == 200
        text = (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
        assert "isn't installed in this workspace" in text and "não está instalado" in text
        assert f"{public}/slack/install" in text
        assert not slack_api.called("chat.postMessage") and await _conversations(slack) == 0


async def test_non_admin_cannot_publish_when_limited_and_is_told_why(
    serve, slack_settings, oauth_settings, slack_api
) -> None:
    settings = slack_settings(**oauth_settings, slack_publish_admins_only=True)
    async with serve(settings) as slack:
        await install(slack, "T0000FIRST", "UBOSS", admins=("UBOSS",))
        await slack.command("T0000FIRST", "C1", "UALICE", "describe a flower shop in Porto with prices")
        await slack_api.wait_for(lambda: slack_api.called("chat.stopStream"))
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "publish")
        refusal = (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
        assert "Only workspace admins" in refusal and "/pagemagic publish" in refusal
        assert slack_api.called("users.info")[-1].params["user"] == "UALICE"
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "domain flores.pt")
        assert "Only workspace admins" in (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
        assert not [m for m in slack_api.messages.values() if "/s/" in m.text]
        # an admin may
        await slack.command("T0000FIRST", "C1", "UBOSS", "publish")
        await slack_api.wait_for(lambda: [m for m in slack_api.messages.values() if "/s/" in m.text])


async def test_revoked_token_is_reported_once_and_the_installation_marked(
    serve, slack_settings, oauth_settings, slack_api
) -> None:
    async with serve(slack_settings(**oauth_settings)) as slack:
        workspace = await install(slack, "T0000FIRST", "UINSTALL")
        slack_api.revoked.add(workspace.bot_token)
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "describe a bakery in Lisbon")
        first = (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
        assert "access to this workspace was revoked" in first
        async with slack.rt.store.session() as session:
            row = await session.scalar(select(SlackInstallationRow).where(SlackInstallationRow.team_id == "T0000FIRST"))
        assert row is not None and row.revoked_at is not None and row.revoked_reason == "invalid_auth"
        # later commands are not attempted with the dead token; they get the install message
        calls = len(slack_api.calls)
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "usage")
        again = (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
        assert "isn't installed" in again
        assert len(slack_api.calls) == calls
        revoked_notes = [r for r in slack_api.responses if "revoked" in r.params.get("text", "")]
        assert len(revoked_notes) == 1
        # reinstalling brings the workspace back
        await install(slack, "T0000FIRST", "UINSTALL")
        _, key = await slack.command("T0000FIRST", "C1", "UALICE", "usage")
        assert "generations" in (await slack_api.wait_for(lambda: slack.responses(key)))[0]["text"]
