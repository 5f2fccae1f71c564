"""One person in Telegram and Slack: /link across the two stand-ins, then a site published from
Telegram is the Slack identity's too (/account, /usage and the API agree); /unlink; roles in a group."""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select

from bots.slack.blocks import ACTION_CONFIRM
from core.storage.tables import ChatIdentityRow, SiteRow
from tests.web.conftest import Served, wait_for

TG_USER = 7001
TEAM, DM, SLACK_USER = "T0ACME", "D0ANA", "U0ANA"


def texts(served: Served, chat: int) -> list[str]:
    return [m["text"] for m in served.telegram.sent(chat)]


async def slack_say(served: Served, text: str) -> list[dict[str, Any]]:
    _response, key = await served.slack.command(TEAM, DM, SLACK_USER, text)
    return await wait_for(lambda: served.slack.responses(key))  # type: ignore[no-any-return]


async def press_confirm(served: Served, command: str) -> list[dict[str, Any]]:
    key = secrets.token_hex(6)
    payload = {
        "type": "block_actions", "team": {"id": TEAM}, "user": {"id": SLACK_USER, "username": "ana", "team_id": TEAM},
        "api_app_id": "A0PAGEMAGIC", "channel": {"id": DM}, "container": {"type": "message", "message_ts": "1.1"},
        "message": {"type": "message", "ts": "1.1", "text": ""}, "response_url": served.slack.api.response_url(key),
        "trigger_id": "1.2.3",
        "actions": [{"action_id": ACTION_CONFIRM, "block_id": "b", "type": "button", "value": command,
                     "action_ts": str(time.time())}],
    }
    await served.slack.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")
    return await wait_for(lambda: served.slack.responses(key))  # type: ignore[no-any-return]


async def test_link_telegram_and_slack_then_publish_from_one_and_see_it_in_the_other(serve: Any) -> None:
    async with serve() as served:
        tg = served.telegram
        tg.send_text(TG_USER, "A bakery in Lisbon with a menu, opening hours and contact")
        await wait_for(lambda: tg.with_buttons(TG_USER, "pm:publish"))
        # Slack knows nothing yet: its own account, no site
        assert "0 sites" in (await slack_say(served, "account"))[0]["text"]

        tg.send_text(TG_USER, "/link")
        message = await wait_for(lambda: [t for t in texts(served, TG_USER) if "link code" in t])
        code = re.search(r"[2-9A-Z]{4}-[2-9A-Z]{4}", message[-1]).group(0)  # type: ignore[union-attr]

        asked = await slack_say(served, f"link {code}")
        assert "1 sites" not in asked[0]["text"]
        button = asked[0]["blocks"][1]["elements"][0]
        assert button["action_id"] == ACTION_CONFIRM and button["value"].startswith("/link confirm ")
        # a wrong press (another nonce) changes nothing
        refused = await press_confirm(served, "/link confirm not-the-nonce")
        assert "no longer valid" in refused[0]["text"]
        linked = await press_confirm(served, button["value"])
        assert "Linked" in linked[0]["text"] and "1 sites" in linked[0]["text"]

        async with served.rt.store.session() as session:
            identities = list(await session.scalars(select(ChatIdentityRow).where(ChatIdentityRow.platform.in_(("telegram", "slack")))))
            assert len({i.user_id for i in identities}) == 1

        # publish from Telegram; the Slack identity sees it as its own
        press = tg.with_buttons(TG_USER, "pm:publish")[-1]
        tg.press(TG_USER, press["message_id"], "pm:publish", user_id=TG_USER)
        await wait_for(lambda: [t for t in texts(served, TG_USER) if "/s/" in t])
        usage = (await slack_say(served, "usage"))[0]["text"]
        assert re.search(r"1 of \d+", usage) or "1/" in usage, usage
        account = (await slack_say(served, "account"))[0]["text"]
        assert "1 sites" in account and "Telegram" in account and "Slack" in account

        # the code worked once: typing it again is refused
        again = await slack_say(served, f"link {code}")
        assert "not valid" in again[0]["text"]

        # /unlink: the Slack identity leaves with nothing; the site stays with the account
        gone = await slack_say(served, "unlink slack")
        assert "no longer linked" in gone[0]["text"]
        assert "0 sites" in (await slack_say(served, "account"))[0]["text"]
        async with served.rt.store.session() as session:
            owners = set(await session.scalars(select(SiteRow.owner_id)))
            tg_owner = await session.scalar(select(ChatIdentityRow.user_id).where(ChatIdentityRow.platform == "telegram"))
        assert owners == {tg_owner}


async def test_a_group_site_belongs_to_the_group_and_its_admins_decide(serve: Any) -> None:
    async with serve() as served:
        tg = served.telegram
        group = -100500
        tg.admins[group] = {1: "creator", 2: "administrator"}
        tg.send_text(group, "/new", user_id=3, chat_type="group")
        tg.send_text(group, "@PageMagicBot A bakery in Lisbon with a menu", user_id=3, chat_type="group")
        await wait_for(lambda: tg.with_buttons(group, "pm:publish"))
        tg.send_text(group, "/domain padaria-grupo.pt", user_id=3, chat_type="group")  # a member: refused
        await wait_for(lambda: [t for t in texts(served, group) if "Only a team admin" in t])
        assert tg.calls_to("getChatAdministrators")
        tg.send_text(group, "/upgrade", user_id=2, chat_type="group")  # an admin is not the owner
        await wait_for(lambda: [t for t in texts(served, group) if "Only a team owner" in t])
        tg.send_text(group, "/domain padaria-grupo.pt", user_id=2, chat_type="group")  # an admin may
        await wait_for(lambda: [t for t in texts(served, group) if "padaria-grupo.pt" in t and "Only" not in t])
        tg.send_text(group, "/link", user_id=1, chat_type="group")  # account commands stay private
        await wait_for(lambda: [t for t in texts(served, group) if "private chat" in t])
        async with served.rt.store.session() as session:
            site = await session.scalar(select(SiteRow))
            team = await session.scalar(select(ChatIdentityRow).where(ChatIdentityRow.platform == "telegram_team"))
        assert site is not None and team is not None and site.owner_id == team.user_id
