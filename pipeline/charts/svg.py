"""The chart as inline SVG for the dashboard: presentation attributes only (no ``style``), so the
page's CSP needs no ``unsafe-inline``; each bar has a ``<title>`` with its figures."""

from __future__ import annotations

from html import escape

from pipeline.charts.layout import ChartData, layout

BACK, FRONT, INK, GRID = "#b9d3f0", "#1f5fa8", "currentColor", "#98a2ae"  # ink follows the page (dark mode)


def chart_svg(data: ChartData, summary: str, width: int = 720, height: int = 300) -> str:
    """``summary`` is the chart's accessible name (what a screen reader says for it)."""
    font_px = 13
    plan = layout(data, width, height, font_px)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(summary)}" class="chart" font-family="system-ui,sans-serif" font-size="{font_px}">',
        f'<line x1="{plan.left:.1f}" y1="{plan.top:.1f}" x2="{plan.right:.1f}" y2="{plan.top:.1f}" stroke="{GRID}"/>',
        f'<text x="{plan.left - 6:.1f}" y="{plan.top + 4:.1f}" text-anchor="end" fill="{INK}">{plan.scale_max}</text>',
        f'<text x="{plan.left - 6:.1f}" y="{plan.bottom + 4:.1f}" text-anchor="end" fill="{INK}">0</text>',
    ]
    for i, bar in enumerate(plan.bars):
        label = escape(f"{data.labels[i]}: {data.back_name} {data.back[i]}, {data.front_name} {data.front[i]}")
        inset = bar.width * 0.2
        parts.append(f"<g><title>{label}</title>")
        parts.append(f'<rect x="{bar.x:.1f}" y="{bar.back_top:.1f}" width="{bar.width:.1f}" '
                     f'height="{plan.bottom - bar.back_top:.1f}" fill="{BACK}"/>')
        parts.append(f'<rect x="{bar.x + inset:.1f}" y="{bar.front_top:.1f}" width="{bar.width - 2 * inset:.1f}" '
                     f'height="{plan.bottom - bar.front_top:.1f}" fill="{FRONT}"/></g>')
        if i % plan.label_every == 0:
            parts.append(f'<text x="{bar.x:.1f}" y="{plan.bottom + font_px + 4:.1f}" fill="{INK}">{escape(data.labels[i])}</text>')
    parts.append(f'<line x1="{plan.left:.1f}" y1="{plan.bottom:.1f}" x2="{plan.right:.1f}" y2="{plan.bottom:.1f}" '
                 f'stroke="{INK}" stroke-width="2"/></svg>')
    return "".join(parts)
