"""The facts a description states, as lines for a model's prompt: every generator keeps them.

The offline generator reads the same facts itself (``core.llm.offline.brief``); a model gets
them listed next to the description, with the rule to show each exactly as written and to
invent nothing of another specialty around them.
"""

from __future__ import annotations

from core.llm.offline.contacts import find_email, find_phone, find_urls, social_urls
from core.llm.offline.items import priced_items, without_prices


def stated_facts(description: str) -> list[str]:
    """One line a fact: items with their prices exactly as written, e-mail, phone, links."""
    lines = [
        f"- item: {item.name} — price {item.price}{' ' + item.currency if item.currency else ''}"
        for item in priced_items(description)
    ]
    email = find_email(description)
    if email:
        lines.append(f"- e-mail: {email}")
    phone = find_phone(without_prices(description))
    if phone:
        lines.append(f"- phone: {phone}")
    lines += [f"- link: {url}" for url in dict.fromkeys([*find_urls(description), *social_urls(description)])]
    return lines
