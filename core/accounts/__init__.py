"""Accounts: one person across Telegram, Slack, the terminal and the web.

The rules live here (who an identity belongs to, how two accounts merge, how long a
session lasts, when a second factor is asked); ``web/`` turns them into cookies, pages
and an API, and ``bots/`` into chat replies, through ``core.studio``'s account flow.
"""
