"""Refinement from Slack: thread replies and mentions change the channel's site; a DM has its own."""

from __future__ import annotations

from tests.bots.slack.flow import context_text


async def test_thread_reply_mention_and_dm(serve, slack_settings, slack_api) -> None:
    ws = slack_api.add_workspace("T0SINGLE0")
    async with serve(slack_settings(slack_bot_token=ws.bot_token)) as slack:
        await slack.command("T0SINGLE0", "C1", "UALICE", "describe a bakery in Lisbon with a menu and opening hours")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 1)
        root = slack_api.called("chat.startStream")[0].params["thread_ts"]

        # a teammate replies in the site's thread: the same site gets version 2 in the same thread
        reply = {"type": "message", "channel": "C1", "channel_type": "channel", "user": "UBOB",
                 "text": "make it dark green and add a FAQ", "ts": "1.000100", "thread_ts": root,
                 "parent_user_id": ws.bot_user_id, "team": "T0SINGLE0"}
        assert (await slack.event("T0SINGLE0", ws.bot_user_id, reply)).status_code == 200
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 2)
        assert slack_api.called("chat.startStream")[1].params["thread_ts"] == root
        assert "version 2" in context_text(slack_api.thread("C1", root)[-1])

        # a reply under someone else's message is not for us
        other = dict(reply, ts="1.000200", thread_ts="1.000050", parent_user_id="UCAROL", text="lunch?")
        await slack.event("T0SINGLE0", ws.bot_user_id, other)

        # a mention in the thread refines the same site again
        mention = {"type": "app_mention", "channel": "C1", "user": "UALICE", "ts": "1.000300", "thread_ts": root,
                   "text": f"<@{ws.bot_user_id}> add a team section", "team": "T0SINGLE0"}
        await slack.event("T0SINGLE0", ws.bot_user_id, mention)
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 3)
        assert "version 3" in context_text(slack_api.thread("C1", root)[-1])

        # a DM starts a personal site: version 1, answered in the DM
        dm = {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": "UALICE",
              "text": "a flower shop in Porto", "ts": "1.000400", "team": "T0SINGLE0"}
        await slack.event("T0SINGLE0", ws.bot_user_id, dm)
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 4)
        assert "version 1" in context_text(slack_api.thread("D0ALICE", "1.000400")[-1])
        assert len(slack_api.called("chat.stopStream")) == 4  # the stranger's thread got nothing


async def test_a_retry_after_a_timeout_is_not_handled_twice(serve, slack_settings, slack_api) -> None:
    ws = slack_api.add_workspace("T0RETRY00")
    async with serve(slack_settings(slack_bot_token=ws.bot_token)) as slack:
        await slack.command("T0RETRY00", "C1", "UALICE", "describe a bakery in Lisbon with a menu")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 1)
        root = slack_api.called("chat.startStream")[0].params["thread_ts"]
        reply = {"type": "message", "channel": "C1", "channel_type": "channel", "user": "UBOB",
                 "text": "make it dark green", "ts": "1.000100", "thread_ts": root,
                 "parent_user_id": ws.bot_user_id, "team": "T0RETRY00"}  # fmt: skip
        assert (await slack.event("T0RETRY00", ws.bot_user_id, reply, event_id="Ev0RETRY01")).status_code == 200
        # Slack did not see our 200 in time and sends the same event again: acknowledged, not redone
        timeout = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        again = await slack.event("T0RETRY00", ws.bot_user_id, reply, event_id="Ev0RETRY01", headers=timeout)
        assert again.status_code == 200
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 2)
        # a retry after a failed delivery is the first we see of that event: it is handled
        failed = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
        faq = dict(reply, ts="1.000200", text="add a FAQ")
        assert (await slack.event("T0RETRY00", ws.bot_user_id, faq, event_id="Ev0RETRY02", headers=failed)).status_code == 200
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 3)
        assert "version 3" in context_text(slack_api.thread("C1", root)[-1])
        # one more message in the thread, handled after all of the above: had the timed-out retry been
        # redone too, this would be the fifth stream and version 5
        prices = dict(reply, ts="1.000300", text="make it dark blue")
        assert (await slack.event("T0RETRY00", ws.bot_user_id, prices, event_id="Ev0RETRY03")).status_code == 200
        await slack_api.wait_for(lambda: "version 4" in context_text(slack_api.thread("C1", root)[-1]))
        assert len(slack_api.called("chat.stopStream")) == 4
