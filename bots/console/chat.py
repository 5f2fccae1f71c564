"""The terminal chat: the embedded front door behind ``make run`` and ``pagemagic chat``.

On a terminal, a line typed while a site is still streaming is handled at
once (Studio cancels the running generation). When standard input is not a
terminal, lines are handled one after another and the chat exits at the end
of input, so ``printf 'a bakery\\n/publish\\n' | pagemagic chat`` works.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import shlex
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from bots.console.render import Output, PlainOutput, RichOutput
from bots.wiring import runtime
from core.commands import LEAVE
from core.errors import ImageRejected
from core.events import StatsChart
from core.i18n.locales import Locale, locale_from_tag
from core.images.upload import ImageUpload
from core.messages import say
from core.settings import Settings
from core.storage.records import ChatRef
from core.studio import Studio

QUIT = {"/" + word for word in LEAVE["console"]}
_EOF = None


def terminal_language() -> Locale | None:
    """The locale of the terminal (``pt_BR.UTF-8`` is Brazilian Portuguese), if it is one we speak."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return locale_from_tag(value)
    return None


def _start_reader(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str | None], prompt: Callable[[], str]) -> None:
    """Read standard input on a thread; the event loop keeps streaming meanwhile."""

    def read() -> None:
        while True:
            try:
                line = prompt()
            except (EOFError, KeyboardInterrupt):
                line = None
            loop.call_soon_threadsafe(queue.put_nowait, line)
            if line is None:
                return

    threading.Thread(target=read, name="stdin-reader", daemon=True).start()


IMAGE_COMMAND = "/image"
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".avif", ".gif", ".bmp", ".tif", ".tiff", ".svg")


def picture_path(line: str) -> tuple[Path, str] | None:
    """``/image PATH [caption]``, or a path dropped on the terminal (quoted, or with escaped spaces)."""
    text = line.strip()
    if text.lower().startswith(IMAGE_COMMAND + " "):
        rest = text[len(IMAGE_COMMAND) :].strip()
        try:
            words = shlex.split(rest)
        except ValueError:
            words = rest.split()
        return (Path(words[0]).expanduser(), " ".join(words[1:])) if words else None
    try:
        words = shlex.split(text)
    except ValueError:
        return None
    if len(words) == 1 and words[0].lower().endswith(PICTURE_SUFFIXES) and Path(words[0]).expanduser().is_file():
        return Path(words[0]).expanduser(), ""
    return None


async def _handle(studio: Studio, chat: ChatRef, text: str, out: Output, charts: Path | None = None) -> None:
    picture = picture_path(text)
    if picture is not None:
        path, caption = picture
        uploads = [await _local_file(path)]
        async for event in studio.add_images(chat, uploads, caption):
            out.event(event)
        return
    async for event in studio.message(chat, text):
        out.event(event)
        if isinstance(event, StatsChart) and charts is not None:  # a terminal shows no image: a file to open
            saved = await asyncio.to_thread(_save_chart, charts, event)
            out.line(say(event.language, "stats_saved", path=str(saved)))


def _save_chart(folder: Path, event: StatsChart) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / event.filename
    path.write_bytes(event.png)
    return path


async def _local_file(path: Path) -> ImageUpload:
    """A file on this machine, read only when Studio fetches it (and never past its limit)."""
    size = path.stat().st_size if path.is_file() else None

    async def fetch(limit: int) -> bytes:
        def read() -> bytes:
            with path.open("rb") as handle:
                return handle.read(limit + 1)

        try:
            data = await asyncio.to_thread(read)
        except OSError as error:
            raise ImageRejected("download") from error
        if len(data) > limit:
            raise ImageRejected("too_big", size=size or len(data), limit=limit)
        return data

    return ImageUpload(path.name, size, fetch)


async def chat_loop(
    studio: Studio, chat: ChatRef, out: Output, lines: asyncio.Queue[str | None], concurrent: bool,
    charts: Path | None = None,
) -> None:
    running: set[asyncio.Task[None]] = set()
    while True:
        line = await lines.get()
        if line is None or line.strip().lower() in QUIT:
            break
        if not line.strip() and not concurrent:
            continue
        task = asyncio.create_task(_handle(studio, chat, line, out, charts))
        running.add(task)
        task.add_done_callback(running.discard)
        if not concurrent:
            await task
    if running:
        await asyncio.gather(*running, return_exceptions=True)


async def run_chat(
    settings: Settings, *, explicit_port: bool, conversation: str, explicit_ops_port: bool = False
) -> int:
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    language = terminal_language()
    async with runtime(settings, explicit_port=explicit_port, explicit_ops_port=explicit_ops_port) as rt:
        chat = ChatRef(
            platform="console",
            chat_id=conversation,
            user_id=getpass.getuser(),
            user_name=getpass.getuser(),
            language=language,
        )
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        out: Output
        if interactive:
            rich_out = RichOutput(Console(highlight=False))
            out = rich_out
            await _greet(rt.studio, chat, out, rt.base_url)
            _start_reader(loop, lines, rich_out.ask)
        else:
            out = PlainOutput(lambda text: print(text, flush=True))
            await _greet(rt.studio, chat, out, rt.base_url)
            _start_reader(loop, lines, _read_line)
        await chat_loop(rt.studio, chat, out, lines, concurrent=interactive, charts=settings.home / "charts")
        await rt.meter.flush()
    return 0


async def _greet(studio: Studio, chat: ChatRef, out: Output, server_url: str) -> None:
    """What to do, which site this conversation left open (a restart continues it), and the server."""
    welcome = await studio.welcome(chat)
    for line in welcome.text.splitlines():
        out.line(line)
    out.line(say(welcome.language, "welcome_server", url=server_url))


def _read_line() -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")
