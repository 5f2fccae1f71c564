"""Files and folders only their owner may read: secrets (``edge.json``) and user data (the database).

Permissions are set on the file itself, whatever existed before and whatever
the umask: a secrets file is written to a new temporary file (created 0600 by
``tempfile.mkstemp``) in the same folder, flushed to disk and renamed over the
old one, so a reader sees the old content or the new, never half, and never a
moment at 0644. Renaming also replaces a symlink planted at the path instead
of writing through it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def write_private(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` atomically, mode 0600 (an existing file's looser mode is not kept)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), FILE_MODE)  # mkstemp already does; said here so no umask can change it
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def make_private(path: Path) -> None:
    """Give an existing file mode 0600 (no-op if it is missing); its content is left as it is."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists; tighten it if it does."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        make_private(path)
    else:
        os.close(fd)


def private_dir(path: Path) -> None:
    """Make sure folder ``path`` exists and only its owner can enter it (0700).

    Created 0700 with its missing parents; an existing folder of ours is tightened. One we may not
    change (a mount owned by someone else) is left as it is: its owner decides who reads it.
    """
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):
        if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
            path.chmod(DIR_MODE)
