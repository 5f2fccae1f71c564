"""Where each bar goes: pure arithmetic shared by the PNG and the SVG drawings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartData:
    """Two series per day (page views behind, visitors in front), labels already in the reader's language."""

    title: str
    labels: tuple[str, ...]  # one per day, e.g. "28/11"
    back: tuple[int, ...]  # page views
    front: tuple[int, ...]  # visitors
    back_name: str
    front_name: str


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    back_top: float
    front_top: float


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float  # the baseline's y
    scale_max: int
    bars: tuple[Bar, ...]
    label_every: int  # a date under every n-th bar, so labels never overlap


def nice_max(value: int) -> int:
    """The axis top: 1, 2 or 5 times a power of ten, at least ``value`` (and at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return max(1, step * factor)
        step *= 10


def layout(data: ChartData, width: int, height: int, font_px: int = 14) -> Layout:
    left, right = font_px * 4.0, width - font_px
    top, bottom = font_px * 3.5, height - font_px * 2.5
    count = max(1, len(data.labels))
    slot = (right - left) / count
    gap = min(slot * 0.2, 6.0)
    scale = nice_max(max((*data.back, *data.front, 0)))

    def y(value: int) -> float:
        return bottom - (bottom - top) * value / scale

    bars = tuple(
        Bar(left + i * slot + gap / 2, slot - gap, y(data.back[i]), y(data.front[i])) for i in range(len(data.labels))
    )
    label_every = max(1, int(count * font_px * 3.2 // (right - left)) + 1)
    return Layout(width, height, left, right, top, bottom, scale, bars, label_every)
