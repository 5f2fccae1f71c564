"""The web front door: sign-in (chat link, Telegram Mini App and Login Widget, Sign in with Slack,
email), the account page, and the account's JSON API.

Like ``bots/``, it only translates: account rules are ``core.accounts``; cookies, CSRF,
security headers and templates are this package's.
"""
