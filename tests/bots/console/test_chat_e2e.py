"""``pagemagic chat`` driven as a user would, in a subprocess, fetching every URL it prints."""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import html5lib
import httpx

URL = re.compile(r"http://127\.0\.0\.1:\d+/[ps]/[^\s)]+")
PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))


class Chat:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.transcript: list[str] = []

    async def read_until(self, pattern: str, timeout: float = 30) -> list[str]:
        assert self.process.stdout is not None
        seen: list[str] = []
        async with asyncio.timeout(timeout):
            while True:
                raw = await self.process.stdout.readline()
                if not raw:
                    raise AssertionError(f"chat ended before {pattern!r}:\n" + "\n".join(self.transcript))
                line = raw.decode().rstrip("\n")
                self.transcript.append(line)
                seen.append(line)
                if re.search(pattern, line):
                    return seen

    async def send(self, text: str, until: str) -> list[str]:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode() + b"\n")
        await self.process.stdin.drain()
        return await self.read_until(until)


async def start_chat(home: Path) -> Chat:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(PAGEMAGIC_HOME=str(home), PAGEMAGIC_PORT="0", PAGEMAGIC_GENERATOR_DELAY="0.01", LANG="C.UTF-8")
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT, env=env,
    )
    chat = Chat(process)
    await chat.read_until(r"Server: http://127\.0\.0\.1:\d+")
    return chat


async def get(url: str, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.get(url, headers=headers)


async def test_the_whole_outcome_through_the_terminal_chat(tmp_path: Path) -> None:
    chat = await start_chat(tmp_path / "home")
    try:
        lines = await chat.send("Uma padaria artesanal em Lisboa, com menu, horário e contacto", r"versão 1\)")
        started = lines[0]
        assert URL.search(started), "the preview link is shown when generation starts"
        section_lines = [line for line in lines if re.match(r"\s+\d+\. ", line)]
        assert len(section_lines) >= 5, lines
        assert any("Menu" in line for line in section_lines)
        preview = URL.search(lines[-1]).group(0)  # type: ignore[union-attr]
        page = await get(preview)
        assert page.status_code == 200
        assert html5lib.parse(page.text, namespaceHTMLElements=False).get("lang") == "pt-PT"

        lines = await chat.send("make it dark green and add a FAQ", r"version 2")
        streamed = [line for line in lines if re.match(r"\s+\d+\. ", line)]
        assert len(streamed) == 1 and "FAQ" in streamed[0], lines
        assert (await get(URL.search(lines[-1]).group(0))).status_code == 200  # type: ignore[union-attr]

        lines = await chat.send("/undo", r"version 1")
        assert (await get(URL.search(lines[-1]).group(0))).status_code == 200  # type: ignore[union-attr]

        lines = await chat.send("/publish", r"/s/")
        published = URL.search(lines[-1]).group(0)  # type: ignore[union-attr]
        site = await get(published)
        assert site.status_code == 200 and "content-security-policy" in site.headers

        lines = await chat.send("/domain padaria-exemplo.pt", r"padaria-exemplo\.pt")
        server = re.search(r"http://127\.0\.0\.1:\d+", lines[-1]).group(0)  # type: ignore[union-attr]
        by_host = await get(server + "/", Host="padaria-exemplo.pt")
        assert by_host.status_code == 200 and "<h1" in by_host.text

        lines = await chat.send("/usage", r"(bandwidth|tráfego|tráfico)")
        text = "\n".join(lines)
        assert re.search(r"(generations|gerações).*: 2 ", text), text
        assert re.search(r"(publishes|publicações).*: 1 ", text), text

        lines = await chat.send("/help", r"/domain")
        lines = await chat.send("/whatever", r"/whatever")
        assert lines[-1].startswith("!")
    finally:
        assert chat.process.stdin is not None
        chat.process.stdin.close()
        code = await asyncio.wait_for(chat.process.wait(), 20)
    assert code == 0, "\n".join(chat.transcript)


async def test_piped_input_runs_in_order_and_exits_at_end(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(PAGEMAGIC_HOME=str(tmp_path / "home"), PAGEMAGIC_PORT="0")
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=env,
    )
    out, err = await asyncio.wait_for(process.communicate(b"a bakery in Lisbon\n/publish\n"), 60)
    text = out.decode()
    assert process.returncode == 0, err.decode()
    assert text.index("/p/") < text.index("/s/")
    assert "Published version 1" in text


async def _piped(home: Path, script: str, lang: str = "C.UTF-8") -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(PAGEMAGIC_HOME=str(home), PAGEMAGIC_PORT="0", LANG=lang)
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=env,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(script.encode()), 60)
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_a_restarted_chat_names_the_open_site_and_never_publishes_the_wrong_one(tmp_path: Path) -> None:
    """The README's piped example, run after an earlier session left another site open."""
    home = tmp_path / "home"
    first = await _piped(home, "A florist in Bristol\n/publish\n")
    assert first.splitlines()[0] == "Page Magic — describe the site you want (or /help)."
    assert "/s/bristol-florist/" in first

    second = await _piped(home, "a bakery in Lisbon\n/publish\n")
    greeting = second.splitlines()[:3]
    assert any("“Bristol Florist”" in line and "/new" in line for line in greeting), greeting
    assert "“Bristol Florist” is kept as it was" in second
    published = re.findall(r"Published version \d+: (\S+)", second)
    assert published and published[-1].endswith("/s/lisbon-bakery/"), second


async def test_photos_from_the_terminal_by_command_and_by_dropping_a_path(tmp_path: Path) -> None:
    from tests import photos

    shop = tmp_path / "our shop.jpg"
    shop.write_bytes(photos.camera_jpeg((1000, 750), seed=31))
    logo = tmp_path / "logo.svg"
    logo.write_bytes(photos.SVG_WITH_SCRIPT)
    chat = await start_chat(tmp_path / "home")
    try:
        await chat.send("A bakery in Lisbon with a menu and contact", r"version 1\)")
        lines = await chat.send(f'/image "{shop}" use it as the cover', r"cover photo")
        page = await get(URL.search(lines[-1]).group(0))  # type: ignore[union-attr]
        assert 'fetchpriority="high"' in page.text
        lines = await chat.send(str(shop).replace(" ", "\\ "), r"Version|Nothing|gallery")  # dropped: escaped spaces
        lines = await chat.send(str(logo), r"SVG files can carry code")
    finally:
        assert chat.process.stdin is not None
        chat.process.stdin.close()
        code = await asyncio.wait_for(chat.process.wait(), 20)
    assert code == 0, "\n".join(chat.transcript)


async def test_stats_in_the_terminal_saves_the_chart_and_prints_the_summary(tmp_path: Path) -> None:
    """/stats over the figures the rollup stored (two days of a site made in an earlier session)."""
    home = tmp_path / "home"
    await _piped(home, "a bakery in Lisbon\n")
    database = next(home.glob("*.db"))
    with sqlite3.connect(database) as db:
        site_id = db.execute("SELECT id FROM sites").fetchone()[0]
        today = datetime.now(UTC).date()  # the chat's own clock: the range ends today
        for back, views, visitors in ((1, 40, 12), (0, 20, 9)):
            db.execute(
                "INSERT INTO site_days (site_id, day, requests, views, visitors, bytes, classes, pages, referrers, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', '{}', '{}', ?)",
                (site_id, (today - timedelta(days=back)).isoformat(), views + 5, views, visitors, 2_500_000,
                 datetime.now(UTC).isoformat()),
            )
    text = await _piped(home, "/stats 30\n/stats 12\n")
    assert "last 30 days: 21 visitors, 60 page views, 70 requests, 5 MB served." in text
    assert "Stats cover the last 7, 30 or 90 days" in text  # 12 is not a range: said so, nothing drawn
    chart = home / "charts" / next(p.name for p in (home / "charts").iterdir())
    assert f"Chart saved to {chart}" in text
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


async def test_a_chat_on_a_chosen_port_starts_while_the_ops_port_is_taken(tmp_path: Path) -> None:
    """PAGEMAGIC_PORT chooses the site's port only: a second chat (or `serve`) holding the default ops
    port 8402 must not stop it. It did: the ops listener was bound strictly whenever the site port was."""
    import errno
    import socket

    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        holder.bind(("127.0.0.1", 8402))
        holder.listen(1)
    except OSError as exc:  # already held by another process: the condition under test holds anyway
        assert exc.errno == errno.EADDRINUSE
    try:
        text = await _piped(tmp_path / "home", "a bakery in Lisbon\n")
    finally:
        holder.close()
    assert "/p/" in text
