"""React export: a Vite + TypeScript project rendering the same page.

Components are serialized from the same tree as the HTML (one component per
section), so the export looks exactly like the published site and uses the
same stylesheet.
"""

from __future__ import annotations

import json
import re
import unicodedata

from core.i18n.locales import html_lang
from core.site.site import Site
from pipeline.ast import Element, h
from pipeline.css import stylesheet
from pipeline.favicon import favicon_svg
from pipeline.html import to_html
from pipeline.jsonld import script as jsonld_script
from pipeline.jsx import to_jsx
from pipeline.layout import Placed, build_body
from pipeline.picture import image_rules
from pipeline.tokens import resolve

# React 19: the first whose runtime and types agree on ``fetchPriority`` (the hero photo's priority);
# with 18 the camelCase prop warns at run time and the lowercase one fails ``tsc``.
VERSIONS = {
    "react": "19.3.1",
    "react-dom": "19.3.1",
    "@types/react": "19.3.3",
    "@types/react-dom": "19.3.0",
    "@vitejs/plugin-react": "4.3.1",
    "typescript": "5.5.4",
    "vite": "5.4.2",
}

TSCONFIG = {
    "compilerOptions": {
        "target": "ES2020",
        "lib": ["ES2020", "DOM", "DOM.Iterable"],
        "module": "ESNext",
        "moduleResolution": "bundler",
        "jsx": "react-jsx",
        "strict": True,
        "noEmit": True,
        "isolatedModules": True,
        "skipLibCheck": True,
        "types": ["vite/client"],
    },
    "include": ["src", "vite.config.ts"],
}

VITE_CONFIG = """\
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// base "./" keeps every URL relative, like the published site.
export default defineConfig({ base: "./", plugins: [react()] });
"""

MAIN_TSX = """\
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
"""


def package_name(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "site"


def _component(placed: Placed) -> str:
    body = to_jsx(placed.node, 2)
    return f"export default function {placed.component}() {{\n  return (\n{body}\n  );\n}}\n"


def _app(skip: Element, header: Element, sections: tuple[Placed, ...], footer: Placed) -> str:
    parts = [*sections, footer]
    imports = "".join(f'import {p.component} from "./sections/{p.component}";\n' for p in parts)
    main = "\n".join(f"        <{p.component} />" for p in sections)
    return (
        imports
        + "\nexport default function App() {\n  return (\n    <>\n"
        + to_jsx(skip, 3)
        + "\n"
        + to_jsx(header, 3)
        + '\n      <main id="main">\n'
        + main
        + "\n      </main>\n"
        + f"      <{footer.component} />\n    </>\n  );\n}}\n"
    )


def _index_html(site: Site) -> str:
    colors = resolve(site.theme)
    head = h(
        "head",
        None,
        h("meta", {"charset": "utf-8"}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("title", None, site.seo.title),
        h("meta", {"name": "description", "content": site.seo.description}),
        h("meta", {"name": "theme-color", "content": colors.btn}),
        h("link", {"rel": "icon", "href": "favicon.svg", "type": "image/svg+xml"}),
        jsonld_script(site, None),
    )
    body = h("body", None, h("div", {"id": "root"}), h("script", {"type": "module", "src": "./src/main.tsx"}))
    return "<!doctype html>\n" + to_html(h("html", {"lang": html_lang(site.language)}, head, body)) + "\n"


def export_react(site: Site, images: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The files of a Vite project (relative paths -> contents) reproducing the page.

    ``images``: the photo files the page links (``img/…``, as in a published release); they go
    under ``public/``, which Vite serves and copies as they are, so the relative links hold."""
    body = build_body(site)
    package = {
        "name": package_name(site.name),
        "private": True,
        "version": "0.1.0",
        "type": "module",
        "scripts": {"dev": "vite", "build": "tsc --noEmit && vite build", "preview": "vite preview"},
        "dependencies": {k: VERSIONS[k] for k in ("react", "react-dom")},
        "devDependencies": {k: v for k, v in VERSIONS.items() if k not in ("react", "react-dom")},
    }
    files: dict[str, str] = {
        "package.json": json.dumps(package, indent=2) + "\n",
        "tsconfig.json": json.dumps(TSCONFIG, indent=2) + "\n",
        "vite.config.ts": VITE_CONFIG,
        "index.html": _index_html(site),
        "public/favicon.svg": favicon_svg(site.name, site.theme),
        "src/main.tsx": MAIN_TSX,
        "src/styles.css": stylesheet(site.theme) + image_rules(site),
        "src/App.tsx": _app(body.skip, body.header, body.sections, body.footer),
    }
    for placed in (*body.sections, body.footer):
        files[f"src/sections/{placed.component}.tsx"] = _component(placed)
    exported = {path: text.encode() for path, text in files.items()}
    for name, data in (images or {}).items():
        exported[f"public/{name}"] = data
    return exported
