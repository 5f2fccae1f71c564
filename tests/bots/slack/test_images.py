"""Photos shared in Slack: the real Bolt app fetches url_private with the bot token (files.info when told)."""

from __future__ import annotations

from tests import photos
from tests.bots.slack.flow import context_text


async def test_photos_shared_in_the_sites_thread_and_a_dm(serve, slack_settings, slack_api) -> None:  # type: ignore[no-untyped-def]
    ws = slack_api.add_workspace("T0PHOTOS0")
    async with serve(slack_settings(slack_bot_token=ws.bot_token)) as slack:
        await slack.command("T0PHOTOS0", "C1", "UALICE", "describe a bakery in Lisbon with a menu and contact")
        await slack_api.wait_for(lambda: len(slack_api.called("chat.stopStream")) == 1)
        root = slack_api.called("chat.startStream")[0].params["thread_ts"]

        # a photo shared in the site's thread, with a caption: Slack sends file_shared and the message
        shared = slack_api.add_file(ws, photos.camera_jpeg((1200, 900), seed=21), "IMG_1.jpg", "image/jpeg")
        await slack.event("T0PHOTOS0", ws.bot_user_id, slack_api.file_shared_event(shared["id"], "C1", "UBOB"))
        message = slack_api.file_share_event("C1", "UBOB", [shared], "use it as the cover", root, ws.bot_user_id)
        assert (await slack.event("T0PHOTOS0", ws.bot_user_id, {**message, "team": "T0PHOTOS0"})).status_code == 200
        await slack_api.wait_for(lambda: any("cover photo" in m.text for m in slack_api.thread("C1", root)), timeout=60)
        assert "version 2" in context_text(slack_api.thread("C1", root)[-1])
        assert slack_api.downloads == [(shared["id"], ws.bot_token)]  # once, with the bot token

        # a file Slack only names (check_file_info): files.info says where it is
        hidden = slack_api.add_file(ws, photos.camera_jpeg((800, 600), seed=22), "IMG_2.jpg", "image/jpeg",
                                    check_file_info=True)  # fmt: skip
        message = slack_api.file_share_event("C1", "UBOB", [hidden], "", root, ws.bot_user_id)
        await slack.event("T0PHOTOS0", ws.bot_user_id, {**message, "team": "T0PHOTOS0"})
        await slack_api.wait_for(lambda: any("Added to the gallery" in m.text for m in slack_api.thread("C1", root)), timeout=60)
        assert slack_api.called("files.info")

        # an SVG in a DM: refused with a reason, in the DM
        svg = slack_api.add_file(ws, photos.SVG_WITH_SCRIPT, "logo.svg", "image/svg+xml")
        await slack.event("T0PHOTOS0", ws.bot_user_id, {**slack_api.file_share_event("D9", "UALICE", [svg]), "team": "T0PHOTOS0"})
        await slack_api.wait_for(
            lambda: any("SVG files can carry code" in m.text for m in slack_api.messages.values() if m.channel == "D9")
        )
