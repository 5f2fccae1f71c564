"""Terminal output: events print above a waiting prompt, and the half-typed line comes back."""

from __future__ import annotations

import io
import threading

import pytest
from rich.console import Console

from bots.console import render
from bots.console.render import PlainOutput, RichOutput
from core.events import Failed


def _console(buffer: io.StringIO) -> Console:
    return Console(file=buffer, force_terminal=True, color_system=None, width=80)


def test_an_event_during_typing_reprints_the_prompt_with_what_was_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    out = RichOutput(_console(buffer), typed_so_far=lambda: "make it dar")
    asking = threading.Event()
    answer = threading.Event()
    monkeypatch.setattr("builtins.input", lambda prompt="": (asking.set(), answer.wait(5), "make it dark")[-1])
    results: list[str] = []
    reader = threading.Thread(target=lambda: results.append(out.ask()))
    reader.start()
    assert asking.wait(5)
    out.event(Failed(code="model", text="The model stopped early. Your draft is as it was."))
    answer.set()
    reader.join(5)
    assert results == ["make it dark"]
    screen = buffer.getvalue()
    assert "\x1b[2K" in screen  # the waiting prompt line was cleared first
    warning = screen.index("The model stopped early")
    assert screen.rindex(render.PROMPT + "make it dar") > warning  # and put back below, with the typed text


def test_without_a_waiting_prompt_nothing_is_reprinted() -> None:
    buffer = io.StringIO()
    out = RichOutput(_console(buffer), typed_so_far=lambda: "never shown")
    out.event(Failed(code="model", text="Something failed."))
    assert "never shown" not in buffer.getvalue() and render.PROMPT not in buffer.getvalue()


def test_plain_output_prefixes_failures() -> None:
    lines: list[str] = []
    PlainOutput(lines.append).event(Failed(code="quota", text="Quota reached."))
    assert lines == ["! Quota reached."]
