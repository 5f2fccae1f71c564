"""Site analytics as the dashboard and ``/stats`` read them: a range of days of one site."""

from core.analytics.figures import DayFigures, RangeFigures
from core.analytics.reader import RANGES, site_range

__all__ = ["RANGES", "DayFigures", "RangeFigures", "site_range"]
