"""Logs and correlation: structured JSON logs, a request id carried across a chat's work, secrets kept out."""
