"""Writing a growing answer into a Slack thread without flooding the API.

Preferred: slack_sdk's ``chat_stream`` helper (chat.startStream / appendStream /
stopStream, with the recipient team and user that channels require). Where the
workspace or method does not support streaming, the same text goes out as one
``chat.postMessage`` then ``chat.update`` calls. Either way text is buffered and
pushed at most once per ``interval`` seconds; 429 answers are retried after
their ``Retry-After`` by the client's rate-limit retry handler.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_chat_stream import AsyncChatStream
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.blocks import text_section

# Errors that mean "this place cannot take a stream": fall back to post + update.
STREAM_UNSUPPORTED = frozenset(
    {
        "unknown_method",
        "not_implemented",
        "method_not_supported_for_channel_type",
        "feature_not_enabled",
        "not_allowed_token_type",
        "streaming_not_supported",
    }
)


def api_error(exc: SlackApiError) -> str:
    return str(exc.response.get("error", "")) if exc.response is not None else ""


class ThreadWriter:
    """A message in a thread that grows as text is added, then ends with Block Kit."""

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        channel: str,
        thread_ts: str,
        team: str,
        user: str,
        streaming: bool,
        interval: float,
    ) -> None:
        self._client = client
        self._channel = channel
        self._thread_ts = thread_ts
        self._team = team
        self._user = user
        self._streaming = streaming
        self._interval = interval
        self._text = ""
        self._sent = 0
        self._last_push = 0.0
        self._stream: AsyncChatStream | None = None
        self._ts: str | None = None  # the fallback message
        self._lock = asyncio.Lock()
        self._timer: asyncio.Task[None] | None = None
        self._error: BaseException | None = None
        self.calls = 0

    @property
    def mode(self) -> str:
        return "stream" if self._streaming else "update"

    async def add(self, text: str) -> None:
        """Queue ``text``; it goes out now if the last push is old enough, else with the next one."""
        self._raise_pending()
        self._text += text
        wait = self._interval - (time.monotonic() - self._last_push)
        if wait <= 0:
            async with self._lock:
                await self._push()
        elif self._timer is None or self._timer.done():
            self._timer = asyncio.create_task(self._push_later(wait))

    async def finish(self, blocks: list[dict[str, Any]], fallback_text: str) -> None:
        """Close the message: remaining text plus ``blocks`` (buttons, version...)."""
        await self._cancel_timer()
        self._raise_pending()
        async with self._lock:
            if self._streaming:
                try:
                    stream = await self._open_stream()
                    rest = self._text[self._sent :]
                    self.calls += 1
                    await stream.stop(markdown_text=rest or None, blocks=blocks)
                    self._sent = len(self._text)
                    return
                except SlackApiError as exc:
                    if api_error(exc) not in STREAM_UNSUPPORTED:
                        raise
                    self._streaming = False
            final = [text_section(self._text.strip()), *blocks] if self._text.strip() else blocks
            self.calls += 1
            if self._ts is None:
                await self._client.chat_postMessage(
                    channel=self._channel, thread_ts=self._thread_ts, text=fallback_text, blocks=final
                )
            else:
                await self._client.chat_update(channel=self._channel, ts=self._ts, text=fallback_text, blocks=final)

    async def close(self) -> None:
        await self._cancel_timer()

    async def _push_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            async with self._lock:
                await self._push()
        except SlackApiError as exc:  # surfaced by the next add/finish, in the handler's context
            self._error = exc

    async def _push(self) -> None:
        pending = self._text[self._sent :]
        if not pending:
            return
        if self._streaming:
            try:
                stream = await self._open_stream()
                self.calls += 1
                await stream.append(markdown_text=pending)
                self._sent = len(self._text)
                self._last_push = time.monotonic()
                return
            except SlackApiError as exc:
                if api_error(exc) not in STREAM_UNSUPPORTED:
                    raise
                self._streaming = False
        self.calls += 1
        if self._ts is None:
            response = await self._client.chat_postMessage(
                channel=self._channel, thread_ts=self._thread_ts, text=self._text
            )
            self._ts = str(response["ts"])
        else:
            await self._client.chat_update(channel=self._channel, ts=self._ts, text=self._text)
        self._sent = len(self._text)
        self._last_push = time.monotonic()

    async def _open_stream(self) -> AsyncChatStream:
        if self._stream is None:
            # buffer_size=1: the helper sends whatever we hand it; pacing is ours (time-based)
            self._stream = await self._client.chat_stream(
                channel=self._channel,
                thread_ts=self._thread_ts,
                recipient_team_id=self._team,
                recipient_user_id=self._user,
                buffer_size=1,
            )
        return self._stream

    async def _cancel_timer(self) -> None:
        if self._timer is not None and not self._timer.done():
            self._timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
        self._timer = None

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
