"""Billing: usage recording, plans and quota checks (Stripe comes later)."""
