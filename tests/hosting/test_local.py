"""The local backend: complete release folders, an atomic switch, old releases kept for rollback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import Superseded
from core.ports import PublishTarget
from hosting.local import META_FILE, LocalHosting
from tests.core.scripted import sample_site


async def no_progress(state: str, detail: str) -> None:
    return None


async def test_publish_writes_a_release_and_switches_current(tmp_path: Path) -> None:
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9", keep=3)
    site = sample_site()
    first = await hosting.publish(PublishTarget(1, "padaria", 1), site, no_progress)
    assert first.url == "http://127.0.0.1:9/s/padaria/"
    current = hosting.current_dir("padaria")
    assert current.is_symlink()
    assert (current / "index.html").read_bytes().startswith(b"<!")
    assert "default-src 'none'" in (current / META_FILE).read_text()
    assert b"http://127.0.0.1:9/s/padaria/" in (current / "sitemap.xml").read_bytes()

    renamed = site.model_copy(update={"name": "Padaria Lua"})
    second = await hosting.publish(PublishTarget(1, "padaria", 2), renamed, no_progress)
    assert second.release_id != first.release_id
    assert current.resolve().name == second.release_id
    assert first.release_id in hosting.releases("padaria")  # previous kept for rollback
    await hosting.unpublish("padaria")
    assert not current.exists() and hosting.releases("padaria")


async def test_only_the_newest_releases_are_kept(tmp_path: Path) -> None:
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9", keep=2)
    ids = [(await hosting.publish(PublishTarget(1, "s", n), sample_site(), no_progress)).release_id for n in range(1, 5)]
    assert hosting.releases("s") == sorted(ids[-2:])
    assert not any(p.name.startswith(".") for p in (tmp_path / "s").iterdir() if p.name != "current")


async def test_a_release_from_an_earlier_job_never_replaces_a_later_ones(tmp_path: Path) -> None:
    """The switch is fenced by the job id: a worker that lost its lease and woke up late changes nothing."""
    hosting = LocalHosting(tmp_path, "http://127.0.0.1:9")
    later = await hosting.publish(PublishTarget(1, "s", 3, sequence=7), sample_site(), no_progress)
    with pytest.raises(Superseded):
        await hosting.publish(PublishTarget(1, "s", 2, sequence=6), sample_site(), no_progress)
    assert os.readlink(hosting.current_dir("s")) == f"releases/{later.release_id}"
    assert hosting.releases("s") == [later.release_id]  # the refused release was not left behind
    again = await hosting.publish(PublishTarget(1, "s", 3, sequence=7), sample_site(), no_progress)  # a retry of the same job
    assert os.readlink(hosting.current_dir("s")) == f"releases/{again.release_id}"
