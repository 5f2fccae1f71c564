from __future__ import annotations

import pytest

from core.domains import normalise_domain
from core.errors import InvalidDomain


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("padaria-exemplo.pt", "padaria-exemplo.pt"),
        ("  WWW.Example.COM. ", "www.example.com"),
        ("https://shop.example.com/path", "shop.example.com"),
        ("pão.pt", "xn--po-sia.pt"),
    ],
)
def test_valid_names_are_normalised_to_ascii(raw: str, expected: str) -> None:
    assert normalise_domain(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "localhost", "no-dot", "-bad.com", "bad-.com", "a..b.com", "10.0.0.1", "x" * 64 + ".com",
     "a.b." * 70 + "com", "exa mple.com", "<script>.com", "site.test", "foo.localhost"],
)
def test_invalid_names_are_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(InvalidDomain) as caught:
        normalise_domain(raw)
    assert caught.value.params["reason"]
