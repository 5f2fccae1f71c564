"""The errors of backup and restore: each says what to do, never a secret."""

from __future__ import annotations

from core.errors import PageMagicError


class BackupError(PageMagicError):
    """A backup or restore could not be done; the detail says why and what to change."""

    code = "backup_failed"
