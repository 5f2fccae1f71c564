"""Files shared with Page Magic in Slack: fetched from ``url_private`` with the bot token.

A message that shares files carries them (``files``); when Slack marks one
``file_access: check_file_info`` (or leaves out its URL), ``files.info`` says where
it is. The download sends ``Authorization: Bearer`` with the workspace's bot token
and stops past the size limit. Failures become ``ImageRejected`` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from core.errors import ImageRejected
from core.images.upload import ImageUpload

IMAGE_TYPES = ("image/",)


@dataclass(frozen=True)
class SlackFile:
    id: str
    name: str
    size: int | None
    mimetype: str
    url: str | None  # url_private_download (or url_private); None: ask files.info

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> SlackFile:
        url = data.get("url_private_download") or data.get("url_private")
        if data.get("file_access") == "check_file_info":
            url = None
        return cls(str(data["id"]), str(data.get("name") or "file"), data.get("size"), str(data.get("mimetype") or ""), url)

    def looks_like_image(self) -> bool:
        return self.url is None or self.mimetype.startswith(IMAGE_TYPES) or self.name.lower().endswith(
            (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".avif", ".gif", ".svg", ".pdf")
        )


def upload_of(file: SlackFile, client: AsyncWebClient) -> ImageUpload:
    async def fetch(limit: int) -> bytes:
        return await download(client, file, limit)

    return ImageUpload(file.name, file.size, fetch)


async def download(client: AsyncWebClient, file: SlackFile, limit: int) -> bytes:
    url = file.url
    try:
        if url is None:
            info = await client.files_info(file=file.id)
            data = info["file"]
            if data.get("size") and int(data["size"]) > limit:
                raise ImageRejected("too_big", size=int(data["size"]), limit=limit)
            url = data.get("url_private_download") or data.get("url_private")
        if not url:
            raise ImageRejected("download")
        headers = {"Authorization": f"Bearer {client.token}"}
        async with httpx.AsyncClient(timeout=60, follow_redirects=True) as http, http.stream("GET", url, headers=headers) as answer:
            if answer.status_code != 200 or answer.headers.get("content-type", "").startswith("text/html"):
                raise ImageRejected("download")  # Slack answers a login page when the token is wrong
            chunks: list[bytes] = []
            size = 0
            async for chunk in answer.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise ImageRejected("too_big", size=size, limit=limit)
                chunks.append(chunk)
            return b"".join(chunks)
    except (SlackApiError, httpx.HTTPError) as error:
        raise ImageRejected("download") from error
