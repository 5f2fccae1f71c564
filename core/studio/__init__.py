"""Studio: the one engine every chat adapter calls (see ``engine``)."""

from core.studio.base import StudioConfig
from core.studio.engine import Studio

__all__ = ["Studio", "StudioConfig"]
