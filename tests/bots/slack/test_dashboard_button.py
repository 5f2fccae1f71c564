"""Issue 18: a Dashboard button under each preview in a direct message, through the Slack stand-in.

Pressing it sends the presser a one-time sign-in link, visible only to them; a channel's
previews have no such button (a channel's site is the team's, and a sign-in a person's).
"""

from __future__ import annotations

from tests.bots.slack.flow import action_ids


async def test_a_dm_preview_has_a_dashboard_button_that_sends_a_sign_in_link(serve, slack_settings, slack_api) -> None:  # type: ignore[no-untyped-def]
    ws = slack_api.add_workspace("T0DASH000")
    async with serve(slack_settings(slack_bot_token=ws.bot_token)) as slack:
        await slack.command("T0DASH000", "C1", "UALICE", "describe a bakery in Lisbon with a menu and opening hours")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 1)
        root = slack_api.called("chat.startStream")[0].params["thread_ts"]
        assert "pagemagic_publish" in action_ids(slack_api.thread("C1", root)[-1])
        assert "pagemagic_dashboard" not in action_ids(slack_api.thread("C1", root)[-1])  # a channel: none

        dm = {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": "UALICE",
              "text": "a flower shop in Porto", "ts": "1.000400", "team": "T0DASH000"}  # fmt: skip
        await slack.event("T0DASH000", ws.bot_user_id, dm)
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 2)
        preview = slack_api.thread("D0ALICE", "1.000400")[-1]
        assert "pagemagic_dashboard" in action_ids(preview)

        _response, key = await slack.action("T0DASH000", "D0ALICE", "UALICE", "pagemagic_dashboard", preview.ts, "1.000400")
        await slack_api.wait_for(lambda: slack.responses(key))
        [answer] = slack.responses(key)
        assert answer["response_type"] == "ephemeral"  # only the presser sees the link
        [link] = [e["url"] for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
        assert link.startswith(slack.rt.base_url + "/auth/link#")
        user, _payload = await slack.rt.studio.accounts.links.redeem(link.split("#", 1)[1])
        identity = await slack.rt.studio.accounts.directory.find("slack", "T0DASH000", "UALICE")
        assert identity is not None and identity.user_id == user
