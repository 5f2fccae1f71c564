"""Hostile text in every field comes out as text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from core.site.schema import parse_site
from pipeline import render_preview, render_site
from tests.pipeline.conftest import BASE, NS, iter_tag, local, map_strings, parse_html

# Fields that are not free text (enums, URLs, contact formats).
NOT_TEXT = {
    "kind", "language", "mode", "fonts", "network", "href", "url", "src", "social_image",
    "currency", "phone", "email", "icon",
}  # fmt: skip
LIMITS = {"value": 16, "label": 40, "days": 40, "hours": 40, "price_prefix": 20, "period": 20, "duration": 30}
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
]


def hostile(payload: str) -> dict[str, Any]:
    def replace(key: str, value: str) -> str:
        if key in NOT_TEXT:
            return value
        return payload[: LIMITS.get(key, 40 if key in {"keywords", "tags"} else 400)]

    data = map_strings(BASE, replace)
    # Palette keys ("text", "primary", ...) are colours, not text: keep them valid.
    data["theme"] = BASE["theme"]
    return data


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_is_escaped(payload: str) -> None:
    site = parse_site(hostile(payload))
    for markup in (
        render_site(site).files["index.html"].decode(),
        render_preview(site, stylesheet_href="s.css", live_script_src="live.js"),
    ):
        root = parse_html(markup)
        scripts = list(iter_tag(root, "script"))
        assert all(s.get("type") == "application/ld+json" or (s.get("src") and not s.text) for s in scripts)
        for el in root.iter():
            assert not [a for a in el.attrib if a.lower().startswith("on")], (el.tag, el.attrib)
        assert all(img.get("src") != "x" for img in iter_tag(root, "img"))
        h1 = next(iter_tag(root, "h1"))
        assert "".join(h1.itertext()) == payload[:120]
        assert len([e for e in root.iter() if local(e.tag) == "script"]) == len(scripts)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_ld_survives_hostile_names(payload: str) -> None:
    site = parse_site({**hostile(payload), "name": payload})
    root = parse_html(render_site(site).files["index.html"].decode())
    blocks = [s for s in iter_tag(root, "script") if s.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    data = json.loads(blocks[0].text or "")
    assert data["name"] == payload
    assert data["@type"] == "Bakery"
    assert data["address"]["addressLocality"] == payload[:400]


def test_json_ld_describes_the_business() -> None:
    root = parse_html(render_site(parse_site(BASE)).files["index.html"].decode())
    block = next(s for s in root.iter(NS + "script") if s.get("type") == "application/ld+json")
    data = json.loads(block.text or "")
    assert data["telephone"] == "+351211234567"  # E.164
    assert data["openingHours"] == ["Seg–Sex 07:00–19:00", "Sáb 08:00–14:00"]
    assert data["sameAs"] == ["https://instagram.com/padaria"]
