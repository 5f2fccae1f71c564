"""Request bodies of ``pagemagic serve``: an over-limit length is refused before a byte of it is
sent, and a body without a length is cut off at the limit while it streams -- before any
signature is checked or anything is parsed -- on every endpoint, with memory and /healthz
unaffected. (Issue 14, item 3: 300 MB to /slack/events took the process to 2 GB.)"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

from tests.bots import rawhttp
from tests.bots.serving import DOMAIN, TELEGRAM_PATH, TELEGRAM_SECRET, Serve, running_serve

HUGE = 300_000_000  # the length the issue sent
STREAMED = 64 * 1024 * 1024  # a chunked body this long is offered; the server must stop reading long before
MEMORY_BOUND_KIB = 48 * 1024  # the server's peak RSS may grow by this much over the whole test
LIMIT = 1024 * 1024  # the largest limit of the three webhooks (docs/production.md lists each)


pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def serve(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Serve]:
    """One server for the module (starting one takes seconds); each test measures its own growth."""
    async with running_serve(tmp_path_factory.mktemp("serve")) as served:
        yield served


def _endpoints(served: Serve) -> list[tuple[str, str, dict[str, str]]]:
    """(path, host, headers) of every endpoint that could be sent a body."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    json = {"Content-Type": "application/json"}
    return [
        ("/slack/events", "127.0.0.1", form),
        ("/slack/events", "127.0.0.1", json),
        (TELEGRAM_PATH, "127.0.0.1", {**json, "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}),
        (TELEGRAM_PATH, "127.0.0.1", json),
        ("/stripe/webhook", "127.0.0.1", {**json, "Stripe-Signature": "t=1,v1=00"}),
        (f"/s/{served.site.slug}/", "127.0.0.1", form),
        (f"/p/{served.site.token}/", "127.0.0.1", form),
        ("/", DOMAIN, form),
        ("/healthz", "127.0.0.1", form),
        ("/nowhere", "127.0.0.1", form),
    ]


async def test_an_over_limit_length_is_refused_before_the_body_is_sent(serve: Serve) -> None:
    before = serve.memory_kib("VmHWM")

    def send_heads() -> list[tuple[str, int | None]]:
        answers = []
        for path, host, headers in _endpoints(serve):
            with rawhttp.connect(serve.port) as sock:
                sock.sendall(rawhttp.head("POST", path, host, {**headers, "Content-Length": str(HUGE)}))
                answers.append((f"{host}{path}", rawhttp.read_status(sock)))  # not one body byte was sent
        return answers

    answers = await asyncio.to_thread(send_heads)
    assert answers == [(where, 413) for where, _ in answers]
    assert serve.memory_kib("VmHWM") - before < MEMORY_BOUND_KIB


@pytest.mark.parametrize("path", ["/slack/events", TELEGRAM_PATH, "/stripe/webhook"])
async def test_a_chunked_body_is_cut_off_at_the_limit_while_healthz_answers(serve: Serve, path: str) -> None:
    before = serve.memory_kib("VmHWM")
    headers = {
        "Content-Type": "application/json",
        "Transfer-Encoding": "chunked",
        "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,  # the right secret: the body itself is read
        "Stripe-Signature": "t=1,v1=00",
        "X-Slack-Request-Timestamp": "1",
        "X-Slack-Signature": "v0=00",
    }

    def upload() -> rawhttp.Streamed:
        with rawhttp.connect(serve.port) as sock:
            sock.sendall(rawhttp.head("POST", path, "127.0.0.1", headers))
            return rawhttp.stream_body(sock, STREAMED)

    uploading = asyncio.create_task(asyncio.to_thread(upload))
    async with httpx.AsyncClient(timeout=30) as client:
        while not uploading.done():  # the server keeps answering others meanwhile
            assert (await client.get(serve.url + "/healthz")).status_code == 200
    streamed = await uploading
    assert streamed.status == 413
    # it stopped reading at the limit: what got out is the limit plus what the sockets buffer
    assert streamed.sent < LIMIT + 8 * 1024 * 1024 < STREAMED
    assert serve.memory_kib("VmHWM") - before < MEMORY_BOUND_KIB
    assert "Traceback" not in serve.logs()
