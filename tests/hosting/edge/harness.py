"""Test parts for the edge: upstream HTTP servers, a raw HTTP/1.1 client that counts every
byte it receives, free ports, a private redis-server, and key clean-up under a unique prefix."""

from __future__ import annotations

import contextlib
import secrets
import shutil
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Upstream:
    """A site replica: answers every GET with its name, counts hits."""

    def __init__(self, name: str, body_size: int = 0) -> None:
        self.name = name
        self.hits = 0
        self.connections: list[socket.socket] = []
        self._lock = threading.Lock()
        upstream = self
        payload = (f"upstream {name}\n" + "x" * body_size).encode()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # headers and body go out in two writes; without this, Nagle + delayed ACK add 40 ms
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with upstream._lock:
                    upstream.connections.append(self.connection)

            def do_GET(self) -> None:
                with upstream._lock:
                    upstream.hits += 1
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        """Stops listening and cuts every open connection, as a crashed replica would."""
        self.server.shutdown()
        self.server.server_close()
        with self._lock:
            for conn in self.connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
            self.connections.clear()


class Recorder:
    """The app behind the edge, as far as the edge can tell: answers every request 200 and keeps
    (method, path, body) of each, so a test sees exactly what came through."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, bytes]] = []
        self._lock = threading.Lock()
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with recorder._lock:
                    recorder.received.append((self.command, self.path, body))
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    size: int  # every byte read off the socket for this answer


@dataclass
class RawClient:
    """HTTP/1.1 over one keep-alive socket, counting the bytes of each answer exactly."""

    port: int
    host: str = "127.0.0.1"
    sock: socket.socket | None = None
    buffer: bytes = b""
    received: int = 0
    statuses: Counter[int] = field(default_factory=Counter)

    def _connect(self) -> socket.socket:
        if self.sock is None:
            self.sock = socket.create_connection((self.host, self.port), timeout=10)
            self.buffer = b""
        return self.sock

    def _read_more(self, sock: socket.socket) -> None:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        self.buffer += chunk

    def get(self, hostname: str, path: str = "/", headers: dict[str, str] | None = None) -> Answer:
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        return self.send(f"GET {path} HTTP/1.1\r\nHost: {hostname}\r\n{extra}\r\n".encode())

    def send(self, request: bytes) -> Answer:
        """One request written as it is (any method, header or body), and its answer."""
        sock = self._connect()
        sock.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self._read_more(sock)
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        parsed: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            parsed[name.strip().lower()] = value.strip()
        if "content-length" in parsed:
            length = int(parsed["content-length"])
            while len(rest) < length:
                self._read_more(sock)
                rest = self.buffer.partition(b"\r\n\r\n")[2]
            body, self.buffer = rest[:length], rest[length:]
            consumed = len(head) + 4 + length
        else:  # chunked
            assert parsed.get("transfer-encoding") == "chunked", parsed
            body = b""
            pos = 0
            while True:
                while b"\r\n" not in rest[pos:]:
                    self._read_more(sock)
                    rest = self.buffer.partition(b"\r\n\r\n")[2]
                line_end = rest.index(b"\r\n", pos)
                size = int(rest[pos:line_end].split(b";")[0], 16)
                while len(rest) < line_end + 2 + size + 2:
                    self._read_more(sock)
                    rest = self.buffer.partition(b"\r\n\r\n")[2]
                body += rest[line_end + 2:line_end + 2 + size]
                pos = line_end + 2 + size + 2
                if size == 0:
                    break
            self.buffer = rest[pos:]
            consumed = len(head) + 4 + pos
        self.received += consumed
        self.statuses[status] += 1
        if parsed.get("connection") == "close":
            self.close()
        return Answer(status, parsed, body, consumed)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


class PrivateRedis:
    """A redis-server of this test's own, on its own port, that the test may stop and restart.

    Append-only with fsync always, so a restart keeps what was written (as production Redis does).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(self.directory), "--logfile", str(self.directory / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("private redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # a crash, not a clean shutdown
            self.process.wait()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def unique(label: str) -> str:
    return f"{label}-{secrets.token_hex(4)}"
