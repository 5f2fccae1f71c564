"""The documentation a clone of the project has: every link leads somewhere, every setting is listed.

README.md stays short and links into docs/; a renamed page or heading, a link into a folder a
clone does not have (../shared), or a setting nobody documented would otherwise only be found
by a reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])


def _tokens(page: Path) -> list[Token]:
    """Block and inline tokens in document order (links inside code are code, not links)."""
    flat: list[Token] = []
    for token in MarkdownIt("commonmark").enable("table").parse(page.read_text(encoding="utf-8")):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def _slug(text: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    tokens = _tokens(page)
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        text = "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
        slug = _slug(text)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(page: Path) -> list[str]:
    return [str(token.attrs["href"]) for token in _tokens(page) if token.type == "link_open"]


def test_the_pages_exist_and_link_to_each_other() -> None:
    assert (ROOT / "docs").is_dir()
    readme_links = {urlsplit(link).path for link in _links(ROOT / "README.md")}
    unlinked = [page.name for page in PAGES[1:] if f"docs/{page.name}" not in readme_links]
    assert not unlinked, f"docs pages the README does not link: {unlinked}"


def _broken(page: Path, root: Path) -> list[str]:
    """Each relative link of ``page`` whose file (or heading) does not exist inside ``root``."""
    broken: list[str] = []
    for link in _links(page):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            continue  # an address on the web; nothing here can check it offline
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.is_relative_to(root):
            broken.append(f"{link} (outside the repository: a clone does not have it)")
        elif not target.exists():
            broken.append(f"{link} (no such file)")
        elif parts.fragment and target.suffix == ".md" and parts.fragment not in _anchors(target):
            broken.append(f"{link} (no such heading in {target.name})")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    assert _links(page), f"{page.name} links nowhere: say where a reader goes next"
    assert not _broken(page, ROOT), f"{page.name}: {_broken(page, ROOT)}"


def test_the_check_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "edge.md").write_text("# The edge (nginx + Lua)\n\n## Settings\n\n## Settings\n")
    page = root / "README.md"
    page.write_text(
        "[a](docs/edge.md) [b](docs/edge.md#the-edge-nginx--lua) [c](docs/edge.md#settings-1) "
        "[d](https://example.com/x) [e](docs/gone.md) [f](docs/edge.md#nowhere) "
        "[g](../shared/ARCHITECTURE.md) `[h](docs/in-code.md)`\n"
    )
    assert _broken(page, root) == [
        "docs/gone.md (no such file)",
        "docs/edge.md#nowhere (no such heading in edge.md)",
        "../shared/ARCHITECTURE.md (outside the repository: a clone does not have it)",
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_nothing_points_into_shared(page: Path) -> None:
    """../shared/ is a folder of the team's machines, not of the project."""
    assert "../shared" not in page.read_text(encoding="utf-8")
    assert "shared/ARCHITECTURE.md" not in page.read_text(encoding="utf-8")


def test_every_setting_is_in_the_settings_page() -> None:
    listed = set(re.findall(r"^\| `(PAGEMAGIC_[A-Z0-9_]+)`", (ROOT / "docs" / "settings.md").read_text(), re.M))
    missing = [f"PAGEMAGIC_{name.upper()}" for name in Settings.model_fields if f"PAGEMAGIC_{name.upper()}" not in listed]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_the_readme_stays_short_and_warns_about_make_test() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text) < 8000, f"README.md is {len(text)} characters: move detail into docs/"
    head = text[: text.index("## The two commands")]
    for word in ("root", "PostgreSQL", "Redis", "Docker", "Swarm manager", "nginx", "pebble"):
        assert word in head, f"the README's top does not say that make test needs/starts {word}"
