"""Running the offline generator in tests: collect its events, assemble and apply them."""

from __future__ import annotations

from core.llm.offline import OfflineGenerator
from core.llm.port import EditGenerated, GenerationEvent, GenerationRequest, HeaderGenerated, SectionGenerated
from core.site.edits import Edit, apply_edits
from core.site.schema import parse_site
from core.site.site import Site


async def collect(instruction: str, current: Site | None = None, delay: float = 0.0) -> list[GenerationEvent]:
    generator = OfflineGenerator(delay=delay)
    return [event async for event in generator.generate(GenerationRequest(instruction, current=current))]


async def create(instruction: str) -> Site:
    events = await collect(instruction)
    header = next(e.header for e in events if isinstance(e, HeaderGenerated))
    sections = [e.section for e in events if isinstance(e, SectionGenerated)]
    return parse_site(Site.assemble(header, sections).model_dump())


def edits_of(events: list[GenerationEvent]) -> list[Edit]:
    return [e.edit for e in events if isinstance(e, EditGenerated)]


async def refine(site: Site, instruction: str) -> tuple[Site, list[Edit], list[GenerationEvent]]:
    events = await collect(instruction, site)
    edits = edits_of(events)
    new = apply_edits(site, edits)[0] if edits else site
    return new, edits, events
