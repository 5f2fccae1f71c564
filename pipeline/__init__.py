"""Spec -> AST -> website files (HTML, CSS, PWA, SEO) and React export. Pure, no I/O."""

from pipeline.bundle import RenderOptions, SiteBundle, render_body, render_css, render_preview, render_site
from pipeline.react import export_react

__all__ = [
    "RenderOptions",
    "SiteBundle",
    "export_react",
    "render_body",
    "render_css",
    "render_preview",
    "render_site",
]
