"""Where image bytes are kept (a port, a local-disk implementation) and which files a site needs."""

from core.images.port import ImageStore

__all__ = ["ImageStore"]
