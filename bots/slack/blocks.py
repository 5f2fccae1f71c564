"""Core events -> Block Kit: the final message of a generation and the plain answers.

Text from Studio is already in the user's language; button labels come from the
message catalog in the conversation's language.
"""

from __future__ import annotations

from typing import Any

from core.events import PreviewReady, Published
from core.messages import say
from core.site.values import Language

ACTION_PUBLISH = "pagemagic_publish"
ACTION_UNDO = "pagemagic_undo"
ACTION_OPEN = "pagemagic_open"  # link buttons still send an action; it is only acknowledged
ACTION_DASHBOARD = "pagemagic_dashboard"  # sends a one-time sign-in link, as /pagemagic dashboard does
ACTION_CONFIRM = "pagemagic_confirm"  # a confirmation Studio asked for; the button's value is the command
CONFIRMABLE = ("/link confirm ", "/delete_account confirm ", "/domain confirm ")

_SECTION_LIMIT = 3000


def escape(text: str) -> str:
    """mrkdwn control characters, so user text never becomes a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_section(text: str) -> dict[str, Any]:
    if len(text) > _SECTION_LIMIT:
        text = text[: _SECTION_LIMIT - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(label: str, action_id: str, *, url: str | None = None, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_id": action_id,
    }
    if url is not None:
        button["url"] = url
    if style is not None:
        button["style"] = style
    return button


def preview_blocks(event: PreviewReady, language: Language, dashboard: bool = False) -> list[dict[str, Any]]:
    """Preview link, Publish and Undo buttons (and Dashboard in a direct message: a sign-in is a
    person's, never a channel's), and the version in a context block."""
    elements = [
        _button(say(language, "slack_button_preview"), ACTION_OPEN, url=event.url),
        _button(say(language, "slack_button_publish"), ACTION_PUBLISH, style="primary"),
        _button(say(language, "slack_button_undo"), ACTION_UNDO),
    ]
    if dashboard:
        elements.append(_button(say(language, "button_dashboard"), ACTION_DASHBOARD))
    return [
        text_section(escape(event.text)),
        {"type": "actions", "block_id": f"pagemagic_v{event.version}", "elements": elements},
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": escape(say(language, "slack_version", name=event.site_name, version=event.version)),
                }
            ],
        },
    ]


def published_blocks(event: Published, language: Language) -> list[dict[str, Any]]:
    return [
        text_section(escape(event.text)),
        {"type": "actions", "elements": [_button(say(language, "slack_button_open_site"), ACTION_OPEN, url=event.url)]},
    ]


def confirm_blocks(text: str, label: str, command: str) -> list[dict[str, Any]]:
    button = _button(label, ACTION_CONFIRM, style="danger" if command.startswith("/delete_account") else "primary")
    button["value"] = command
    return [text_section(escape(text)), {"type": "actions", "elements": [button]}]


def link_blocks(text: str, label: str, url: str) -> list[dict[str, Any]]:
    return [text_section(escape(text)), {"type": "actions", "elements": [_button(label, ACTION_OPEN, url=url)]}]
