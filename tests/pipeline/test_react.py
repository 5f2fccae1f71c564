"""The React export mirrors the page, one component per section."""

from __future__ import annotations

import json
import re
from typing import Any

from core.site.site import Site
from pipeline import export_react
from pipeline.jsx import jsx_attr_name
from tests.pipeline.conftest import BASE, make_site

COMPONENTS = [
    "Hero", "About", "Features", "Services", "Menu", "Pricing", "Gallery", "Testimonials",
    "Team", "Faq", "Stats", "Cta", "Contact", "Footer",
]  # fmt: skip


def test_project_files(site: Site) -> None:
    files = export_react(site)
    for path in (
        "package.json",
        "index.html",
        "tsconfig.json",
        "vite.config.ts",
        "src/main.tsx",
        "src/App.tsx",
        "src/styles.css",
    ):
        assert path in files
    package = json.loads(files["package.json"])
    deps = {**package["dependencies"], **package["devDependencies"]}
    assert {"react", "react-dom", "vite", "@vitejs/plugin-react", "typescript"} <= set(deps)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in deps.values())  # pinned
    assert package["name"] == "padaria-lusitana"


def test_one_component_per_section_and_app_imports_them(site: Site) -> None:
    files = export_react(site)
    sections = sorted(
        p.removeprefix("src/sections/").removesuffix(".tsx") for p in files if p.startswith("src/sections/")
    )
    assert sections == sorted(COMPONENTS)
    app = files["src/App.tsx"].decode()
    for name in COMPONENTS:
        assert f'import {name} from "./sections/{name}";' in app and f"<{name} />" in app
        assert f"export default function {name}()" in files[f"src/sections/{name}.tsx"].decode()


def test_repeated_kinds_become_distinct_components() -> None:
    sections = [*BASE["sections"][:5], BASE["sections"][4]]
    files = export_react(make_site(sections=sections))
    assert "src/sections/Menu.tsx" in files and "src/sections/Menu2.tsx" in files


def test_text_is_a_string_literal_so_braces_and_quotes_are_inert() -> None:
    heading = 'Use {braces} and "quotes" </section> `${x}`'
    sections = [{**BASE["sections"][0], "heading": heading}]
    hero = export_react(make_site(sections=sections))["src/sections/Hero.tsx"].decode()
    assert "{" + json.dumps(heading, ensure_ascii=False) + "}" in hero
    without_literals = re.sub(r'\{"(?:[^"\\]|\\.)*"\}', "", hero)
    assert "braces" not in without_literals and "quotes" not in without_literals


def test_attributes_use_react_names(site: Site) -> None:
    files = export_react(site)
    jsx = "".join(v.decode() for k, v in files.items() if k.endswith(".tsx"))
    assert "className=" in jsx and " class=" not in jsx and "aria-hidden=" in jsx and "viewBox=" in jsx
    assert jsx_attr_name("stroke-width") == "strokeWidth"
    assert jsx_attr_name("for") == "htmlFor" and jsx_attr_name("aria-label") == "aria-label"
    assert jsx_attr_name("data-kind") == "data-kind" and jsx_attr_name("tabindex") == "tabIndex"
    assert "style=" not in jsx


def test_hostile_attribute_values_become_string_literals() -> None:
    from pipeline.ast import h
    from pipeline.jsx import to_jsx

    jsx = to_jsx(h("img", {"alt": 'a "b" {c} &amp; <d>', "class": "plain value"}))
    assert jsx == '<img alt={"a \\"b\\" {c} &amp; <d>"} className="plain value" />'


def _with_photos() -> tuple[Site, dict[str, bytes]]:
    """The sample site with a cover photo and two gallery photos (assets only; made-up bytes)."""
    from core.site.edits import AddImage, PlaceImage, apply_edits
    from core.site.images import ImageAsset

    edits: list[Any] = []
    for n in range(3):
        asset = ImageAsset(hash=f"{n + 1:x}" * 64, width=1600, height=1200, alt=f"Foto {n + 1}",
                           placeholder=["#a08060", "#403020"])  # fmt: skip
        edits += [AddImage(image=asset), PlaceImage(hash=asset.hash, target="cover" if n == 0 else "gallery")]
    site, _ = apply_edits(make_site(), edits)
    return site, {"img/1111111111111111-480.avif": b"avif bytes"}


def test_pictures_become_jsx_react_reads_and_the_photos_travel_in_public() -> None:
    site, images = _with_photos()
    files = export_react(site, images)
    hero = files["src/sections/Hero.tsx"].decode()
    sources = re.findall(r"<source [^>]*/>", hero)
    assert [re.search(r'type="([^"]+)"', s)[1] for s in sources] == ["image/avif", "image/webp"]  # type: ignore[index]
    assert all('srcSet="img/1111111111111111-480.' in s and ' sizes="(min-width: 48rem)' in s for s in sources)
    img = re.search(r"<img [^>]*/>", hero)
    assert img is not None
    for attr in ('fetchPriority="high"', 'srcSet="img/1111111111111111-480.jpg 480w', 'width="1600"', "sizes=",
                 'alt="Foto 1"', 'className="photo hero-photo i-1111111111111111"'):  # fmt: skip
        assert attr in img[0], attr
    jsx = "".join(v.decode() for k, v in files.items() if k.endswith(".tsx"))
    assert "srcset=" not in jsx and "fetchpriority=" not in jsx  # HTML spellings React 19's types refuse
    gallery = next(v.decode() for k, v in files.items() if k.startswith("src/sections/Gallery"))
    assert gallery.count("<picture>") == 2 and gallery.count('loading="lazy"') >= 2 and "fetchPriority" not in gallery
    assert "img.i-1111111111111111{background:linear-gradient(#a08060,#403020)" in files["src/styles.css"].decode()
    assert files["public/img/1111111111111111-480.avif"] == b"avif bytes"
    assert json.loads(files["package.json"])["dependencies"]["react"].startswith("19.")
