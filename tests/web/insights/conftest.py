"""The browser fixture of the sign-in tests, shared with the insight pages."""

from tests.web.test_browser import browser

__all__ = ["browser"]
