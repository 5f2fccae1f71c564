"""Slack payloads -> what Studio takes: a ``ChatRef`` and a text, plus where to answer.

A channel has one shared site (the conversation is the channel); a direct
message channel is personal by nature, so it gets its own site. Slash command
words map onto the chat commands every adapter shares (``publish`` -> ``/publish``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bots.slack.files import SlackFile
from core.commands import plain_command
from core.storage.records import ChatRef

SUBCOMMANDS = frozenset(
    {"publish", "unpublish", "domain", "usage", "stats", "upgrade", "undo", "redo", "history", "new", "help", "language",
     "account", "link", "unlink", "dashboard", "email", "export", "delete-account", "role"}
)
_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


@dataclass(frozen=True)
class Turn:
    """One thing a Slack user said to Page Magic, and where the answer goes."""

    chat: ChatRef
    text: str  # what Studio receives: a description/refinement or "/publish", "/domain x.pt"...
    channel: str
    thread_ts: str | None  # the thread it came from (None: a slash command, answered in the site's thread)
    response_url: str | None = None
    unknown: str = ""  # a slash subcommand nobody knows: answered with help
    source: str = "command"  # command | action | mention | message
    files: tuple[SlackFile, ...] = ()  # pictures shared with the message (its text is their caption)

    @property
    def team(self) -> str:
        return self.chat.workspace

    @property
    def user(self) -> str:
        return self.chat.user_id

    @property
    def command(self) -> str:
        """The shared command name ("publish"...) or "" for a description/refinement."""
        if not self.text.startswith("/"):
            return ""
        return self.text[1:].split(" ", 1)[0]


def chat_ref(team: str, channel: str, user: str, user_name: str = "") -> ChatRef:
    """A channel's site belongs to the workspace's team account; a DM is the person's own."""
    shared = not channel.startswith("D")
    return ChatRef(
        platform="slack", workspace=team, chat_id=channel, user_id=user, user_name=user_name, team=team if shared else ""
    )


def from_command(payload: dict[str, Any]) -> Turn:
    """``/pagemagic domain padaria.pt`` -> Turn(text="/domain padaria.pt")."""
    text = " ".join(str(payload.get("text") or "").split())
    word, _, rest = text.partition(" ")
    lowered = word.lower()
    unknown = ""
    if not text or lowered == "help":
        studio_text = "/help"
    elif lowered == "describe":
        studio_text = rest or "/help"
    elif lowered in SUBCOMMANDS:
        studio_text = f"/{lowered} {rest}".rstrip()
    elif not rest:
        studio_text, unknown = "/help", word[:40]  # one unknown word is a mistyped subcommand, not a description
    else:
        studio_text = text
    return Turn(
        chat=chat_ref(payload["team_id"], payload["channel_id"], payload["user_id"], payload.get("user_name", "")),
        text=studio_text,
        channel=payload["channel_id"],
        thread_ts=None,
        response_url=payload.get("response_url"),
        unknown=unknown,
    )


def from_action(body: dict[str, Any], command: str) -> Turn:
    """A button under a preview (Publish, Undo) -> the same command typed in its thread."""
    message = body.get("message") or {}
    container = body.get("container") or {}
    thread = container.get("thread_ts") or message.get("thread_ts") or message.get("ts")
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
    user = body["user"]
    return Turn(
        chat=chat_ref(team, body["channel"]["id"], user["id"], user.get("username", "")),
        text=command,
        channel=body["channel"]["id"],
        thread_ts=thread,
        response_url=body.get("response_url"),
        source="action",
    )


def from_message(event: dict[str, Any], team: str, bot_user_id: str | None) -> Turn | None:
    """A DM, a reply in a thread the app started, or an app mention -> a refinement (or command).

    Returns None for what is not addressed to Page Magic: edits, joins, bots,
    thread replies under someone else's message.
    """
    if event.get("subtype") not in (None, "file_share") or event.get("bot_id") or not event.get("user"):
        return None
    files = tuple(SlackFile.from_event(f) for f in event.get("files") or ())
    raw = str(event.get("text") or "")
    mentioned = bool(bot_user_id) and f"<@{bot_user_id}" in raw
    kind = event.get("type")
    if kind == "message":
        if mentioned and event.get("channel_type") != "im":
            return None  # the app_mention event of the same message answers it
        in_our_thread = event.get("thread_ts") and event.get("parent_user_id") == bot_user_id
        if event.get("channel_type") != "im" and not in_our_thread:
            return None
    text = " ".join(_MENTION.sub(" ", raw).split())
    parts = text.split(" ")
    word = parts[0].lower()
    domain_command = (word == "domain" and (
        len(parts) == 2 or (len(parts) == 3 and parts[1].lower() in ("check", "remove"))
    )) or (word == "language" and len(parts) == 2)
    plain = plain_command(text)
    if (len(parts) == 1 and word in SUBCOMMANDS - {"domain"}) or domain_command:
        text = " ".join(["/" + word, *parts[1:]])  # "publish" in the thread means /publish
    elif plain is not None:
        text = "/" + plain.name  # "publicar, por favor" too, so the publish policy sees a command
    return Turn(
        chat=chat_ref(event.get("team") or team, event["channel"], event["user"]),
        text=text,
        channel=event["channel"],
        thread_ts=event.get("thread_ts") or event["ts"],
        source="mention" if kind == "app_mention" else "message",
        files=tuple(f for f in files if f.looks_like_image()),
    )
