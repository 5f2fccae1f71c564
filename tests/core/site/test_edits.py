"""Edit operations: applied atomically, changed sections tracked, errors name the operation."""

from __future__ import annotations

import pytest

from core.errors import InvalidSpec
from core.site.edits import (
    AddSection,
    MoveSection,
    RemoveSection,
    ReplaceSection,
    SetIdentity,
    SetTheme,
    apply_edits,
)
from core.site.schema import parse_site
from core.site.sections import Faq, Hero, Question
from core.site.site import Site
from tests.core.site.samples import sample_site_data


@pytest.fixture
def site() -> Site:
    return parse_site(sample_site_data())


def test_add_section_goes_before_the_footer_and_is_reported(site: Site) -> None:
    faq = Faq(heading="Mais perguntas", items=[Question(question="Abrem ao domingo?", answer="Não.")])
    new, changed = apply_edits(site, [AddSection(section=faq)])
    assert new.sections[-1].kind == "footer"
    assert new.sections[-2] == faq
    assert changed == [len(new.sections) - 2]
    assert site.sections[-2].kind == "stats"  # the original is untouched


def test_theme_change_alone_changes_no_section(site: Site) -> None:
    theme = site.theme.model_copy(update={"mode": "dark"})
    new, changed = apply_edits(site, [SetTheme(theme=theme)])
    assert new.theme.mode == "dark"
    assert changed == []


def test_move_and_replace_track_positions(site: Site) -> None:
    hero = Hero(heading="Novo título")
    new, changed = apply_edits(site, [ReplaceSection(index=0, section=hero), MoveSection(index=0, to=3)])
    assert new.sections[3] == hero
    assert changed == [3]


def test_remove_shifts_tracked_changes(site: Site) -> None:
    hero = Hero(heading="Outro")
    new, changed = apply_edits(site, [ReplaceSection(index=2, section=hero), RemoveSection(index=0)])
    assert new.sections[1] == hero
    assert changed == [1]


def test_out_of_range_index_names_the_operation(site: Site) -> None:
    with pytest.raises(InvalidSpec) as caught:
        apply_edits(site, [SetIdentity(name="X"), RemoveSection(index=19)])
    assert caught.value.path == "$.edits[1].index"


def test_result_is_validated_as_a_whole(site: Site) -> None:
    with pytest.raises(InvalidSpec):
        apply_edits(site, [RemoveSection(index=0)] * 14)  # no section left
