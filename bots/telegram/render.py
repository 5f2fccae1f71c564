"""Core events as Telegram text: HTML parse mode, every character of ours escaped, 4096 at most."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from bots.telegram.port import Button, Keyboard
from core.events import (
    Confirm,
    Event,
    GenerationStarted,
    PreviewReady,
    Published,
    SectionReady,
    SignInLink,
    SiteChanged,
)
from core.messages import say
from core.site.values import Language

MAX_TEXT = 4096
PUBLISH = "pm:publish"
UNDO = "pm:undo"
DASHBOARD = "pm:dashboard"  # sends a one-time sign-in link, as /dashboard does
CALLBACK_COMMANDS = {PUBLISH: "/publish", UNDO: "/undo", DASHBOARD: "/dashboard"}
CONFIRM = "pm:do:"  # + the command a confirmation button sends (Telegram allows 64 bytes of data)
CONFIRMABLE = ("/link confirm ", "/delete_account confirm ", "/domain confirm ")


def callback_command(data: str) -> str | None:
    """What a button press means: a fixed command, or a confirmation Studio asked for (never anything else)."""
    if data.startswith(CONFIRM):
        command = data[len(CONFIRM):]
        return command if command.startswith(CONFIRMABLE) else None
    return CALLBACK_COMMANDS.get(data)


def is_progress(event: Event) -> bool:
    """Progress is streamed (draft or edited message); everything else ends up in the final message."""
    return isinstance(event, GenerationStarted | SectionReady)


def progress_line(event: Event) -> str:
    if isinstance(event, SectionReady):
        return "✓ " + event.text
    return event.text


def final_line(event: Event) -> str:
    if isinstance(event, SiteChanged):
        return "✎ " + event.text
    return event.text


def dashboard_button(public_url: str, language: Language) -> Button:
    """Under a preview in a private chat: the dashboard as a Mini App when the public URL is https (it
    signs in from Telegram's signed ``initData``, no link needed), else a press that sends a sign-in link."""
    label = say(language, "button_dashboard")
    if public_url.startswith("https://") and opens_in_telegram(public_url):
        return Button(label, web_app=f"{public_url.rstrip('/')}/app/")
    return Button(label, callback=DASHBOARD)


def keyboard_for(event: Event, language: Language, dashboard: Button | None = None) -> Keyboard | None:
    """Buttons under a preview (Publish, Undo, Open preview, and ``dashboard`` in a private chat) and
    under a published site (Open site)."""
    if isinstance(event, PreviewReady):
        row: list[Button] = [
            Button(say(language, "button_publish"), callback=PUBLISH),
            Button(say(language, "button_undo"), callback=UNDO),
        ]
        rows: list[tuple[Button, ...]] = [tuple(row)]
        if opens_in_telegram(event.url):
            rows.append((Button(say(language, "button_open_preview"), url=event.url),))
        if dashboard is not None:
            rows.append((dashboard,))
        return tuple(rows)
    if isinstance(event, Published) and opens_in_telegram(event.url):
        return ((Button(say(language, "button_open_site"), url=event.url),),)
    if isinstance(event, Confirm):
        return ((Button(event.label, callback=CONFIRM + event.command),),)
    if isinstance(event, SignInLink) and opens_in_telegram(event.url):
        return ((Button(event.label, url=event.url),),)
    return None


def opens_in_telegram(url: str) -> bool:
    """Telegram refuses URL buttons to localhost and bare IPs (BUTTON_URL_INVALID); the link stays in the text."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or host == "localhost" or "." not in host:
        return False
    return not host.replace(".", "").isdigit() and ":" not in host


def split_html(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Escape ``text`` and cut it into messages of at most ``limit`` characters.

    Cuts fall on a line break, else a space, and never inside an escape
    sequence, because cutting happens before escaping.
    """
    chunks: list[str] = []
    rest = text.strip() or "…"
    while rest:
        if len(html.escape(rest, quote=False)) <= limit:
            chunks.append(html.escape(rest, quote=False))
            break
        end = _fit(rest, limit)
        cut = rest.rfind("\n", 0, end)
        if cut < end // 2:
            cut = rest.rfind(" ", 0, end)
        if cut < end // 2:
            cut = end
        chunks.append(html.escape(rest[:cut].rstrip(), quote=False))
        rest = rest[cut:].lstrip()
    return chunks


def tail_html(text: str, limit: int = MAX_TEXT) -> str:
    """A progress text that fits in one message: its last lines, escaped (drafts cannot be split)."""
    escaped = html.escape(text, quote=False)
    if len(escaped) <= limit:
        return escaped
    start = len(text) - _fit(text[::-1], limit - 2)
    newline = text.find("\n", start)
    if 0 <= newline < len(text) - 1:
        start = newline + 1
    return "…\n" + html.escape(text[start:], quote=False)


def _fit(text: str, limit: int) -> int:
    """The longest prefix of ``text`` whose escaped form has at most ``limit`` characters."""
    size = 0
    for index, char in enumerate(text):
        size += len(html.escape(char, quote=False))
        if size > limit:
            return index
    return len(text)
