"""Streaming progress into a chat: a draft in private chats, one edited message elsewhere.

Sections can arrive faster than Telegram lets us write (about once a second
per chat), so frames are coalesced: whatever is newest when the limiter opens
is sent, and frames made stale by the final message are never sent at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bots.telegram.outbox import Outbox
from bots.telegram.port import ChatUnreachable, MethodUnavailable, TelegramError
from bots.telegram.render import tail_html

log = logging.getLogger("pagemagic.telegram")


class Progress:
    def __init__(self, outbox: Outbox, chat_id: int, group: bool, draft_id: int | None) -> None:
        self.outbox = outbox
        self.chat_id = chat_id
        self.group = group
        self.draft_id = draft_id  # None: edit a message in place instead of drafting
        self.message_id: int | None = None  # the edited progress message, once sent
        self.unreachable = False
        self.drafts_unavailable = False
        self._lines: list[str] = []
        self._shown = ""
        self._dirty = asyncio.Event()
        self._closed = False
        self._pushing = False
        self._task: asyncio.Task[None] | None = None

    def add(self, line: str) -> None:
        self._lines.append(line)
        self._dirty.set()
        if self._task is None and not self.unreachable:
            self._task = asyncio.create_task(self._run())

    async def finish(self) -> None:
        """Stop streaming; a frame being written is completed, one still waiting is dropped."""
        self._closed = True
        if self._task is None:
            return
        if not self._pushing:
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _run(self) -> None:
        while not self._closed and not self.unreachable:
            await self._dirty.wait()
            self._dirty.clear()
            if tail_html("\n".join(self._lines)) == self._shown:
                continue
            # Hold the chat's slot before taking the text: the frame sent is the newest one.
            async with self.outbox.limiter.slot(self.chat_id, self.group, draft=True):
                html = tail_html("\n".join(self._lines))
                self._pushing = True
                try:
                    await self._push(html)
                    self._shown = html
                except ChatUnreachable:
                    self.unreachable = True
                except MethodUnavailable:
                    log.info("this Bot API server has no sendMessageDraft; editing a message instead")
                    self.drafts_unavailable = True
                    self.draft_id = None
                    self._dirty.set()
                except TelegramError as error:  # a lost frame is harmless; the final message follows
                    log.info("progress frame not shown: %s", error.code)
                finally:
                    self._pushing = False

    async def _push(self, html: str) -> None:
        if self.draft_id is not None:
            await self.outbox.draft(self.chat_id, self.draft_id, html)
        elif self.message_id is None:
            self.message_id = await self.outbox.send(self.chat_id, self.group, html, held=True)
        else:
            await self.outbox.edit(self.chat_id, self.group, self.message_id, html, held=True)
