"""``pagemagic serve`` as a real process with every front door on, for tests of its HTTP surface.

Slack (one workspace), Telegram (webhook mode), and Stripe (key and webhook secret) are
configured against the stand-ins, and one site is published with local hosting and attached
to a custom domain before the server starts, so every kind of endpoint answers: previews,
sites, custom-domain hosts, the three webhooks, health, and the private ops listener.
The process's memory is read from ``/proc`` (RSS now and its high-water mark).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from core.ports import PublishTarget
from core.storage.database import create_engine, migrate
from core.storage.records import ChatRef
from core.storage.store import Store, new_preview_token
from hosting.local import LocalHosting
from tests.core.scripted import sample_site
from tests.standins.slack_api import SlackApiStandIn
from tests.standins.stripe_api import StripeApiStandIn
from tests.standins.telegram_api import TelegramStandIn

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))
SLACK_SECRET = "serve-signing-secret"
TELEGRAM_SECRET = "serve-webhook-secret-header"
TELEGRAM_PATH = "/telegram/hook"
DOMAIN = "padaria-exemplo.pt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Site:
    slug: str
    token: str


@dataclass
class Serve:
    process: asyncio.subprocess.Process
    port: int
    ops_port: int
    site: Site
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ops_url(self) -> str:
        return f"http://127.0.0.1:{self.ops_port}"

    def memory_kib(self, field: str = "VmRSS") -> int:
        """``VmRSS`` (now) or ``VmHWM`` (the most it ever held) of the server, in KiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise AssertionError(f"{field} missing from /proc/{self.process.pid}/status")

    def logs(self) -> str:
        return self.log.read_text(errors="replace")


async def publish_a_site(home: Path) -> Site:
    """One site, published (local hosting) and attached to ``DOMAIN``, in the database serve will open."""
    home.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite+aiosqlite:///{home / 'pagemagic.db'}")
    await migrate(engine, lock_dir=home)
    store = Store(engine)
    try:
        conversation = await store.conversation(ChatRef(platform="console", chat_id="seed", user_id="seed"))
        site = sample_site()
        record = await store.create_site(
            conversation.id, conversation.user_id, site, "x", new_preview_token(), timedelta(hours=1)
        )
        hosting = LocalHosting(home / "sites", "http://127.0.0.1")

        async def progress(state: str, detail: str) -> None:
            return None

        release = await hosting.publish(PublishTarget(record.id, record.slug, 1), site, progress)
        await store.add_deployment(record.id, 1, "local", "live", release.url, release.release_id)
        await store.attach_domain(record.id, DOMAIN, "active")
        return Site(record.slug, record.preview_token)
    finally:
        await store.close()


def serve_env(
    home: Path, port: int, ops_port: int, slack: SlackApiStandIn, telegram: TelegramStandIn, stripe: StripeApiStandIn,
    **extra: str,
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    workspace = slack.add_workspace("T0SERVE")
    env.update(
        PAGEMAGIC_HOME=str(home),
        PAGEMAGIC_PORT=str(port),
        PAGEMAGIC_OPS_PORT=str(ops_port),
        PAGEMAGIC_LOG_FORMAT="console",
        PAGEMAGIC_SLACK_SIGNING_SECRET=SLACK_SECRET,
        PAGEMAGIC_SLACK_BOT_TOKEN=workspace.bot_token,
        PAGEMAGIC_SLACK_API_BASE=slack.api_base,
        PAGEMAGIC_TELEGRAM_TOKEN=telegram.token,
        PAGEMAGIC_TELEGRAM_API_BASE=telegram.url,
        PAGEMAGIC_TELEGRAM_WEBHOOK_URL="https://bot.pagemagic.test" + TELEGRAM_PATH,
        PAGEMAGIC_TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        PAGEMAGIC_STRIPE_API_KEY=stripe.api_key,
        PAGEMAGIC_STRIPE_WEBHOOK_SECRET=stripe.webhook_secret,
        PAGEMAGIC_STRIPE_API_BASE=stripe.url,
        PAGEMAGIC_STRIPE_METER_EVENTS_BASE=stripe.url,
    )
    env.update(extra)
    return env


@contextlib.asynccontextmanager
async def running_serve(tmp_path: Path, **extra: str) -> AsyncIterator[Serve]:
    """Stand-ins up, a site published, ``pagemagic serve`` started and answering; SIGTERM at the end."""
    slack, stripe = SlackApiStandIn(), StripeApiStandIn()
    await slack.start()
    await stripe.start()
    try:
        async with TelegramStandIn() as telegram:
            home = tmp_path / "home"
            site = await publish_a_site(home)
            port, ops_port = free_port(), free_port()
            log = tmp_path / "serve.log"
            with log.open("wb") as out:
                process = await asyncio.create_subprocess_exec(
                    PAGEMAGIC, "serve", env=serve_env(home, port, ops_port, slack, telegram, stripe, **extra),
                    stdout=out, stderr=out,
                )  # fmt: skip
            served = Serve(process, port, ops_port, site, log)
            try:
                async with asyncio.timeout(60):
                    while "Serving on" not in served.logs():
                        assert process.returncode is None, f"serve exited:\n{served.logs()}"
                        await asyncio.sleep(0.05)
                yield served
            finally:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        async with asyncio.timeout(20):
                            await process.wait()
                    except TimeoutError:
                        process.kill()
                        await process.wait()
    finally:
        await stripe.stop()
        await slack.stop()
