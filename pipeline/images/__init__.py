"""Images: untrusted uploads -> clean, upright, responsive files (pure; no storage, no network).

``process`` is the step Studio runs (in a thread) for every upload; ``names``
is shared with the renderer, which links exactly the files processing writes.
"""

from pipeline.images.decode import Limits
from pipeline.images.icons import logo_icons
from pipeline.images.variants import ProcessedImage, process

__all__ = ["Limits", "ProcessedImage", "logo_icons", "process"]
