"""Turns core events into terminal output: rich on a terminal, plain lines otherwise."""

from __future__ import annotations

import threading
from typing import Protocol

from rich.console import Console
from rich.control import Control
from rich.segment import ControlType
from rich.text import Text

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


class RichOutput:
    """Streams sections as styled progress lines; never wraps inside a URL.

    The prompt stays usable while a site streams: output lines clear the
    waiting prompt, print above it, and put it back.
    """

    def __init__(self, console: Console) -> None:
        self._console = console
        self._lock = threading.Lock()
        self._prompt_shown = False

    def ask(self) -> str:
        """Read one line at the prompt (called from the reader thread)."""
        with self._lock:
            self._console.print(PROMPT, end="", style="bold")
            self._prompt_shown = True
        line = input()
        with self._lock:
            self._prompt_shown = False
        return line

    def event(self, event: Event) -> None:
        with self._lock:
            if self._prompt_shown:
                self._console.control(Control.move_to_column(0), Control((ControlType.ERASE_IN_LINE, 2)))
            self._render(event)
            if self._prompt_shown:
                self._console.print(PROMPT, end="", style="bold")

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
