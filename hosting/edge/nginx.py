"""Running nginx with a rendered edge config: in the foreground for `pagemagic edge run`,
and as a managed child process for tests and the bench.

nginx runs with ``-p PREFIX -c PREFIX/nginx.conf -e PREFIX/logs/error.log``, so it never
reads or writes the system's /etc/nginx or /var/log/nginx.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from core.errors import PageMagicError
from hosting.edge.config import EdgeConfig, write


class EdgeUnavailable(PageMagicError):
    """nginx is missing, rejects the config or does not start listening."""

    code = "edge_unavailable"


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    if found is None:
        raise EdgeUnavailable("nginx is not installed (make test installs nginx-light and libnginx-mod-http-lua)")
    return found


def command(config: EdgeConfig, *extra: str) -> list[str]:
    conf = config.conf_path
    return [nginx_binary(), "-p", str(config.prefix), "-c", str(conf), "-e", str(config.prefix / "logs/error.log"),
            *extra]


def check(config: EdgeConfig) -> None:
    """``nginx -t`` on the rendered config; raises with nginx's own words when it is wrong."""
    try:
        write(config)
    except ValueError as exc:  # a setting the config cannot be rendered from
        raise EdgeUnavailable(str(exc)) from exc
    result = subprocess.run(command(config, "-t", "-q"), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise EdgeUnavailable(result.stderr.strip() or "nginx rejected the edge config")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


class EdgeProcess:
    """nginx with the edge config as a child process (``daemon off``); ``stop`` ends it."""

    def __init__(self, config: EdgeConfig) -> None:
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10.0) -> EdgeProcess:
        check(self.config)
        self.process = subprocess.Popen(
            command(self.config, "-g", "daemon off;"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + timeout
        while not _port_open(self.config.host, self.config.port):
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise EdgeUnavailable(error.strip() or "nginx exited at start")
            if time.monotonic() > deadline:
                self.stop()
                raise EdgeUnavailable("nginx did not start listening in time")
            time.sleep(0.05)
        return self

    def reload(self) -> None:
        write(self.config)
        if self.process is not None:
            self.process.send_signal(signal.SIGHUP)

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop (SIGQUIT): workers finish, and the usage timer flushes once more."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()

    def error_log(self) -> str:
        path = self.config.prefix / "logs/error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def __enter__(self) -> EdgeProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
