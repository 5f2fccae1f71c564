"""A chat message once the characters nobody can see are set aside: a message of only zero-width,
format, control or blank-looking characters is empty -- the empty-message answer, nothing stored
or counted. (Issue 14, item 10: U+200B U+200C U+2060 U+FEFF built a site called "Common Ground".)"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.events import Failed, PreviewReady
from core.llm.offline import OfflineGenerator
from core.messages import say
from core.storage.store import Store
from tests.core.test_studio_failures import CHAT, collect, make_studio

INVISIBLE = [
    "\u200b\u200c\u2060\ufeff",  # the message: zero-width space, non-joiner, word joiner, BOM
    "\u200d",
    " \u200b \n\t\u200b ",
    "\u00ad\u200e\u200f\u202a\u202e\u2066\u2069",  # soft hyphen, direction marks and overrides
    "\u2061\u2062\u2063\u2064\u180e\u034f",  # invisible operators, Mongolian vowel separator, grapheme joiner
    "\u3164\u2800\u115f\u1160\uffa0",  # Hangul fillers and the blank braille pattern
    "\x00\x01\x1b\x7f\x85",  # control characters
    "\u3000\u00a0\u2028\u2029\u205f",  # blank spaces and separators
    "\U000e0001\U000e0020\U000e007f",  # tag characters
]
SINCE, UNTIL = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("text", INVISIBLE, ids=[t.encode("unicode_escape").decode()[:40] for t in INVISIBLE])
async def test_a_message_of_only_invisible_characters_is_empty_and_counts_nothing(
    store: Store, tmp_path: Path, text: str
) -> None:
    studio, _drafts = make_studio(store, OfflineGenerator(), tmp_path)
    events = await collect(studio.message(CHAT, text))
    assert len(events) == 1 and isinstance(events[0], Failed)
    assert events[0].code == "empty_message" and events[0].text == say("en", "error_empty_message")
    conversation = await store.conversation(CHAT)
    assert conversation.site_id is None
    assert await store.recent_turns(conversation.id) == []
    await studio.meter.flush()  # type: ignore[attr-defined]
    assert await store.usage_totals(conversation.user_id, SINCE, UNTIL) == {}


async def test_invisible_characters_around_a_description_are_dropped_and_inside_it_kept(
    store: Store, tmp_path: Path
) -> None:
    studio, _drafts = make_studio(store, OfflineGenerator(), tmp_path)
    text = "\ufeff\u200bA bakery in Lisbon \U0001f469\u200d\U0001f373 with fresh bread\x00\u200b\u2060 "
    events = await collect(studio.message(CHAT, text))
    assert isinstance(events[-1], PreviewReady)
    conversation = await store.conversation(CHAT)
    turns = await store.recent_turns(conversation.id)
    # edges trimmed, the control character gone, the emoji's zero-width joiner kept
    assert turns[0] == ("user", "A bakery in Lisbon \U0001f469\u200d\U0001f373 with fresh bread")


async def test_nul_and_lone_surrogates_inside_a_message_never_reach_the_database(store: Store, tmp_path: Path) -> None:
    """Found by tests/core/test_studio_fuzz.py: a NUL in a message made PostgreSQL refuse the turn
    ("invalid byte sequence for encoding UTF8: 0x00") and Studio raise; a lone surrogate has no UTF-8 at all."""
    studio, _drafts = make_studio(store, OfflineGenerator(), tmp_path)
    events = await collect(studio.message(CHAT, "A bakery\x00 in Lisbon \ud800with bread"))
    assert isinstance(events[-1], PreviewReady)
    conversation = await store.conversation(CHAT)
    assert (await store.recent_turns(conversation.id))[0] == ("user", "A bakery in Lisbon with bread")
