"""Phone numbers, e-mail addresses and links found in a message.

Only ``http(s)`` URLs ever become links: anything else that looks like a link
(``javascript:``, ``data:``, ``vbscript:``) is simply not matched, so it can
reach the site only as escaped text.
"""

from __future__ import annotations

import re

from core.site.business import SocialLink, SocialNetwork
from core.site.values import SAFE_URL_PATTERN

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_URL = re.compile(r"\bhttps?://[^\s<>\"'`\\]+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])(\+?\(?\d[\d ().\-/]{7,22}\d)(?![\w%])")
_SAFE = re.compile(SAFE_URL_PATTERN)
_NETWORKS: tuple[tuple[str, SocialNetwork], ...] = (
    ("instagram.com", "instagram"),
    ("facebook.com", "facebook"),
    ("fb.com", "facebook"),
    ("twitter.com", "x"),
    ("x.com", "x"),
    ("linkedin.com", "linkedin"),
    ("youtube.com", "youtube"),
    ("youtu.be", "youtube"),
    ("tiktok.com", "tiktok"),
    ("github.com", "github"),
    ("wa.me", "whatsapp"),
    ("whatsapp.com", "whatsapp"),
)


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text)
    return match.group(0)[:254] if match else None


def find_phone(text: str) -> str | None:
    """A phone number: 9 to 15 digits, optionally with +, spaces, dots, dashes or brackets."""
    for match in _PHONE.finditer(_EMAIL.sub(" ", _URL.sub(" ", text))):
        candidate = match.group(1).strip()
        digits = re.sub(r"\D", "", candidate)
        if 9 <= len(digits) <= 15 and len(candidate) <= 32:
            return candidate
    return None


def find_urls(text: str) -> list[str]:
    """Safe http(s) links in ``text``, trailing punctuation removed, without duplicates."""
    urls: list[str] = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?)]}")
        if len(url) <= 500 and _SAFE.match(url) and url not in urls:
            urls.append(url)
    return urls


_BARE_SOCIAL = re.compile(
    r"(?<![\w/.@])((?:www\.)?(?:instagram|facebook|fb|tiktok|linkedin|youtube|twitter|x)\.com/[\w@./-]+)",
    re.IGNORECASE,
)
_HANDLE = re.compile(
    r"\b(?P<net>instagram|insta|ig|tik\s?tok|youtube|twitter|facebook|linkedin)\b[^@\n]{0,40}?"
    r"(?<![\w.])@(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{0,29}[A-Za-z0-9_])",
    re.IGNORECASE,
)
_HANDLE_URL = {
    "instagram": "https://instagram.com/{}", "insta": "https://instagram.com/{}", "ig": "https://instagram.com/{}",
    "tiktok": "https://www.tiktok.com/@{}", "youtube": "https://www.youtube.com/@{}",
    "twitter": "https://x.com/{}", "facebook": "https://facebook.com/{}", "linkedin": "https://www.linkedin.com/in/{}",
}


def social_urls(text: str) -> list[str]:
    """Social profiles written without a scheme ("facebook.com/padaria") or as a handle after the
    network's name ("Instagram @padaria_lx", "we're on TikTok as @x"), as https links."""
    found = ["https://" + m.group(1).rstrip(".,;:!?)") for m in _BARE_SOCIAL.finditer(_URL.sub(" ", text))]
    for match in _HANDLE.finditer(_EMAIL.sub(" ", _URL.sub(" ", text))):
        network = re.sub(r"\s", "", match.group("net").lower())
        found.append(_HANDLE_URL[network].format(match.group("handle")))
    return [url for url in dict.fromkeys(found) if _SAFE.match(url)]


def socials_from(urls: list[str]) -> list[SocialLink]:
    links: list[SocialLink] = []
    for url in urls[:8]:
        host = re.sub(r"^https?://(www\.)?", "", url.lower()).split("/")[0]
        network: SocialNetwork = next(
            (n for domain, n in _NETWORKS if host == domain or host.endswith("." + domain)), "website"
        )
        links.append(SocialLink(network=network, url=url))
    return links
