"""Daily charts of a site's analytics: one layout, drawn as PNG (the chat's ``/stats``) or SVG (the web).

Pillow draws the PNG: it is already a dependency (pipeline/images), draws a bar chart in a few
milliseconds and needs no native library beyond its wheel; matplotlib (tens of MB) or
pygal + cairosvg (a Cairo system library) would add far more for two kinds of bars and a few labels.
"""

from pipeline.charts.layout import ChartData, Layout, layout
from pipeline.charts.png import chart_png
from pipeline.charts.svg import chart_svg

__all__ = ["ChartData", "Layout", "chart_png", "chart_svg", "layout"]
