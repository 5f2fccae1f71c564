"""A local Telegram Bot API server: the real wire protocol on 127.0.0.1, every call recorded.

``POST /bot<token>/<method>`` with a JSON, urlencoded or multipart body is
answered ``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": ...,
"description": ...}`` exactly as api.telegram.org does, so aiogram and
python-telegram-bot talk to it unchanged through their base-URL settings.

Tests play the users (``send_text``, ``send_sticker``, ``press``), inject
faults (``fail``, ``block``), and read what the bot did from ``calls`` and
``chats``. Updates go out through ``getUpdates`` long polling with offsets,
or, once ``setWebhook`` was called, are POSTed to the webhook with the
secret header (``webhook_target`` stands for the reverse proxy in front of
the bot, mapping the public URL to the local server).

It refuses what Telegram refuses, with the Bot API's descriptions: ``setWebhook`` to
anything but an HTTPS URL on port 443, 80, 88 or 8443; ``answerCallbackQuery`` for a
query that was never pressed or was answered already; ``callback_data`` outside 1-64 bytes
(``BUTTON_DATA_INVALID``); empty, unparsable or over-long text.
"""

from __future__ import annotations

import asyncio
import html
import io
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import httpx
from aiohttp import web
from PIL import Image

from bots.server import bind_socket, url_of

MESSAGE_METHODS = ("sendMessage", "editMessageText", "sendMessageDraft")
_ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler",
                 "span", "blockquote", "tg-emoji"}  # fmt: skip
_JSON_FIELDS = {"reply_markup", "commands", "scope", "allowed_updates", "link_preview_options", "entities"}
_INT_FIELDS = {"chat_id", "message_id", "draft_id", "offset", "limit", "timeout", "max_connections"}


@dataclass
class Call:
    method: str
    token: str
    params: dict[str, Any]
    at: float
    status: int = 200

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int) else None


@dataclass
class Fault:
    method: str
    status: int
    description: str
    retry_after: int | None = None
    chat_id: int | None = None
    times: int = 1


@dataclass
class ChatLog:
    """What a chat shows: its messages by id (text and buttons as last edited)."""

    messages: dict[int, dict[str, Any]] = field(default_factory=dict)

    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages.values()]


class _EntityChecker(HTMLParser):
    """Telegram's HTML parse mode: a few tags, balanced; anything else is 'can't parse entities'."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.error: str | None = None
        self.plain: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            self.error = self.error or f'unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = self.error or f'unmatched end tag "{tag}"'

    def handle_data(self, data: str) -> None:
        self.plain.append(data)


def check_html(text: str) -> tuple[str | None, str]:
    """(error or None, the text as the user sees it)."""
    checker = _EntityChecker()
    checker.feed(text)
    checker.close()
    if checker.stack and checker.error is None:
        checker.error = f'unclosed tag "{checker.stack[-1]}"'
    return checker.error, html.unescape("".join(checker.plain))


class TelegramStandIn:
    def __init__(
        self, token: str = "123456:TEST-token-for-the-stand-in", username: str = "PageMagicBot"
    ) -> None:
        self.token = token
        self.bot = {"id": int(token.split(":")[0]), "is_bot": True, "first_name": "Page Magic", "username": username,
                    "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}  # fmt: skip
        self.calls: list[Call] = []
        self.chats: dict[int, ChatLog] = {}
        self.drafts_supported = True
        self.webhook: dict[str, Any] | None = None
        self.menus: dict[str | None, list[tuple[str, str]]] = {}
        """The command menu last set per language_code (None: the default), as (command, description)."""
        self.webhook_target: str | None = (
            None  # the "reverse proxy": replaces scheme://host of the webhook URL
        )
        self.webhook_answers: list[int] = []
        self._faults: list[Fault] = []
        self._queries: set[str] = set()  # callback queries pressed and not yet answered
        self.documents: dict[int, list[dict[str, Any]]] = {}  # chat -> files sent (filename, data, caption)
        self.photos: dict[int, list[dict[str, Any]]] = {}  # chat -> photos sent (filename, data, caption)
        self.admins: dict[int, dict[int, str]] = {}  # group chat -> {user id: "creator" | "administrator"}
        self._blocked: set[int] = set()
        self._updates: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()
        self._update_ids = itertools.count(10_000)
        self._message_ids = itertools.count(1)
        self._deliveries: set[asyncio.Task[None]] = set()
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, bytes)
        self.downloads: list[str] = []  # file paths fetched through /file/bot<token>/...
        self._file_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.url = ""

    # -- server lifecycle --------------------------------------------------------------------

    async def __aenter__(self) -> TelegramStandIn:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = bind_socket("127.0.0.1", 0, fall_back=False)
        await web.SockSite(self._runner, sock).start()
        self.url = url_of(sock)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True
        self._arrived.set()  # wake long polls so the server can close at once
        for task in self._deliveries:
            task.cancel()
        await asyncio.gather(*self._deliveries, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()

    # -- users ---------------------------------------------------------------------------------

    def user(self, user_id: int, language_code: str | None = "en", name: str = "Ana") -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name}
        if language_code is not None:
            user["language_code"] = language_code
        return user

    def send_text(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            extra["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self._send(chat_id, extra, **kwargs)

    def send_sticker(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        sticker = {"file_id": "CAACAgIAAx", "file_unique_id": "AgAD", "type": "regular", "width": 512,
                   "height": 512, "is_animated": False, "is_video": False}  # fmt: skip
        return self._send(chat_id, {"sticker": sticker}, **kwargs)

    def send_voice(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        return self._send(
            chat_id, {"voice": {"file_id": "AwACAgIAAx", "file_unique_id": "AgAE", "duration": 3}}, **kwargs
        )

    def send_document(self, chat_id: int, **kwargs: Any) -> dict[str, Any]:
        document = {"file_id": "BQACAgIAAx", "file_unique_id": "AgAF", "file_name": "brief.pdf"}
        return self._send(chat_id, {"document": document, "caption": "my site"}, **kwargs)

    # -- pictures: files the bot fetches with getFile and /file/bot<token>/<path> ----------------

    def add_file(self, data: bytes, folder: str, ext: str) -> dict[str, Any]:
        """Keep ``data`` as Telegram keeps an upload; returns the file fields a message carries."""
        number = next(self._file_ids)
        file_id = f"AgACAgQAAx{number:06d}"
        self.files[file_id] = (f"{folder}/file_{number}.{ext}", data)
        return {"file_id": file_id, "file_unique_id": f"AQAD{number}", "file_size": len(data)}

    def send_photo(self, chat_id: int, data: bytes, caption: str | None = None,
                   media_group_id: str | None = None, **kwargs: Any) -> dict[str, Any]:  # fmt: skip
        """A photo as Telegram delivers it: several sizes, the largest last (a JPEG of the original)."""
        sizes = []
        with Image.open(io.BytesIO(data)) as image:
            for side in (90, 320, 800):
                small = image.convert("RGB")
                small.thumbnail((side, side))
                out = io.BytesIO()
                small.save(out, "JPEG", quality=80)
                sizes.append({**self.add_file(out.getvalue(), "photos", "jpg"), "width": small.width, "height": small.height})
            sizes.append({**self.add_file(data, "photos", "jpg"), "width": image.width, "height": image.height})
        content: dict[str, Any] = {"photo": sizes}
        if caption:
            content["caption"] = caption
        if media_group_id:
            content["media_group_id"] = media_group_id
        return self._send(chat_id, content, **kwargs)

    def send_file(self, chat_id: int, data: bytes, file_name: str, mime_type: str,
                  caption: str | None = None, **kwargs: Any) -> dict[str, Any]:  # fmt: skip
        """An image sent "as a file": full resolution, the name and type the phone gave it."""
        document = {**self.add_file(data, "documents", file_name.rsplit(".", 1)[-1]), "file_name": file_name,
                    "mime_type": mime_type}  # fmt: skip
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        return self._send(chat_id, content, **kwargs)

    def send_album(self, chat_id: int, pictures: list[bytes], caption: str | None = None, **kwargs: Any) -> None:
        """Several photos sent together: one update each, sharing a ``media_group_id``, the caption on the first."""
        group = f"1334{next(self._file_ids):08d}"
        for n, data in enumerate(pictures):
            self.send_photo(chat_id, data, caption if n == 0 else None, media_group_id=group, **kwargs)

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        path = request.match_info["path"]
        for file_path, data in self.files.values():
            if file_path == path:
                self.downloads.append(path)
                return web.Response(body=data, content_type="application/octet-stream")
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    def press(self, chat_id: int, message_id: int, data: str, user_id: int | None = None,
              language_code: str | None = "en") -> dict[str, Any]:  # fmt: skip
        """A press on an inline button under one of the bot's messages."""
        shown = self.chats[chat_id].messages[message_id]
        message = {"message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id),
                   "from": self.bot, "text": shown["text"]}  # fmt: skip
        query_id = str(next(self._update_ids))
        self._queries.add(query_id)
        query = {"id": query_id, "from": self.user(user_id or chat_id, language_code),
                 "chat_instance": f"ci{chat_id}", "data": data, "message": message}  # fmt: skip
        return self.push({"callback_query": query})

    def push(self, body: dict[str, Any], update_id: int | None = None) -> dict[str, Any]:
        update = {"update_id": update_id if update_id is not None else next(self._update_ids), **body}
        if self.webhook is not None:
            task = asyncio.get_running_loop().create_task(self.deliver(update))
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)
        else:
            self._updates.append(update)
            self._arrived.set()
        return update

    async def deliver(self, update: dict[str, Any], secret: str | None = None) -> int:
        """POST one update to the webhook as Telegram does; returns the HTTP status the bot answered."""
        assert self.webhook is not None, "no webhook is set"
        url = self.webhook["url"]
        if self.webhook_target:
            parts = urlsplit(url)
            url = self.webhook_target.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Content-Type": "application/json"}
        token = self.webhook.get("secret_token") if secret is None else secret
        if token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = token
        async with httpx.AsyncClient(timeout=10) as client:
            answer = await client.post(url, content=json.dumps(update), headers=headers)
        self.webhook_answers.append(answer.status_code)
        return answer.status_code

    async def wait_for(self, predicate: Callable[[], object], timeout: float = 15.0) -> None:
        """Poll ``predicate`` until it holds; on time-out, say what the bot did meanwhile."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                done = [(c.method, c.chat_id, c.status) for c in self.calls[-15:]]
                raise AssertionError(f"timed out; last calls: {done}")
            await asyncio.sleep(0.02)

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in a chat, in order, as last edited."""
        log = self.chats.get(chat_id)
        return list(log.messages.values()) if log else []

    def with_buttons(self, chat_id: int, data: str) -> list[dict[str, Any]]:
        """The bot's messages in a chat that carry a callback button with ``data``."""
        return [m for m in self.sent(chat_id) if data in _callbacks(m)]

    async def settle(self) -> None:
        """Wait for webhook deliveries in flight."""
        while self._deliveries:
            await asyncio.gather(*list(self._deliveries), return_exceptions=True)

    def _send(self, chat_id: int, content: dict[str, Any], user_id: int | None = None,
              language_code: str | None = "en", chat_type: str | None = None,
              reply_to: int | None = None, update_id: int | None = None) -> dict[str, Any]:  # fmt: skip
        message: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                                   "chat": self._chat(chat_id, chat_type),
                                   "from": self.user(user_id or abs(chat_id), language_code), **content}  # fmt: skip
        if reply_to is not None:
            shown = self.chats[chat_id].messages[reply_to]
            message["reply_to_message"] = {"message_id": reply_to, "date": int(time.time()),
                                           "chat": self._chat(chat_id, chat_type), "from": self.bot,
                                           "text": shown["text"]}  # fmt: skip
        return self.push({"message": message}, update_id)

    @staticmethod
    def _chat(chat_id: int, chat_type: str | None = None) -> dict[str, Any]:
        kind = chat_type or ("private" if chat_id > 0 else "supergroup")
        if kind == "private":
            return {"id": chat_id, "type": kind, "first_name": "Ana"}
        return {"id": chat_id, "type": kind, "title": "Team"}

    # -- faults ----------------------------------------------------------------------------------

    def fail(self, method: str, status: int, description: str, *, retry_after: int | None = None,
             chat_id: int | None = None, times: int = 1) -> None:  # fmt: skip
        self._faults.append(Fault(method, status, description, retry_after, chat_id, times))

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: every send to them is 403 from now on."""
        self._blocked.add(chat_id)

    # -- what the bot did --------------------------------------------------------------------------

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    def limit_violations(self, per_chat: float = 1.0, group_per_minute: int = 20, per_second: int = 30,
                         slack: float = 0.1) -> list[str]:  # fmt: skip
        """Every breach of Telegram's limits in the recorded message calls (``slack``: clock jitter)."""
        sent = [c for c in self.calls if c.method in MESSAGE_METHODS and c.chat_id is not None]
        problems: list[str] = []
        by_chat: dict[int, list[float]] = {}
        for call in sent:
            by_chat.setdefault(call.chat_id or 0, []).append(call.at)
        for chat_id, times in by_chat.items():
            for a, b in itertools.pairwise(times):
                if b - a < per_chat - slack:
                    problems.append(f"chat {chat_id}: two messages {b - a:.3f}s apart")
            if chat_id < 0:
                for i in range(len(times) - group_per_minute):
                    if times[i + group_per_minute] - times[i] < 60 - slack:
                        problems.append(f"group {chat_id}: more than {group_per_minute} messages in a minute")
        moments = sorted(c.at for c in sent)
        for i in range(len(moments) - per_second):
            if moments[i + per_second] - moments[i] < 1.0 - slack:
                problems.append(
                    f"{per_second + 1} messages within {moments[i + per_second] - moments[i]:.3f}s"
                )
                break
        return problems

    # -- the protocol ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await self._params(request)
        call = Call(method, token, params, time.monotonic())
        self.calls.append(call)
        if token != self.token:
            return self._error(call, 401, "Unauthorized")
        fault = self._fault(method, call.chat_id)
        if fault is not None:
            extra = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
            return self._error(call, fault.status, fault.description, extra)
        if call.chat_id in self._blocked and method in (*MESSAGE_METHODS, "sendChatAction"):
            return self._error(call, 403, "Forbidden: bot was blocked by the user")
        handler = getattr(self, f"_m_{method}", None)
        if handler is None or (method == "sendMessageDraft" and not self.drafts_supported):
            return self._error(call, 404, "Not Found: method not found")
        try:
            result = await handler(params)
        except _BadRequest as error:
            return self._error(call, 400, f"Bad Request: {error}")
        except _Conflict as error:
            return self._error(call, 409, f"Conflict: {error}")
        return web.json_response({"ok": True, "result": result})

    def _error(
        self, call: Call, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> web.Response:
        call.status = status
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=status)

    def _fault(self, method: str, chat_id: int | None) -> Fault | None:
        for fault in self._faults:
            if fault.method == method and fault.times > 0 and fault.chat_id in (None, chat_id):
                fault.times -= 1
                return fault
        return None

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw: dict[str, Any] = await request.json()
        elif request.method == "POST" and request.can_read_body:
            form = await request.post()
            raw = {k: v for k, v in form.items() if isinstance(v, str)}
            for key, value in form.items():
                if not isinstance(value, str):  # an uploaded file (sendDocument)
                    raw[key] = {"filename": value.filename, "data": value.file.read()}
        else:
            raw = dict(request.query)
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if isinstance(value, str) and key in _JSON_FIELDS:
                value = json.loads(value)
            elif isinstance(value, str) and key in _INT_FIELDS and value.lstrip("-").isdigit():
                value = int(value)
            elif value in ("true", "false"):
                value = value == "true"
            params[key] = value
        return params

    def _message(self, chat_id: int, message_id: int, params: dict[str, Any]) -> dict[str, Any]:
        text = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML":
            error, text = check_html(text)
            if error:
                raise _BadRequest(f"can't parse entities: {error}")
        if not text.strip():
            raise _BadRequest("message text is empty")
        if len(text) > 4096:
            raise _BadRequest("message is too long")
        markup = params.get("reply_markup")
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if "callback_data" in button and not 1 <= len(str(button["callback_data"]).encode()) <= 64:
                    raise _BadRequest("BUTTON_DATA_INVALID")  # 1-64 bytes
                url = button.get("url")
                if url is not None and not urlsplit(url).hostname:
                    raise _BadRequest("BUTTON_URL_INVALID")
                if "web_app" in button:  # Mini App buttons: an https URL, and only in private chats
                    if chat_id < 0:
                        raise _BadRequest("BUTTON_TYPE_INVALID")
                    if urlsplit(str(button["web_app"].get("url", ""))).scheme != "https":
                        raise _BadRequest("BUTTON_URL_INVALID")
        return {"message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id), "from": self.bot,
                "text": text, **({"reply_markup": markup} if markup else {})}  # fmt: skip

    # -- methods -----------------------------------------------------------------------------------

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot

    async def _m_sendDocument(self, params: dict[str, Any]) -> Any:
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):  # aiogram names the part elsewhere
            document = params.get(document.removeprefix("attach://"))
        if not isinstance(document, dict):
            raise _BadRequest("there is no document in the request")
        chat_id = int(params["chat_id"])
        self.documents.setdefault(chat_id, []).append(
            {"filename": document["filename"], "data": document["data"], "caption": params.get("caption", "")}
        )
        message_id = next(self._message_ids)
        return {"message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id), "from": self.bot,
                "document": {"file_id": f"doc{message_id}", "file_unique_id": f"u{message_id}",
                             "file_name": document["filename"], "file_size": len(document["data"])}}

    async def _m_sendPhoto(self, params: dict[str, Any]) -> Any:
        """Like Telegram: the photo must be an uploaded image (a file_id or URL is not sent by us)."""
        photo = params.get("photo")
        if isinstance(photo, str) and photo.startswith("attach://"):
            photo = params.get(photo.removeprefix("attach://"))
        if not isinstance(photo, dict) or not photo["data"]:
            raise _BadRequest("there is no photo in the request")
        if not photo["data"].startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise _BadRequest("IMAGE_PROCESS_FAILED")
        caption = str(params.get("caption", ""))
        if params.get("parse_mode") == "HTML":
            error, caption = check_html(caption)
            if error:
                raise _BadRequest(f"can't parse entities: {error}")
        if len(caption) > 1024:
            raise _BadRequest("message caption is too long")
        chat_id = int(params["chat_id"])
        self.photos.setdefault(chat_id, []).append({"filename": photo["filename"], "data": photo["data"], "caption": caption})
        message_id = next(self._message_ids)
        return {"message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id), "from": self.bot,
                "photo": [{"file_id": f"photo{message_id}", "file_unique_id": f"p{message_id}", "width": 800,
                           "height": 400, "file_size": len(photo["data"])}], "caption": caption}

    async def _m_getChatAdministrators(self, params: dict[str, Any]) -> Any:
        rights = dict.fromkeys((
            "can_be_edited", "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
            "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
            "can_delete_stories", "can_send_welcome_messages"), True)
        members = []
        for user_id, status in self.admins.get(int(params["chat_id"]), {}).items():
            member: dict[str, Any] = {"status": status, "is_anonymous": False, "user": self.user(user_id)}
            if status == "administrator":
                member.update(rights)
            members.append(member)
        return members

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise _Conflict(
                "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
            )
        offset = int(params.get("offset", 0) or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout", 0) or 0)
        deadline = time.monotonic() + timeout
        while not self._updates and time.monotonic() < deadline and not self._closing:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        return self._updates[: int(params.get("limit", 100) or 100)]

    async def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        url = urlsplit(str(params.get("url", "")))
        if url.scheme != "https" or not url.hostname:
            raise _BadRequest("bad webhook: An HTTPS URL must be provided for webhook")
        if (url.port or 443) not in (80, 88, 443, 8443):
            raise _BadRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        self.webhook = params
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }

    async def _m_setMyCommands(self, params: dict[str, Any]) -> Any:
        # Telegram's rules for a menu: at most 100 commands, each 1-32 of a-z, 0-9 and _, with a
        # description of 1-256 characters; language_code empty or a two-letter ISO 639-1 code.
        commands = params.get("commands")
        if isinstance(commands, str):
            commands = json.loads(commands)
        if not isinstance(commands, list) or len(commands) > 100:
            raise _BadRequest("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise _BadRequest("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise _BadRequest("BOT_COMMAND_DESCRIPTION_INVALID")
        code = params.get("language_code") or ""
        if code and not re.fullmatch(r"[a-z]{2}", code):
            raise _BadRequest("LANG_CODE_INVALID")
        self.menus[code or None] = [(c["command"], c["description"]) for c in commands]
        return True

    async def _m_getFile(self, params: dict[str, Any]) -> Any:
        found = self.files.get(str(params.get("file_id", "")))
        if found is None:
            raise _BadRequest("invalid file_id")
        path, data = found
        if len(data) > 20 * 1024 * 1024:  # the Bot API hands bots files of up to 20 MB
            raise _BadRequest("file is too big")
        return {"file_id": params["file_id"], "file_unique_id": "AQAD", "file_size": len(data), "file_path": path}

    async def _m_sendChatAction(self, params: dict[str, Any]) -> Any:
        return True

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._queries:  # never pressed, or answered already
            raise _BadRequest("query is too old and response timeout expired or query ID is invalid")
        self._queries.discard(query_id)
        return True

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = params["chat_id"]
        message = self._message(chat_id, next(self._message_ids), params)
        self.chats.setdefault(chat_id, ChatLog()).messages[message["message_id"]] = message
        return message

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        chat_id, message_id = params["chat_id"], params["message_id"]
        log = self.chats.get(chat_id)
        if log is None or message_id not in log.messages:
            raise _BadRequest("message to edit not found")
        message = self._message(chat_id, message_id, params)
        old = log.messages[message_id]
        if old["text"] == message["text"] and old.get("reply_markup") == message.get("reply_markup"):
            raise _BadRequest("message is not modified: specified new message content and reply markup are exactly "
                              "the same as a current content and reply markup of the message")  # fmt: skip
        log.messages[message_id] = message
        return message

    async def _m_sendMessageDraft(self, params: dict[str, Any]) -> Any:
        if params["chat_id"] < 0:
            raise _BadRequest("drafts can be sent only to private chats")
        if not params.get("draft_id"):
            raise _BadRequest("draft_id must be non-zero")
        self._message(params["chat_id"], 0, params)
        return True


def _callbacks(message: dict[str, Any]) -> set[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["callback_data"] for row in rows for b in row if "callback_data" in b}


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


class _BadRequest(Exception):
    pass


class _Conflict(Exception):
    pass
