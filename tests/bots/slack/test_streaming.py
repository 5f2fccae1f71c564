"""Streaming limits: appends paced and buffered, fallback to postMessage + update, 429 honoured."""

from __future__ import annotations

import itertools

from tests.bots.slack.flow import action_ids, context_text


async def test_appends_are_buffered_and_paced(serve, slack_settings, slack_api) -> None:
    workspace = slack_api.add_workspace("T0SINGLE0")
    settings = slack_settings(
        slack_bot_token=workspace.bot_token, generator_delay=0.06, slack_update_interval=0.3
    )
    async with serve(settings) as slack:
        await slack.command("T0SINGLE0", "C1", "UALICE", "describe a bakery in Lisbon with a menu, prices, team and a FAQ")
        await slack_api.wait_for(lambda: slack_api.called("chat.stopStream"), timeout=20)
    pushes = slack_api.called("chat.startStream") + slack_api.called("chat.appendStream")
    final = next(m for m in slack_api.messages.values() if m.thread_ts and m.blocks)
    sections = final.text.count("• ")
    assert sections >= 4
    assert len(pushes) < sections  # several sections travel in one append
    gaps = [b.at - a.at for a, b in itertools.pairwise(pushes)]
    assert gaps and min(gaps) >= 0.25, gaps


async def test_without_streaming_it_posts_then_updates_about_once_per_interval(
    serve, slack_settings, slack_api
) -> None:
    workspace = slack_api.add_workspace("T0SINGLE0")
    slack_api.streaming = False  # chat.startStream answers unknown_method
    settings = slack_settings(slack_bot_token=workspace.bot_token, generator_delay=0.06, slack_update_interval=0.3)
    async with serve(settings) as slack:
        await slack.command("T0SINGLE0", "C1", "UALICE", "describe a bakery in Lisbon with a menu, prices, team and a FAQ")
        updated = await slack_api.wait_for(
            lambda: [c for c in slack_api.called("chat.update") if c.params.get("blocks")], timeout=20
        )
    message = slack_api.messages[updated[-1].params["ts"]]
    assert message.thread_ts is not None
    assert action_ids(message) == ["pagemagic_open", "pagemagic_publish", "pagemagic_undo"]
    assert "version 1" in context_text(message)
    writes = [c for c in slack_api.called("chat.postMessage") if c.params.get("thread_ts")] + slack_api.called(
        "chat.update"
    )
    writes.sort(key=lambda c: c.at)
    gaps = [b.at - a.at for a, b in itertools.pairwise(writes[:-1])]  # the final update is not paced
    assert gaps and min(gaps) >= 0.25, gaps
    assert not slack_api.called("chat.appendStream")


async def test_429_is_retried_after_retry_after(serve, slack_settings, slack_api) -> None:
    workspace = slack_api.add_workspace("T0SINGLE0")
    slack_api.rate_limits["chat.startStream"] = [1]
    async with serve(slack_settings(slack_bot_token=workspace.bot_token)) as slack:
        await slack.command("T0SINGLE0", "C1", "UALICE", "describe a bakery in Lisbon")
        await slack_api.wait_for(lambda: slack_api.called("chat.stopStream"), timeout=20)
    limited = next(c for c in slack_api.calls if c.status == 429)
    retried = slack_api.called("chat.startStream")[0]
    assert retried.at - limited.at >= 0.95
    assert next(m for m in slack_api.messages.values() if m.blocks and m.thread_ts).text.count("• ") >= 3
