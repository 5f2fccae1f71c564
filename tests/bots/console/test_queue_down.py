"""Issue 14, item 7: ``/publish`` with Redis unreachable, in a real ``pagemagic chat`` process.

Before: a traceback, exit status 1, and a job left ``queued`` forever. Now the
user is told the publish could not be queued and to try again, no job is left
queued, and the chat goes on (the next message is answered; end of input exits 0).
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from pathlib import Path

PAGEMAGIC = str(Path(sys.executable).with_name("pagemagic"))
UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


async def test_publish_with_the_queue_unreachable_is_refused_and_the_chat_goes_on(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMAGIC_")}
    env.update(PAGEMAGIC_HOME=str(home), PAGEMAGIC_PORT="0", PAGEMAGIC_REDIS_URL=UNREACHABLE, LANG="C.UTF-8")
    process = await asyncio.create_subprocess_exec(
        PAGEMAGIC, "chat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=env,
    )
    out, err = await asyncio.wait_for(process.communicate(b"a bakery in Lisbon\n/publish\n/history\n"), 90)
    text, errors = out.decode(), err.decode()
    assert process.returncode == 0, errors
    assert "Traceback" not in text + errors
    assert "/publish could not be queued" in text and "try /publish again" in text, text
    assert text.index("could not be queued") < text.index("Not online"), "the chat answered the next message (/history)"
    assert "Published version" not in text
    with sqlite3.connect(home / "pagemagic.db") as db:
        states = [state for (state,) in db.execute("SELECT state FROM jobs")]
    assert states == ["failed"], states  # no orphan left queued
