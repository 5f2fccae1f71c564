"""The React export mirrors the page, one component per section."""

from __future__ import annotations

import json
import re

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
