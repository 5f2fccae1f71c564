"""Keeping secrets out of logs: every configured secret value is masked wherever it appears.

The values come from the settings (each ``SecretStr`` field, plus the password
inside a database or Redis URL); the structlog processor replaces any of them,
in any string of an event, with ``***``. Masking by value rather than by key
also catches a token that slipped into an exception message or a URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, SecretStr

MASK = "***"
_MIN_LENGTH = 4  # shorter values would mask ordinary words


def secret_values(settings: BaseModel) -> list[str]:
    """Every secret a settings object holds: SecretStr values and passwords inside URLs."""
    found: set[str] = set()
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            raw = value.get_secret_value()
            found.add(raw)
            found.update(_url_password(raw))
    return sorted((v for v in found if len(v) >= _MIN_LENGTH), key=len, reverse=True)


def _url_password(raw: str) -> list[str]:
    if "://" not in raw:
        return []
    try:
        password = urlsplit(raw).password
    except ValueError:
        return []
    if not password:
        return []
    return [password, unquote(password)]


class Redactor:
    """A structlog processor (and plain function) that masks known secret values."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: list[str] = []
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        merged = set(self._secrets) | {s for s in secrets if len(s) >= _MIN_LENGTH}
        self._secrets = sorted(merged, key=len, reverse=True)

    def text(self, value: str) -> str:
        for secret in self._secrets:
            if secret in value:
                value = value.replace(secret, MASK)
        return value

    def _value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, SecretStr):
            return MASK
        if isinstance(value, Mapping):
            return {k: self._value(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self._value(v) for v in value)
        if isinstance(value, BaseException):
            return self.text(f"{type(value).__name__}: {value}")
        return value

    def __call__(self, _logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        for key in list(event_dict):
            event_dict[key] = self._value(event_dict[key])
        return event_dict
