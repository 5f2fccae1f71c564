"""The files of ``PAGEMAGIC_HOME`` a backup keeps: every data folder (published releases, images,
and whatever a later feature stores there), generically.

Left out: the SQLite database and its journal (copied through SQLite's backup API instead), the
edge's rendered config (``pagemagic edge config`` writes it again), the backups themselves, and
lock files. Symbolic links are kept as links (a site's ``current`` release is one).
"""

from __future__ import annotations

import os
import tarfile
from collections.abc import Iterator
from pathlib import Path

SKIPPED_NAMES = {"pagemagic.db", "pagemagic.db-wal", "pagemagic.db-shm", "pagemagic.db-journal", "edge", "backups"}
SKIPPED_SUFFIXES = (".lock", ".tmp")


def files(home: Path, also_skip: tuple[Path, ...] = ()) -> Iterator[Path]:
    """The paths to keep, relative to ``home``: each folder (or link) before what it holds."""
    if not home.is_dir():
        return
    skip = {p.resolve() for p in also_skip}
    for root, dirs, names in os.walk(home):  # links to folders are listed, not followed
        here = Path(root)
        walked = []
        for name in sorted(dirs):
            path = here / name
            if _skipped(home, path, skip):
                continue
            yield path.relative_to(home)
            if not path.is_symlink():
                walked.append(name)
        dirs[:] = walked
        for name in sorted(names):
            path = here / name
            if not _skipped(home, path, skip):
                yield path.relative_to(home)


def _skipped(home: Path, path: Path, skip: set[Path]) -> bool:
    if path.parent == home and path.name in SKIPPED_NAMES:
        return True
    if path.name.endswith(SKIPPED_SUFFIXES) or path.name.startswith(".current-"):
        return True
    return not path.is_symlink() and path.resolve() in skip


def add(archive: tarfile.TarFile, home: Path, also_skip: tuple[Path, ...] = ()) -> tuple[int, int]:
    """Put the kept files under ``home/`` in ``archive``; returns (files, bytes)."""
    count = size = 0
    for relative in files(home, also_skip):
        path = home / relative
        archive.add(path, arcname=f"home/{relative.as_posix()}", recursive=False)
        if path.is_file() and not path.is_symlink():
            count += 1
            size += path.stat().st_size
    return count, size
