"""Fixtures shared by the insight pages: the browser of the sign-in tests and the Stripe stand-in."""

from tests.billing.conftest import stripe_api, stripe_clock
from tests.web.test_browser import browser

__all__ = ["browser", "stripe_api", "stripe_clock"]
