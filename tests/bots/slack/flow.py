"""Steps the Slack tests share: an OAuth install, and finding what the app posted."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.bots.slack.conftest import Slack
from tests.standins.slack_api import Message, Workspace

URL = re.compile(r"http://127\.0\.0\.1:\d+/[ps]/[^\s|>)]+")


async def install(slack: Slack, team: str, installer: str, admins: tuple[str, ...] = ()) -> Workspace:
    """What a browser does: open /slack/install, approve at Slack, come back to the redirect."""
    async with httpx.AsyncClient(timeout=10) as browser:
        page = await browser.get(slack.rt.base_url + "/slack/install")
        assert page.status_code == 200, page.text
        match = re.search(r"state=([A-Za-z0-9_\-]+)", page.text)
        assert match, page.text
        cookie = page.headers["set-cookie"].split(";", 1)[0]
        code = slack.api.oauth_code(team, installer, admins=admins)
        done = await browser.get(
            slack.rt.base_url + "/slack/oauth_redirect",
            params={"code": code, "state": match.group(1)},
            headers={"Cookie": cookie},
        )
        assert done.status_code == 200, done.text
    return next(w for w in slack.api.workspaces.values() if w.team_id == team)


def blocks_of(message: Message, kind: str) -> list[dict[str, Any]]:
    return [b for b in message.blocks if b.get("type") == kind]


def action_ids(message: Message) -> list[str]:
    return [e["action_id"] for b in blocks_of(message, "actions") for e in b["elements"]]


def button_url(message: Message) -> str:
    return next(e["url"] for b in blocks_of(message, "actions") for e in b["elements"] if "url" in e)


def context_text(message: Message) -> str:
    return " ".join(e["text"] for b in blocks_of(message, "context") for e in b["elements"])
