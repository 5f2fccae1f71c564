"""The pure parts: escaping and splitting, language mapping, the limiter's arithmetic."""

from __future__ import annotations

import asyncio
import html

from bots.telegram.adapter import language_of
from bots.telegram.limiter import Limits, RateLimiter
from bots.telegram.render import MAX_TEXT, opens_in_telegram, split_html, tail_html
from tests.standins.telegram_api import check_html


def test_split_escapes_and_never_exceeds_4096() -> None:
    text = ("<b>Tom & Jerry's</b> menu line\n" * 400).strip()
    chunks = split_html(text)
    assert len(chunks) > 1
    assert all(len(c) <= MAX_TEXT for c in chunks)
    assert all(check_html(c)[0] is None for c in chunks), "every chunk is valid Telegram HTML"
    assert "".join(html.unescape(c) for c in chunks).replace("\n", "") == text.replace("\n", "")


def test_split_of_one_endless_word_and_of_ampersands() -> None:
    assert all(len(c) <= MAX_TEXT for c in split_html("&" * 5000))
    assert sum(len(html.unescape(c)) for c in split_html("&" * 5000)) == 5000
    assert [len(c) for c in split_html("x" * 9000)] == [4096, 4096, 808]


def test_progress_tail_fits_one_draft() -> None:
    lines = "\n".join(f"✓ Section {i}: <heading> & more" for i in range(400))
    tail = tail_html(lines)
    assert len(tail) <= MAX_TEXT and tail.startswith("…\n")
    assert tail.endswith("✓ Section 399: &lt;heading&gt; &amp; more")


def test_language_codes_map_to_ours() -> None:
    assert language_of("pt-BR") == "pt_BR"
    assert language_of("pt") == "pt_PT" and language_of("pt-PT") == "pt_PT"
    assert language_of("es-419") == "es"
    assert language_of("en") == "en"
    assert language_of("de") is None
    assert language_of(None) is None


def test_url_buttons_only_for_public_hosts() -> None:
    assert opens_in_telegram("https://preview.pagemagic.app/p/abc/")
    assert not opens_in_telegram("http://127.0.0.1:8400/p/abc/")
    assert not opens_in_telegram("http://localhost:8400/p/abc/")
    assert not opens_in_telegram("javascript:alert(1)")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_limiter_spaces_one_chat_and_caps_groups_and_overall(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()

    async def sleep(seconds: float) -> None:
        clock.now += seconds

    monkeypatch.setattr("bots.telegram.limiter.asyncio.sleep", sleep)
    limiter = RateLimiter(
        Limits(per_chat_interval=1.0, group_per_minute=20, global_per_second=30), clock=clock
    )
    stamps = []
    for _ in range(3):
        async with limiter.slot(1, group=False):
            stamps.append(clock.now)
            clock.now += 0.25  # the call takes a while: spacing counts from its answer
    assert stamps == [0.0, 1.25, 2.5]

    clock.now = 100.0
    for _ in range(21):
        async with limiter.slot(-5, group=True):
            pass
    assert clock.now >= 160.0, "the 21st group message waits for the minute to pass"

    clock.now = 1000.0
    for chat in range(31):
        async with limiter.slot(10_000 + chat, group=False):
            pass
    assert 1001.0 <= clock.now < 1001.1, "the 31st message of a second waits for the next one"

    clock.now = 2000.0
    limiter.pause(7, 5)
    async with limiter.slot(7, group=False):
        assert clock.now == 2005.0, "a 429's retry_after holds the chat"


async def test_limiter_gives_final_answers_the_budget_before_progress_drafts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Regression: with 200 chats at once, progress drafts took the overall slots final answers waited for."""

    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        clock.now += seconds
        await real_sleep(0)

    monkeypatch.setattr("bots.telegram.limiter.asyncio.sleep", sleep)
    limiter = RateLimiter(Limits(per_chat_interval=1.0, group_per_minute=20, global_per_second=30), clock=clock)

    # drafts may fill two thirds of a second's budget; an answer still finds a slot at once
    for chat in range(20):
        async with limiter.slot(chat, group=False, draft=True):
            pass
    assert clock.now == 0.0
    async with limiter.slot(500, group=False):
        pass
    assert clock.now == 0.0, "the answer did not wait behind the drafts"
    async with limiter.slot(501, group=False, draft=True):
        pass
    assert clock.now >= 1.0, "the 21st draft of a second waits"

    # the budget is full; an answer and then a draft wait for it: the answer goes first
    clock.now = 100.0
    for chat in range(30):
        async with limiter.slot(1_000 + chat, group=False):
            pass
    order: list[str] = []

    async def call(name: str, chat: int, draft: bool) -> None:
        async with limiter.slot(chat, group=False, draft=draft):
            order.append(name)

    answer = asyncio.create_task(call("answer", 2_000, False))
    await real_sleep(0)
    await asyncio.gather(answer, call("draft", 2_001, True))
    assert order == ["answer", "draft"]
