"""Photos through both Telegram drivers: getFile and the file download, photos, files, albums."""

from __future__ import annotations

import pytest

from tests import photos
from tests.bots.telegram.conftest import BotFactory
from tests.standins.telegram_api import TelegramStandIn

CHAT = 7301


def _texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(CHAT)]


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_photos_files_and_albums_reach_the_site(start_bot: BotFactory, standin: TelegramStandIn, driver: str) -> None:
    async with start_bot(driver=driver) as bot:
        bot.service.adapter.album_wait = 0.3  # type: ignore[union-attr]
        standin.send_text(CHAT, "A bakery in Lisbon with a menu and contact")
        await standin.wait_for(lambda: any("is ready (version 1)" in t for t in _texts(standin)))

        standin.send_photo(CHAT, photos.camera_jpeg((1200, 900), seed=11))
        await standin.wait_for(lambda: any("Added to the gallery" in t for t in _texts(standin)), timeout=60)
        largest = max((f for f in standin.files.values() if f[0].startswith("photos/")), key=lambda f: len(f[1]))
        assert largest[0] in standin.downloads  # the largest size, through /file/bot<token>/<path>
        assert any("What does it show?" in t for t in _texts(standin))

        standin.send_file(CHAT, photos.heic((1200, 900)), "IMG_0042.HEIC", "image/heic", caption="use it as the cover")
        await standin.wait_for(lambda: any("cover photo" in t for t in _texts(standin)), timeout=60)

        standin.send_album(CHAT, [photos.camera_jpeg((800, 600), seed=s) for s in (12, 13, 14)])
        await standin.wait_for(lambda: any("3 photos added to the gallery" in t for t in _texts(standin)), timeout=90)

        standin.send_file(CHAT, photos.PDF_AS_JPG, "menu.jpg", "image/jpeg")
        await standin.wait_for(lambda: any("That's a PDF" in t for t in _texts(standin)), timeout=30)
        assert [(c.method, c.status) for c in standin.calls if c.status != 200] == []


GROUP = -100731


def _group_texts(standin: TelegramStandIn) -> list[str]:
    return [m["text"] for m in standin.sent(GROUP)]


def _files_of(update: dict[str, object]) -> set[str]:
    """The stand-in's paths of the files a sent photo message carries."""
    message = update["message"]
    assert isinstance(message, dict)
    return {f["file_id"] for f in message.get("photo", [])}


@pytest.mark.parametrize("driver", ["aiogram", "ptb"])
async def test_in_a_group_photos_are_handled_when_their_caption_mentions_the_bot_or_they_reply_to_it(
    start_bot: BotFactory, standin: TelegramStandIn, driver: str
) -> None:
    """As with text: a photo meant for the bot (its caption mentions it, or it replies to the bot) is
    handled, the mention taken out of the caption; other photos in the group are not the bot's."""
    async with start_bot(driver=driver) as bot:
        bot.service.adapter.album_wait = 0.3  # type: ignore[union-attr]
        standin.send_text(GROUP, "@PageMagicBot a bakery in Lisbon with a menu and contact", user_id=21)
        await standin.wait_for(lambda: any("version 1" in t for t in _group_texts(standin)), timeout=30)
        ignored = _files_of(standin.send_photo(GROUP, photos.camera_jpeg((800, 600), seed=21), user_id=22))
        ignored |= _files_of(standin.send_photo(GROUP, photos.camera_jpeg((800, 600), seed=22),
                                                caption="look at this cake!", user_id=22))  # fmt: skip
        standin.send_photo(GROUP, photos.camera_jpeg((1200, 900), seed=23),
                           caption="@PageMagicBot use it as the cover", user_id=21)  # fmt: skip
        await standin.wait_for(lambda: any("cover photo" in t for t in _group_texts(standin)), timeout=60)
        assert not any("@PageMagicBot" in t for t in _group_texts(standin))

        before = len(standin.sent(GROUP))
        known = set(standin.files)
        standin.send_album(GROUP, [photos.camera_jpeg((640, 480), seed=s) for s in (24, 25)], caption="holidays", user_id=22)
        ignored |= set(standin.files) - known
        standin.send_album(GROUP, [photos.camera_jpeg((640, 480), seed=s) for s in (26, 27, 28)],
                           caption="@PageMagicBot add these to the gallery", user_id=21)  # fmt: skip
        await standin.wait_for(lambda: any("3 photos added to the gallery" in t for t in _group_texts(standin)), timeout=90)
        reply_to = standin.sent(GROUP)[-1]["message_id"]
        standin.send_photo(GROUP, photos.camera_jpeg((800, 600), seed=29), user_id=22, reply_to=reply_to)
        await standin.wait_for(lambda: any("Added to the gallery" in t for t in _group_texts(standin)), timeout=60)
        assert len(standin.sent(GROUP)) == before + 2, _group_texts(standin)[before:]
        fetched = {path for file_id, (path, _) in standin.files.items() if file_id in ignored}
        assert not fetched & set(standin.downloads), "a photo not meant for the bot is never downloaded"
        assert not any("read text" in t for t in _group_texts(standin))
