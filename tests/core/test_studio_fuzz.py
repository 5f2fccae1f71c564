"""Fuzzing chat messages through Studio: whatever a person (or a bot platform) sends -- any Unicode
category, control characters, lone surrogates, huge words, markup, commands with odd arguments --
Studio answers with events and never raises, and every version it stores passes the site schema.

Offline generator, SQLite and PostgreSQL. The profile (tests/conftest.py) is derandomized and
deadline-free; ``EXAMPLES`` conversations of up to ``TURNS`` messages each bound the run.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from sqlalchemy import select

from core.events import Event, Failed
from core.llm.offline import OfflineGenerator
from core.site.schema import site_schema
from core.storage import version_codec
from core.storage.records import ChatRef
from core.storage.store import Store
from core.storage.tables import SiteVersionRow
from tests.core.test_studio_failures import make_studio

EXAMPLES = 40
TURNS = 3
_chats = itertools.count()

every_character = st.characters(exclude_categories=())  # surrogates and unassigned code points included
invisible = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u3164", "\x00",
                             "\x1b", "\x7f", "\u0301", "\U000e0001", "\ud800", "\r", "\t", "\u2028"])  # fmt: skip
markup = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "**bold** _it_ `code`",
    "[link](http://example.com)", "{{7*7}}", "${jndi:ldap://x}", "%s%s%n", "'; DROP TABLE sites; --",
    "<!-- -->", "&amp;&lt;&#0;", "\\u0000", "../../etc/passwd", "@everyone <@U123> <!channel>",
])  # fmt: skip
command = st.builds(
    lambda name, arg: f"/{name} {arg}".rstrip(),
    st.sampled_from(["publish", "unpublish", "undo", "redo", "history", "usage", "domain", "new", "help", "upgrade",
                     "dance", "domain check", "domain remove", "start"]),
    st.text(every_character, max_size=30),
)
description = st.sampled_from([
    "A bakery in Lisbon with a menu and opening hours", "Uma padaria em Lisboa com menu",
    "Una barbería en Sevilla con precios", "make it dark green", "add a FAQ", "change the name to ",
])  # fmt: skip
pieces = st.one_of(
    st.text(every_character, max_size=60),
    invisible,
    markup,
    description,
    st.integers(1, 5000).map(lambda n: "a" * n),  # one huge word (past the length limit too)
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co"]), max_size=20),
)
messages = st.one_of(st.lists(pieces, min_size=1, max_size=4).map("".join), command)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(conversation=st.lists(messages, min_size=1, max_size=TURNS))
async def test_any_message_gets_an_answer_and_stored_versions_pass_the_schema(
    store: Store, tmp_path: Path, conversation: list[str]
) -> None:
    studio, _drafts = make_studio(store, OfflineGenerator(), tmp_path)
    chat = ChatRef(platform="console", chat_id=f"fuzz-{next(_chats)}", user_id="fuzz", language="en")
    for text in conversation:
        events: list[Event] = [event async for event in studio.message(chat, text)]  # must not raise
        assert events, f"no answer to {text!r}"
        assert all(e.text for e in events), f"an event without text for {text!r}"
        failures = [e for e in events if isinstance(e, Failed)]
        assert all(f.code != "internal" for f in failures), (text, failures)
    validator = Draft202012Validator(site_schema())
    async with store.session() as session:
        rows = (await session.execute(select(SiteVersionRow.site_id, SiteVersionRow.number,
                                             SiteVersionRow.parent_number, SiteVersionRow.spec, SiteVersionRow.delta))).all()
    specs = [spec for site in {r[0] for r in rows}  # stored as edits: read each version back whole
             for spec in version_codec.decode_all(r[1:] for r in rows if r[0] == site).values()]
    for spec in specs:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(spec)]
        assert errors == [], errors
