from __future__ import annotations

import pytest

from core.domains import is_apex, normalise_domain
from core.errors import InvalidDomain
from core.i18n.locales import LOCALES
from core.messages import domain_reason
from core.site.values import Language


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


@pytest.mark.parametrize(
    ("raw", "reason", "extra"),
    [
        ("co.uk", "public_suffix", {"suffix": "co.uk"}),
        ("com.pt", "public_suffix", {"suffix": "com.pt"}),
        ("padaria.ptt", "unknown_tld", {"tld": ".ptt"}),
    ],
)
def test_names_nobody_can_own_are_refused_by_the_public_suffix_list(
    raw: str, reason: str, extra: dict[str, str]
) -> None:
    with pytest.raises(InvalidDomain) as caught:
        normalise_domain(raw)
    assert caught.value.params["reason"] == reason
    assert extra.items() <= caught.value.params.items()


@pytest.mark.parametrize(
    ("name", "apex"),
    [
        ("padaria.pt", True),
        ("loja.com.br", True),
        ("example.co.uk", True),
        ("www.example.co.uk", False),
        ("www.padaria.pt", False),
        ("shop.example.com", False),
        ("xn--po-sia.pt", True),
    ],
)
def test_apex_names_follow_the_public_suffix_list(name: str, apex: bool) -> None:
    assert is_apex(name) is apex


REASONS = ("empty", "ip_address", "too_long", "characters", "no_tld", "label", "reserved", "unknown_tld",
           "public_suffix", "ours", "denied")


@pytest.mark.parametrize("language", LOCALES)
def test_every_refusal_reason_is_said_in_the_users_language(language: Language) -> None:
    params = {"label": "x", "tld": ".ptt", "suffix": "com.pt"}
    english = {reason: domain_reason("en", reason, **params) for reason in REASONS}
    for reason in REASONS:
        said = domain_reason(language, reason, **params)
        assert said != reason and "{" not in said, reason
        assert (said == english[reason]) is (language == "en"), reason
    assert domain_reason("pt_PT", "public_suffix", suffix="com.pt").startswith("com.pt é partilhado")
    assert domain_reason("pt_BR", "public_suffix", suffix="com.br").startswith("com.br é compartilhado")
