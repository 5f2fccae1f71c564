"""The Slack stand-in refuses what Slack refuses: each rule shown by a wrong call, made with the real
``slack_sdk`` client, answered with Slack's error code (HTTP 200, ``ok: false``), never a 500."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tests.standins.slack_api import SlackApiStandIn


@pytest.fixture
async def slack() -> AsyncIterator[tuple[SlackApiStandIn, AsyncWebClient]]:
    api = SlackApiStandIn()
    await api.start()
    workspace = api.add_workspace("T0RULES")
    api.channels.update({"C1", "C2"})
    try:
        yield api, AsyncWebClient(token=workspace.bot_token, base_url=api.api_base)
    finally:
        await api.stop()


async def refused(call: object) -> tuple[int, str]:
    with pytest.raises(SlackApiError) as error:
        await call  # type: ignore[misc]
    return error.value.response.status_code, error.value.response["error"]


async def started(client: AsyncWebClient, channel: str = "C1") -> str:
    root = await client.chat_postMessage(channel=channel, text="root")
    stream = await client.api_call("chat.startStream", json={
        "channel": channel, "thread_ts": root["ts"], "recipient_team_id": "T0RULES", "recipient_user_id": "U1"})
    return str(stream["ts"])


async def test_post_message_to_an_unknown_channel_is_channel_not_found(slack) -> None:  # type: ignore[no-untyped-def]
    api, client = slack
    assert await refused(client.chat_postMessage(channel="C0NOWHERE", text="hello")) == (200, "channel_not_found")
    assert not api.messages


async def test_start_stream_without_a_channel_is_slacks_error_not_a_500(slack) -> None:  # type: ignore[no-untyped-def]
    _api, client = slack
    call = client.api_call("chat.startStream", json={"thread_ts": "1.000001"})
    assert await refused(call) == (200, "channel_not_found")


async def test_append_stream_needs_the_streams_channel_and_some_text(slack) -> None:  # type: ignore[no-untyped-def]
    api, client = slack
    ts = await started(client)
    assert await refused(client.api_call("chat.appendStream", json={"ts": ts, "markdown_text": "x"})) == (
        200, "channel_not_found")
    assert await refused(client.api_call("chat.appendStream", json={"channel": "C2", "ts": ts, "markdown_text": "x"})) \
        == (200, "message_not_found")
    assert await refused(client.api_call("chat.appendStream", json={"channel": "C1", "ts": ts, "markdown_text": ""})) \
        == (200, "no_text")
    assert api.messages[ts].text == ""  # nothing was appended by the refused calls
    await client.api_call("chat.appendStream", json={"channel": "C1", "ts": ts, "markdown_text": "ok"})
    assert api.messages[ts].text == "ok"


async def test_stop_stream_needs_the_streams_channel(slack) -> None:  # type: ignore[no-untyped-def]
    api, client = slack
    ts = await started(client)
    assert await refused(client.api_call("chat.stopStream", json={"ts": ts})) == (200, "channel_not_found")
    assert await refused(client.api_call("chat.stopStream", json={"channel": "C2", "ts": ts})) == (
        200, "message_not_found")
    assert api.messages[ts].streaming  # still open: the wrong calls stopped nothing
