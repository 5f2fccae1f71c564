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
