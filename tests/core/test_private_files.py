"""``core.private_files``: secrets written atomically at 0600 whatever was there; folders at 0700."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.private_files import create_private, private_dir, write_private


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)  # the worst case: nothing masked
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_an_existing_loose_file_is_replaced_at_0600(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "edge.json"
    target.write_text("old")
    target.chmod(0o666)
    write_private(target, '{"password": "s3cret"}')
    assert mode(target) == 0o600 and target.read_text() == '{"password": "s3cret"}'
    assert [p.name for p in tmp_path.iterdir()] == ["edge.json"]  # no temporary file left


def test_a_symlink_at_the_path_is_replaced_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "someone-elses-file"
    elsewhere.write_text("theirs")
    target = tmp_path / "edge.json"
    target.symlink_to(elsewhere)
    write_private(target, b"mine")
    assert not target.is_symlink() and target.read_bytes() == b"mine" and mode(target) == 0o600
    assert elsewhere.read_text() == "theirs"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "edge.json"
    target.write_text("old")
    with pytest.raises(TypeError):
        write_private(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["edge.json"]


def test_create_private_makes_or_tightens(tmp_path: Path, open_umask: None) -> None:
    fresh = tmp_path / "new.db"
    create_private(fresh)
    assert fresh.exists() and mode(fresh) == 0o600
    loose = tmp_path / "old.db"
    loose.write_bytes(b"data")
    loose.chmod(0o644)
    create_private(loose)
    assert mode(loose) == 0o600 and loose.read_bytes() == b"data"


def test_private_dir_creates_or_tightens(tmp_path: Path, open_umask: None) -> None:
    home = tmp_path / "a" / "home"
    private_dir(home)
    assert mode(home) == 0o700
    home.chmod(0o755)
    private_dir(home)
    assert mode(home) == 0o700
