"""Generating a whole site outside a chat (``pagemagic generate``), with the same validation."""

from __future__ import annotations

from core.errors import GenerationFailed, NotUnderstood
from core.llm.offline import OfflineGenerator
from core.llm.port import CannotHelp, GenerationRequest, HeaderGenerated, SectionGenerated
from core.site.schema import parse_header, parse_section, parse_site
from core.site.sections import Section
from core.site.site import Site, SiteHeader


async def generate_site(description: str) -> Site:
    generator = OfflineGenerator()
    header: SiteHeader | None = None
    sections: list[Section] = []
    async for event in generator.generate(GenerationRequest(instruction=description)):
        if isinstance(event, HeaderGenerated):
            header = parse_header(event.header.model_dump(mode="json"))
        elif isinstance(event, SectionGenerated):
            sections.append(parse_section(event.section.model_dump(mode="json"), len(sections)))
        elif isinstance(event, CannotHelp):
            raise NotUnderstood(event.message)
    if header is None or not sections:
        raise GenerationFailed("no site was generated")
    return parse_site(Site.assemble(header, sections).model_dump(mode="json"))
