"""Signed-in pages. Issue 19's dashboard grows here on the same helpers (``guard``)."""
