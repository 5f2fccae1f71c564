"""The chart as a PNG for the chat (Telegram ``sendPhoto``, Slack upload, a file in the terminal)."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from pipeline.charts.layout import ChartData, layout

BACK, FRONT, INK, GRID, PAPER = "#b9d3f0", "#1f5fa8", "#1d2733", "#d8dee6", "#ffffff"


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font, loaded once per size (loading it is most of a chart's time)."""
    return ImageFont.load_default(size=size)


def chart_png(data: ChartData, width: int = 800, height: int = 400, scale_label: str = "") -> bytes:
    font_px = 16
    plan = layout(data, width, height, font_px)
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    font, small = _font(font_px), _font(font_px - 3)
    draw.text((plan.left, font_px * 0.6), data.title, fill=INK, font=font)
    # legend: two swatches and their names
    x = plan.left
    for colour, name in ((BACK, data.back_name), (FRONT, data.front_name)):
        draw.rectangle((x, font_px * 2.1, x + 12, font_px * 2.1 + 12), fill=colour)
        draw.text((x + 18, font_px * 2.0), name, fill=INK, font=small)
        x += 30 + draw.textlength(name, font=small)
    draw.line((plan.left, plan.top, plan.right, plan.top), fill=GRID)
    draw.text((4, plan.top - font_px / 2), scale_label or str(plan.scale_max), fill=INK, font=small)
    draw.text((4, plan.bottom - font_px / 2), "0", fill=INK, font=small)
    for i, bar in enumerate(plan.bars):
        if bar.back_top < plan.bottom:
            draw.rectangle((bar.x, bar.back_top, bar.x + bar.width, plan.bottom), fill=BACK)
        if bar.front_top < plan.bottom:
            inset = bar.width * 0.2
            draw.rectangle((bar.x + inset, bar.front_top, bar.x + bar.width - inset, plan.bottom), fill=FRONT)
        if i % plan.label_every == 0:
            draw.text((bar.x, plan.bottom + 6), data.labels[i], fill=INK, font=small)
    draw.line((plan.left, plan.bottom, plan.right, plan.bottom), fill=INK, width=2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
