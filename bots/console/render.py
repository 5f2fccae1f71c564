"""Turns core events into terminal output: rich on a terminal, plain lines otherwise."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console
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


class RichOutput:
    """Streams sections as styled progress lines; never wraps inside a URL."""

    def __init__(self, console: Console) -> None:
        self._console = console

    def event(self, event: Event) -> None:
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
        self._console.print(Text(text), soft_wrap=True)


class WriteFn(Protocol):
    def __call__(self, text: str) -> None: ...
