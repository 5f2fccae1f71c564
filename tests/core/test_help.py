"""``/help`` names every command the chats accept, in every locale (pt_BR, pt_PT, en, es).

The lists come from the registries the parsers use (``core.commands``, Slack's subcommands)
and from the commands table in docs/chat-commands.md, never from a list written here: a
command added to a parser or to the docs and forgotten in /help fails this test.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bots.slack.inbound import SUBCOMMANDS
from bots.wiring import Runtime, runtime
from core.commands import ALIASES, COMMANDS, DOMAIN_ACTIONS, LEAVE
from core.events import Reply
from core.messages import say
from core.settings import Settings
from core.site.values import LANGUAGES, Language
from core.storage.records import ChatRef

DOCS_TABLE = Path(__file__).resolve().parents[2] / "docs" / "chat-commands.md"


def _documented_commands() -> list[str]:
    """The command column of the table in docs/chat-commands.md, arguments left out: "/domain check"."""
    found: list[str] = []
    for line in DOCS_TABLE.read_text(encoding="utf-8").splitlines():
        cell = re.match(r"^\| `(/[^`]+)` \|", line)
        if cell:
            found.append(" ".join(word for word in cell.group(1).split() if word.islower() and not word.startswith("[")))
    return found


def _accepted(platform: str) -> list[str]:
    """Every command the parsers accept on ``platform``, as a user types it."""
    names = [f"/{name}" for name in COMMANDS if name not in ALIASES]
    names += [f"/domain {action}" for action in DOMAIN_ACTIONS]
    names += [f"/{LEAVE[platform][0]}"] if platform in LEAVE else []
    return names


@pytest.fixture
async def rt(tmp_path: Path, settings_for: Callable[..., Settings]) -> AsyncIterator[Runtime]:
    async with runtime(settings_for()) as started:
        yield started


async def _help(rt: Runtime, platform: str, language: Language) -> str:
    chat = ChatRef(platform=platform, chat_id=f"help-{language}", user_id="u", language=language)
    events = [event async for event in rt.studio.message(chat, "/help")]
    assert len(events) == 1 and isinstance(events[0], Reply), events
    return events[0].text


def test_the_docs_table_and_the_registry_agree() -> None:
    documented = _documented_commands()
    assert "/domain check" in documented and "/quit" in documented
    assert sorted(set(documented)) == sorted(set(_accepted("console"))), "docs/chat-commands.md and core.commands differ"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_terminal_help_names_every_command(rt: Runtime, language: Language) -> None:
    text = await _help(rt, "console", language)
    wanted = sorted(set(_accepted("console") + _documented_commands()))
    missing = [name for name in wanted if not re.search(re.escape(name) + r"\b", text)]
    assert not missing, f"/help in {language} lacks {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_chat_help_elsewhere_leaves_out_what_only_the_terminal_has(rt: Runtime, language: Language) -> None:
    text = await _help(rt, "telegram", language)
    missing = [name for name in _accepted("telegram") if not re.search(re.escape(name) + r"\b", text)]
    assert not missing, f"/help in {language} lacks {missing}"
    assert "/quit" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_help_names_every_subcommand(language: Language) -> None:
    text = say(language, "slack_help", command="/pagemagic")
    wanted = [f"/pagemagic {name}" for name in sorted(SUBCOMMANDS)]
    wanted += [f"/pagemagic domain {action}" for action in DOMAIN_ACTIONS]
    missing = [name for name in wanted if not re.search(re.escape(name) + r"\b", text)]
    assert not missing, f"Slack help in {language} lacks {missing}"
