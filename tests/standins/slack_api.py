"""A local Slack Web API: the methods Page Magic calls, answered as Slack answers them.

Speaks the real wire protocol (form or JSON bodies, ``Authorization: Bearer``
tokens, ``{"ok": false, "error": ...}`` answers, 429 with ``Retry-After``), so
the real slack_sdk ``AsyncWebClient`` talks to it through ``base_url``. It
also receives ``response_url`` posts. Every call is recorded.

It refuses what Slack refuses, with Slack's documented error codes: a channel nobody
wrote from (``channels``; the test senders add the channels they write from) or no
channel at all is ``channel_not_found`` on ``chat.postMessage`` and the three
``chat.*Stream`` methods; a stream call naming another channel than the stream's is
``message_not_found``; ``chat.appendStream`` without text is ``no_text``.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bots.server import BackgroundServer, bind_socket, url_of

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "standin-client-secret"
APP_ID = "A0PAGEMAGIC"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None
    at: float
    status: int = 200
    key: str = ""  # response_url posts: which URL


@dataclass
class Workspace:
    team_id: str
    team_name: str
    bot_token: str
    bot_user_id: str
    bot_id: str
    admins: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    locales: dict[str, str] = field(default_factory=dict)  # user -> IETF tag users.info reports ("pt-BR")


@dataclass
class Message:
    channel: str
    ts: str
    thread_ts: str | None
    text: str
    blocks: list[dict[str, Any]]
    streaming: bool = False
    recipient: tuple[str, str] | None = None


class SlackApiStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: list[Call] = []  # posts to response_url
        self.workspaces: dict[str, Workspace] = {}  # by bot token
        self.codes: dict[str, Workspace] = {}  # OAuth codes -> the workspace they install
        self.installers: dict[str, str] = {}  # code -> installing user
        self.revoked: set[str] = set()
        self.streaming = True
        self.rate_limits: dict[str, list[int]] = {}  # method -> Retry-After of the next 429s
        self.messages: dict[str, Message] = {}
        self.channels: set[str] = set()  # channels (and DMs) that exist: someone wrote from them
        self.files: dict[str, tuple[Workspace, dict[str, Any], bytes]] = {}  # file id -> (owner, info, bytes)
        self.downloads: list[tuple[str, str | None]] = []  # (file id, bearer token) of each url_private GET
        self.uploads: dict[str, dict[str, Any]] = {}  # files the app uploaded: file id -> name, bytes, channel, comment
        # Sign in with Slack: who approves at the authorize page (team, user, email), and codes handed out
        self.oidc_user: tuple[str, str, str] | None = None
        self.oidc_codes: dict[str, tuple[str, str, str, str, str]] = {}  # code -> (team, user, email, nonce, redirect)
        self.oidc_tokens: dict[str, tuple[str, str, str]] = {}
        self._ts = itertools.count(1)
        self._server: BackgroundServer | None = None
        self.url = ""

    # -- set-up -----------------------------------------------------------------------

    def add_workspace(self, team_id: str, *, admins: tuple[str, ...] = ()) -> Workspace:
        suffix = team_id[-4:]
        workspace = Workspace(
            team_id=team_id,
            team_name=f"Team {team_id}",
            bot_token=f"xoxb-{team_id}-{secrets.token_hex(8)}",
            bot_user_id=f"UBOT{suffix}",
            bot_id=f"BBOT{suffix}",
            admins=set(admins),
        )
        self.workspaces[workspace.bot_token] = workspace
        return workspace

    def oauth_code(self, team_id: str, installer: str, *, admins: tuple[str, ...] = ()) -> str:
        """A code Slack would hand the browser after the user approved the install."""
        code = f"code-{secrets.token_hex(6)}"
        self.codes[code] = Workspace(
            team_id=team_id,
            team_name=f"Team {team_id}",
            bot_token=f"xoxb-{team_id}-{secrets.token_hex(8)}",
            bot_user_id=f"UBOT{team_id[-4:]}",
            bot_id=f"BBOT{team_id[-4:]}",
            admins=set(admins),
        )
        self.installers[code] = installer
        return code

    def add_file(self, ws: Workspace, data: bytes, name: str, mimetype: str, *, check_file_info: bool = False) -> dict[str, Any]:
        """An upload as Slack keeps it; returns the file object events carry."""
        file_id = f"F{secrets.token_hex(5).upper()}"
        url = f"{self.url}/files-pri/{ws.team_id}-{file_id}/{name}"
        info: dict[str, Any] = {
            "id": file_id, "name": name, "title": name, "mimetype": mimetype, "filetype": name.rsplit(".", 1)[-1],
            "size": len(data), "url_private": url, "url_private_download": url + "?download=1",
        }
        self.files[file_id] = (ws, info, data)
        if check_file_info:  # Slack Connect and other cases: the event carries only the id
            return {"id": file_id, "file_access": "check_file_info"}
        return info

    def file_share_event(self, channel: str, user: str, files: list[dict[str, Any]], text: str = "",
                         thread_ts: str | None = None, parent_user_id: str | None = None) -> dict[str, Any]:  # fmt: skip
        """The ``message`` event (subtype ``file_share``) Slack sends when someone shares files."""
        event: dict[str, Any] = {
            "type": "message", "subtype": "file_share", "channel": channel, "user": user, "text": text,
            "files": files, "ts": self._next_ts(), "channel_type": "im" if channel.startswith("D") else "channel",
            "upload": True,
        }
        if thread_ts:
            event.update(thread_ts=thread_ts, parent_user_id=parent_user_id)
        return event

    @staticmethod
    def file_shared_event(file_id: str, channel: str, user: str) -> dict[str, Any]:
        return {"type": "file_shared", "file_id": file_id, "user_id": user, "channel_id": channel,
                "file": {"id": file_id}, "event_ts": f"{int(time.time())}.000100"}  # fmt: skip

    async def _file(self, request: Request) -> Response:
        """``url_private``: the bytes only with the owning workspace's bot token, else Slack's login page."""
        file_id = request.path_params["team_file"].split("-", 1)[-1]
        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        self.downloads.append((file_id, token))
        found = self.files.get(file_id)
        workspace = self.workspaces.get(token or "")
        if found is None or workspace is None or workspace.team_id != found[0].team_id or token in self.revoked:
            return Response("<!DOCTYPE html><html><body>Sign in to Slack</body></html>", media_type="text/html")
        return Response(found[2], media_type=found[1]["mimetype"])

    def _files_info(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        found = self.files.get(str(params.get("file", "")))
        if found is None or found[0].team_id != ws.team_id:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": found[1]}

    def response_url(self, key: str = "") -> str:
        return f"{self.url}/respond/{key or secrets.token_hex(6)}"

    @property
    def api_base(self) -> str:
        return f"{self.url}/api/"

    async def start(self) -> None:
        sock = bind_socket("127.0.0.1", 0, fall_back=False)
        self.url = url_of(sock)
        app = Starlette(
            routes=[
                Route("/api/{method}", self._api, methods=["GET", "POST"]),
                Route("/respond/{key}", self._respond, methods=["POST"]),
                Route("/files-pri/{team_file}/{name}", self._file, methods=["GET"]),
                Route("/upload/{file_id}", self._upload, methods=["POST"]),
                Route("/openid/connect/authorize", self._authorize, methods=["GET"]),
            ]
        )
        self._server = BackgroundServer(app, sock)
        await self._server.start()

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop()

    # -- what tests read --------------------------------------------------------------

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.status == 200]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 15.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            await asyncio.sleep(0.02)
        raise AssertionError(f"timed out; calls so far: {[c.method for c in self.calls]}")

    def thread(self, channel: str, thread_ts: str) -> list[Message]:
        return [m for m in self.messages.values() if m.channel == channel and m.thread_ts == thread_ts]

    # -- the wire ---------------------------------------------------------------------

    async def _respond(self, request: Request) -> Response:
        body = json.loads(await request.body() or b"{}")
        self.responses.append(Call("response_url", body, None, time.monotonic(), key=request.path_params["key"]))
        return PlainTextResponse("ok")

    async def _api(self, request: Request) -> Response:
        method = request.path_params["method"]
        params: dict[str, Any] = dict(request.query_params)
        raw = await request.body()
        if raw:
            if request.headers.get("content-type", "").startswith("application/json"):
                params.update(json.loads(raw))
            else:
                params.update(dict(parse_qsl(raw.decode())))
        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else params.get("token")
        call = Call(method, params, token, time.monotonic())
        self.calls.append(call)
        pending = self.rate_limits.get(method)
        if pending:
            call.status = 429
            return JSONResponse(
                {"ok": False, "error": "ratelimited"}, status_code=429, headers={"Retry-After": str(pending.pop(0))}
            )
        if method == "oauth.v2.access":
            return self._oauth_access(auth, params)
        if method == "openid.connect.token":
            return self._oidc_token(auth, params)
        if method == "openid.connect.userInfo":
            return self._oidc_user_info(token or "")
        workspace = self.workspaces.get(token or "")
        if workspace is None or token in self.revoked:
            return _error("invalid_auth" if token else "not_authed")
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return _error("unknown_method")
        result: dict[str, Any] = handler(workspace, params)
        return JSONResponse(result)

    def _auth_test(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{ws.team_id.lower()}.slack.com/",
            "team": ws.team_name,
            "user": "pagemagic",
            "team_id": ws.team_id,
            "user_id": ws.bot_user_id,
            "bot_id": ws.bot_id,
            "is_enterprise_install": False,
        }

    def _unknown_channel(self, params: dict[str, Any]) -> dict[str, Any] | None:
        if params.get("channel") not in self.channels:
            return {"ok": False, "error": "channel_not_found"}  # "Value passed for channel was invalid."
        return None

    def _streaming_message(self, params: dict[str, Any]) -> tuple[Message | None, dict[str, Any] | None]:
        refused = self._unknown_channel(params)
        if refused is not None:
            return None, refused
        message = self.messages.get(params.get("ts", ""))
        if message is not None and message.channel != params["channel"]:
            return None, {"ok": False, "error": "message_not_found"}
        if message is None or not message.streaming:
            return None, {"ok": False, "error": "message_not_in_streaming_state"}
        return message, None

    def _chat_postMessage(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        refused = self._unknown_channel(params)
        if refused is not None:
            return refused
        if not params.get("text") and not params.get("blocks"):
            return {"ok": False, "error": "no_text"}
        message = Message(
            params["channel"], self._next_ts(), params.get("thread_ts"), params.get("text", ""), _blocks(params)
        )
        self.messages[message.ts] = message
        return {"ok": True, "channel": message.channel, "ts": message.ts, "message": {"text": message.text}}

    def _chat_update(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        message = self.messages.get(params.get("ts", ""))
        if message is None or message.channel != params.get("channel"):
            return {"ok": False, "error": "message_not_found"}
        message.text = params.get("text", message.text)
        if "blocks" in params:
            message.blocks = _blocks(params)
        return {"ok": True, "channel": message.channel, "ts": message.ts, "text": message.text}

    def _chat_startStream(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        if not self.streaming:
            return {"ok": False, "error": "unknown_method"}
        refused = self._unknown_channel(params)
        if refused is not None:
            return refused
        if not params.get("thread_ts"):
            return {"ok": False, "error": "invalid_arguments"}
        recipient = (params.get("recipient_team_id", ""), params.get("recipient_user_id", ""))
        if params["channel"][0] in "CG" and not all(recipient):
            return {"ok": False, "error": "missing_recipient_team_id"}
        message = Message(params["channel"], self._next_ts(), params["thread_ts"], "", [], True, recipient)
        message.text = _streamed_text(params)
        self.messages[message.ts] = message
        return {"ok": True, "channel": message.channel, "ts": message.ts}

    def _chat_appendStream(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        message, refused = self._streaming_message(params)
        if message is None:
            return refused or {}
        text = _streamed_text(params)
        if not text:
            return {"ok": False, "error": "no_text"}
        message.text += text
        return {"ok": True, "channel": message.channel, "ts": message.ts}

    def _chat_stopStream(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        message, refused = self._streaming_message(params)
        if message is None:
            return refused or {}
        message.text += _streamed_text(params)
        message.blocks = _blocks(params)
        message.streaming = False
        return {"ok": True, "channel": message.channel, "ts": message.ts, "message": {"text": message.text}}

    def _users_info(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        user = params.get("user", "")
        if not user:
            return {"ok": False, "error": "user_not_found"}
        info: dict[str, Any] = {
            "id": user,
            "team_id": ws.team_id,
            "name": user.lower(),
            "is_admin": user in ws.admins or user in ws.owners,
            "is_owner": user in ws.owners,
            "is_primary_owner": False,
        }
        if str(params.get("include_locale", "")).lower() in ("true", "1"):  # Slack sends it only when asked
            info["locale"] = ws.locales.get(user, "en-US")
        return {"ok": True, "user": info}

    # -- files (files_upload_v2: get an upload URL, post the bytes, complete) ---------------

    def _files_getUploadURLExternal(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{secrets.token_hex(5).upper()}"
        self.uploads[file_id] = {"name": params.get("filename", ""), "length": int(params.get("length", 0)), "data": b""}
        return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}

    async def _upload(self, request: Request) -> Response:
        entry = self.uploads.get(request.path_params["file_id"])
        if entry is None:
            return PlainTextResponse("not found", status_code=404)
        body = await request.body()
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            form = await request.form()
            upload = next(iter(form.values()))
            body = await upload.read() if hasattr(upload, "read") else str(upload).encode()
        entry["data"] = body
        return PlainTextResponse("OK - " + str(len(body)))

    def _files_completeUploadExternal(self, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        for item in files:
            entry = self.uploads.get(item.get("id", ""))
            if entry is None:
                return {"ok": False, "error": "file_not_found"}
            entry.update(channel=params.get("channel_id"), comment=params.get("initial_comment", ""), title=item.get("title"))
        return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}

    # -- Sign in with Slack (OpenID Connect) ----------------------------------------------

    async def _authorize(self, request: Request) -> Response:
        """Slack's consent page, approved at once by ``oidc_user``; back to redirect_uri with a code."""
        query = request.query_params
        if query.get("client_id") != CLIENT_ID or "openid" not in query.get("scope", "").split() or self.oidc_user is None:
            return PlainTextResponse("invalid_request", status_code=400)
        code = f"oidc-{secrets.token_hex(8)}"
        team, user, email = self.oidc_user
        self.oidc_codes[code] = (team, user, email, query.get("nonce", ""), query.get("redirect_uri", ""))
        target = f"{query['redirect_uri']}?code={code}&state={query.get('state', '')}"
        return Response(status_code=302, headers={"Location": target})

    def _oidc_token(self, auth: str, params: dict[str, Any]) -> Response:
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        if client_id != CLIENT_ID or client_secret != CLIENT_SECRET:
            return _error("invalid_client_id")
        found = self.oidc_codes.pop(params.get("code", ""), None)
        if found is None or found[4] != params.get("redirect_uri"):
            return _error("invalid_code")
        team, user, email, nonce, _redirect = found
        access = f"xoxp-{secrets.token_hex(10)}"
        self.oidc_tokens[access] = (team, user, email)
        claims = {"iss": "https://slack.com", "sub": user, "aud": CLIENT_ID, "exp": int(time.time()) + 300,
                  "iat": int(time.time()), "nonce": nonce, "https://slack.com/user_id": user,
                  "https://slack.com/team_id": team, "email": email}
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        header = base64.urlsafe_b64encode(b'{"alg":"RS256","typ":"JWT"}').rstrip(b"=").decode()
        return JSONResponse({"ok": True, "access_token": access, "token_type": "Bearer",
                             "id_token": f"{header}.{body}.c2lnbmF0dXJl"})

    def _oidc_user_info(self, token: str) -> Response:
        found = self.oidc_tokens.get(token)
        if found is None:
            return _error("invalid_auth")
        team, user, email = found
        return JSONResponse({"ok": True, "sub": user, "https://slack.com/user_id": user,
                             "https://slack.com/team_id": team, "email": email, "email_verified": True,
                             "name": user.lower()})

    def _oauth_access(self, auth: str, params: dict[str, Any]) -> Response:
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        if client_id != CLIENT_ID or client_secret != CLIENT_SECRET:
            return _error("invalid_client_id")
        code = params.get("code", "")
        workspace = self.codes.pop(code, None)
        if workspace is None:
            return _error("invalid_code")
        self.workspaces[workspace.bot_token] = workspace
        return JSONResponse(
            {
                "ok": True,
                "app_id": APP_ID,
                "authed_user": {"id": self.installers.pop(code)},
                "scope": "commands,chat:write,app_mentions:read,im:history,channels:history,users:read",
                "token_type": "bot",
                "access_token": workspace.bot_token,
                "bot_user_id": workspace.bot_user_id,
                "team": {"id": workspace.team_id, "name": workspace.team_name},
                "enterprise": None,
                "is_enterprise_install": False,
            }
        )

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"


def _error(code: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": code})


def _blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = params.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def _streamed_text(params: dict[str, Any]) -> str:
    text = str(params.get("markdown_text") or "")
    chunks = params.get("chunks") or []
    if isinstance(chunks, str):
        chunks = json.loads(chunks)
    for chunk in chunks:
        if chunk.get("type") == "markdown_text":
            text += chunk.get("text", "")
    return text
