"""Every valid spec makes a page under 40 KB: the sections' budget (``core.site.weight``) holds.

Regression: twenty maximal menus were a valid spec and rendered 3.5 MB in 300 ms.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import InvalidSpec
from core.site.schema import parse_site
from core.site.weight import sections_budget
from pipeline import RenderOptions, render_site
from tests.core.site.maximal import TINY, heaviest_sites, maximal_site, photo_sites

MAX_BYTES = 40_000
OPTIONS = RenderOptions(base_url="https://example.com/s/a-long-enough-slug-for-the-worst-case/")
HEAVIEST = [
    pytest.param(site, id=f"{fill}-{site['sections'][0]['kind']}")
    for fill in (False, True, TINY)
    for site in heaviest_sites(fill)
] + [pytest.param(site, id=f"photos-{site['sections'][0]['kind']}") for site in photo_sites()]


@pytest.mark.parametrize("data", HEAVIEST)
def test_the_heaviest_valid_sites_stay_under_40_kb(data: dict[str, Any]) -> None:
    site = parse_site(data)
    page = render_site(site, OPTIONS).files["index.html"]
    assert len(page) < MAX_BYTES, len(page)


def test_twenty_maximal_menus_are_refused_naming_the_section_and_the_budget() -> None:
    data = maximal_site(["menu"] * 20)
    with pytest.raises(InvalidSpec) as refused:
        parse_site(data)
    assert refused.value.path == "$.sections[0]"
    assert f"{sections_budget(data):,}" in refused.value.message and "40 KB" in refused.value.message


def test_sections_that_fit_alone_are_refused_together_at_the_first_that_overflows() -> None:
    data = maximal_site(["about"] * 20)
    with pytest.raises(InvalidSpec) as refused:
        parse_site(data)
    assert refused.value.path == "$.sections[1]"
    assert "Pão" not in refused.value.message
