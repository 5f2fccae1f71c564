"""``PAGEMAGIC_<NAME>_FILE``: any setting read from a file, the way Docker secrets are mounted.

In a Compose or Swarm stack the bot token, signing secrets, Stripe keys and
database URL live in ``/run/secrets/<name>``; ``PAGEMAGIC_TELEGRAM_TOKEN_FILE=
/run/secrets/telegram_token`` reads it from there, so no secret is ever an
environment literal. A variable set directly wins over its ``_FILE`` twin.
Trailing newlines (``echo value > file``) are dropped; an empty file counts as unset.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import PydanticBaseSettingsSource


class SettingsFileError(ValueError):
    """A ``_FILE`` variable names a file that cannot be read (the path is told, never the content)."""


class FileVariables(PydanticBaseSettingsSource):
    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything happens in __call__

    def __call__(self) -> dict[str, Any]:
        prefix = str(self.config.get("env_prefix", "")).upper()
        environ = {key.upper(): value for key, value in os.environ.items()}
        values: dict[str, Any] = {}
        for name in self.settings_cls.model_fields:
            variable = f"{prefix}{name.upper()}_FILE"
            path = environ.get(variable)
            if not path:
                continue
            try:
                content = Path(path).read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise SettingsFileError(f"{variable}: cannot read {path} ({exc.strerror})") from exc
            if content:  # an empty secret file means "not configured" (the stack mounts them all)
                values[name] = content
        return values
