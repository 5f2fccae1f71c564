"""Turns core events into terminal output: rich on a terminal, plain lines otherwise."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from rich.console import Console
from rich.control import Control
from rich.segment import ControlType
from rich.text import Text

try:  # line editing and history for input(); not on every platform
    import readline
except ImportError:  # pragma: no cover - Windows without pyreadline
    readline = None  # type: ignore[assignment]

from core.events import (
    Cancelled,
    Event,
    Failed,
    GenerationStarted,
    PreviewReady,
    Published,
    SectionReady,
)


class Output(Protocol):
    def event(self, event: Event) -> None: ...

    def line(self, text: str) -> None: ...


class PlainOutput:
    """One line (or block) of plain text per event; URLs are printed whole."""

    def __init__(self, write: WriteFn) -> None:
        self._write = write

    def event(self, event: Event) -> None:
        if isinstance(event, SectionReady):
            summary = f" — {event.summary}" if event.summary else ""
            self._write(f"  {event.index + 1}. {event.text}{summary}")
        elif isinstance(event, Failed):
            self._write(f"! {event.text}")
        else:
            self._write(event.text)

    def line(self, text: str) -> None:
        self._write(text)


PROMPT = "› "
# Bold prompt for input(); \001 and \002 tell readline the escapes take no room on screen.
_READLINE_PROMPT = "\001\x1b[1m\002" + PROMPT + "\001\x1b[0m\002"


def _readline_buffer() -> str:
    """What the user has typed so far at the prompt (empty without readline)."""
    return readline.get_line_buffer() if readline is not None else ""


class RichOutput:
    """Streams sections as styled progress lines; never wraps inside a URL.

    The prompt stays usable while a site streams: output lines clear the
    waiting prompt, print above it, and put it back with whatever the user
    had half-typed, so a refinement written during streaming is not lost
    from view. Reading goes through readline (line editing, history).
    """

    def __init__(self, console: Console, typed_so_far: Callable[[], str] = _readline_buffer) -> None:
        self._console = console
        self._typed_so_far = typed_so_far
        self._lock = threading.Lock()
        self._prompt_shown = False

    def ask(self) -> str:
        """Read one line at the prompt (called from the reader thread)."""
        with self._lock:
            self._prompt_shown = True
        try:
            return input(_READLINE_PROMPT if readline is not None else PROMPT)
        finally:
            with self._lock:
                self._prompt_shown = False

    def event(self, event: Event) -> None:
        with self._lock:
            if self._prompt_shown:
                self._console.control(Control.move_to_column(0), Control((ControlType.ERASE_IN_LINE, 2)))
            self._render(event)
            if self._prompt_shown:
                self._console.print(PROMPT, end="", style="bold")
                self._console.print(Text(self._typed_so_far()), end="", soft_wrap=True)

    def _render(self, event: Event) -> None:
        c = self._console
        if isinstance(event, GenerationStarted):
            c.print(Text(event.text, style="bold cyan"), soft_wrap=True)
        elif isinstance(event, SectionReady):
            line = Text("  ✓ ", style="green")
            line.append(f"{event.index + 1}. ", style="dim")
            line.append(event.text, style="bold")
            if event.summary:
                line.append(f" — {event.summary}", style="dim")
            c.print(line, soft_wrap=True)
        elif isinstance(event, (PreviewReady, Published)):
            c.print(Text(event.text, style="bold green"), soft_wrap=True)
        elif isinstance(event, Cancelled):
            c.print(Text(event.text, style="yellow"), soft_wrap=True)
        elif isinstance(event, Failed):
            c.print(Text("⚠ " + event.text, style="bold red"), soft_wrap=True)
        else:
            c.print(Text(event.text), soft_wrap=True)

    def line(self, text: str) -> None:
        with self._lock:
            self._console.print(Text(text), soft_wrap=True)


class WriteFn(Protocol):
    def __call__(self, text: str) -> None: ...
