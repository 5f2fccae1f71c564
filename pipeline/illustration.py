"""Palette-coloured inline SVG pictures for images the spec has no file for.

A gallery without photos should still look intentional and must not fetch
anything, so each missing image becomes a small abstract scene. The scene is
chosen from the alt text (stable across renders) and coloured through CSS
classes, so it follows the theme, dark mode included.
"""

from __future__ import annotations

import zlib

from pipeline.ast import Child, Element, h


def _seed(text: str) -> int:
    return zlib.crc32(text.encode())


def _hills(n: int) -> list[Child]:
    sun_x = 90 + n % 220
    return [
        h("circle", {"class": "i2", "cx": sun_x, "cy": 95, "r": 38}),
        h("path", {"class": "i1", "d": f"M0 230 Q{100 + n % 60} {140 + n % 40} 220 210 T400 190 V300 H0Z"}),
        h("path", {"class": "i3", "d": f"M0 260 Q{160 + n % 80} 200 400 250 V300 H0Z"}),
    ]


def _circles(n: int) -> list[Child]:
    return [
        h("circle", {"class": "i1", "cx": 150 + n % 40, "cy": 150, "r": 90}),
        h("circle", {"class": "i2", "cx": 250 - n % 30, "cy": 130 + n % 40, "r": 70}),
        h("circle", {"class": "i3", "cx": 210, "cy": 200, "r": 40}),
    ]


def _arch(n: int) -> list[Child]:
    return [
        h("path", {"class": "i1", "d": "M120 300V150a80 80 0 0 1 160 0v150z"}),
        h("rect", {"class": "i2", "x": 40 + n % 30, "y": 210, "width": 90, "height": 90, "rx": 12}),
        h("circle", {"class": "i3", "cx": 310 + n % 40, "cy": 80, "r": 30}),
    ]


def _waves(n: int) -> list[Child]:
    k = n % 50
    return [
        h("path", {"class": "i2", "d": f"M0 {120 + k} C100 {60 + k} 300 {180 + k} 400 {110 + k} V300 H0Z"}),
        h("path", {"class": "i1", "d": f"M0 {190 + k // 2} C120 {140 + k} 280 {250 - k} 400 180 V300 H0Z"}),
        h("path", {"class": "i3", "d": "M0 250 C150 220 250 290 400 240 V300 H0Z"}),
    ]


_SCENES = (_hills, _circles, _arch, _waves)


def picture(alt: str) -> Element:
    """An accessible illustration standing in for a photo described by ``alt``."""
    n = _seed(alt)
    scene = _SCENES[n % len(_SCENES)](n // 7)
    return h(
        "svg",
        {"class": "art", "viewBox": "0 0 400 300", "role": "img", "aria-label": alt},
        h("rect", {"class": "i0", "width": 400, "height": 300}),
        scene,
    )


def hero_art() -> Element:
    """The hero's decorative composition: shapes only, hidden from assistive technology."""
    return h(
        "svg",
        {"class": "hero-art", "viewBox": "0 0 400 400", "aria-hidden": "true", "focusable": "false"},
        h(
            "path",
            {"class": "i1", "d": "M200 20c90 0 170 60 170 160s-70 200-180 200S30 300 30 200 110 20 200 20z"},
        ),
        h("circle", {"class": "i2", "cx": 300, "cy": 110, "r": 60}),
        h("rect", {"class": "i3", "x": 70, "y": 230, "width": 140, "height": 110, "rx": 24}),
        h("circle", {"class": "i0", "cx": 150, "cy": 170, "r": 34}),
    )
