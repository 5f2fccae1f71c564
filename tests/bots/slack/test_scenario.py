"""The issue's scenario over real HTTP: describe -> stream in a thread -> Publish -> domain -> usage,
in a first workspace and, after its OAuth install, in a second one."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from core.sealing import SecretBox
from core.storage.slack_tables import SlackInstallationRow, token_binding
from tests.bots.slack.conftest import TOKEN_KEY, Slack
from tests.bots.slack.flow import URL, action_ids, button_url, context_text, install
from tests.standins.slack_api import Call, SlackApiStandIn, Workspace

CHANNEL = "C0GENERAL"


async def test_describe_stream_publish_domain_usage_in_two_workspaces(
    serve, slack_settings, oauth_settings, slack_api
) -> None:
    async with serve(slack_settings(**oauth_settings)) as slack:
        for team, domain in (("T0000FIRST", "padaria-first.pt"), ("T000SECOND", "padaria-second.pt")):
            workspace = await install(slack, team, installer="UINSTALL", admins=("UALICE",))  # admins attach domains
            async with slack.rt.store.session() as session:
                row = await session.scalar(select(SlackInstallationRow).where(SlackInstallationRow.team_id == team))
            assert row is not None and row.revoked_at is None
            assert workspace.bot_token not in row.bot_token  # sealed at rest (PAGEMAGIC_TOKEN_KEY)
            box = SecretBox.from_settings(TOKEN_KEY)
            assert box.open(row.bot_token, token_binding("", team, "bot")) == workspace.bot_token
            assert row.bot_id == workspace.bot_id  # from auth.test during the install
            await _flow(slack, slack_api, workspace, domain)
    assert {c.token for c in slack_api.called("chat.stopStream")} == {
        w.bot_token for w in slack_api.workspaces.values()
    }


def _calls(api: SlackApiStandIn, method: str, workspace: Workspace) -> list[Call]:
    return [c for c in api.called(method) if c.token == workspace.bot_token]


async def _flow(slack: Slack, api: SlackApiStandIn, workspace: Workspace, domain: str) -> None:
    team = workspace.team_id
    # /pagemagic describe ... is acknowledged at once, the site streams into a thread
    response, _key = await slack.command(
        team, CHANNEL, "UALICE", "describe a bakery in Lisbon with a menu, opening hours and contact"
    )
    assert response.status_code == 200
    assert not _calls(api, "chat.stopStream", workspace), "the acknowledgement does not wait for the site"
    await api.wait_for(lambda: _calls(api, "chat.stopStream", workspace))
    start = _calls(api, "chat.startStream", workspace)[-1]
    root = api.messages[start.params["thread_ts"]]
    assert root.thread_ts is None and root.channel == CHANNEL and "<@UALICE>" in root.text
    assert (start.params["recipient_team_id"], start.params["recipient_user_id"]) == (team, "UALICE")
    streamed = api.thread(CHANNEL, root.ts)[-1]
    assert not streamed.streaming
    assert streamed.text.count("• ") >= 3  # one line per section as it was generated
    assert action_ids(streamed) == ["pagemagic_open", "pagemagic_publish", "pagemagic_undo"]
    assert "version 1" in context_text(streamed)
    async with httpx.AsyncClient(timeout=10) as browser:
        assert (await browser.get(button_url(streamed), follow_redirects=True)).status_code == 200

    # the Publish button publishes; the URL is posted in the thread and serves the site
    response, _key = await slack.action(team, CHANNEL, "UALICE", "pagemagic_publish", streamed.ts, root.ts)
    assert response.status_code == 200
    published = await api.wait_for(lambda: [m for m in api.thread(CHANNEL, root.ts) if "/s/" in m.text])
    # the job's progress (queued, building...) and then the URL are one message, updated in place
    assert [c for c in _calls(api, "chat.update", workspace) if c.params["ts"] == published[0].ts]
    assert any(e.get("url", "").startswith(URL.search(published[0].text).group(0)[:20])
               for b in published[0].blocks if b["type"] == "actions" for e in b["elements"])
    site_url = URL.search(published[0].text)
    assert site_url is not None
    async with httpx.AsyncClient(timeout=10) as browser:
        page = await browser.get(site_url.group(0), follow_redirects=True)
    assert page.status_code == 200 and "Lisbon" in page.text

    # /pagemagic domain NAME answers in the same thread
    response, _key = await slack.command(team, CHANNEL, "UALICE", f"domain {domain}")
    assert response.status_code == 200
    await api.wait_for(lambda: [m for m in api.thread(CHANNEL, root.ts) if domain in m.text])

    # /pagemagic usage is personal: an ephemeral answer through response_url
    response, key = await slack.command(team, CHANNEL, "UALICE", "usage")
    assert response.status_code == 200
    usage = await api.wait_for(lambda: slack.responses(key))
    assert usage[0]["response_type"] == "ephemeral"
    assert "generations" in usage[0]["text"] and "publishes" in usage[0]["text"]
