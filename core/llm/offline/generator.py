"""The offline generator: the embedded default "model", deterministic and without network.

It streams the same events as a real model (header, then sections, or edit
operations) so Studio, the preview and every chat adapter can be developed
and tested without an API key. ``delay`` imitates a model's pace.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from core.i18n.locales import family
from core.language import detect_language
from core.llm.offline.brief import read_brief
from core.llm.offline.editor import Editor
from core.llm.offline.image_intents import parse_image_ops
from core.llm.offline.messages import cannot_help, created, summary
from core.llm.offline.plan import plan_site
from core.llm.offline.refine import parse_refinement
from core.llm.port import (
    CannotHelp,
    EditGenerated,
    GenerationEvent,
    GenerationRequest,
    HeaderGenerated,
    SectionGenerated,
    Summary,
    TokensUsed,
)
from core.site.site import Site


def _tokens(text: str) -> int:
    # About four characters a token, as for English text with common models.
    return max(1, len(text) // 4)


class OfflineGenerator:
    """A ``SiteGenerator`` that writes sites from built-in copy; same request, same events."""

    name = "offline"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    async def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        if request.current is None:
            async for event in self._create(request):
                yield event
        else:
            async for event in self._refine(request, request.current):
                yield event

    async def _pause(self) -> None:
        if self.delay > 0:
            await asyncio.sleep(self.delay)

    async def _create(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        brief = read_brief(request.instruction, request.language)
        header, sections = plan_site(brief)
        yield HeaderGenerated(header)
        written = header.model_dump_json()
        for section in sections:
            await self._pause()
            written += section.model_dump_json()
            yield SectionGenerated(section)
        text = created(brief.language, header.name, len(sections))
        yield Summary(text=text, language=brief.language)
        yield TokensUsed(prompt=_tokens(request.instruction), completion=_tokens(written))

    async def _refine(self, request: GenerationRequest, site: Site) -> AsyncIterator[GenerationEvent]:
        language = detect_language(request.instruction, default=request.language or site.language)
        if request.language is not None and family(request.language) == family(language):
            language = request.language  # Studio's choice: the platform's or the user's variant
        intents = parse_refinement(request.instruction)
        image_ops = parse_image_ops(request.instruction, with_photo=request.caption)
        if image_ops:  # "add it to the gallery" is about a photo, not a new gallery section
            intents.sections = []
        if intents.empty() and not image_ops:
            message = cannot_help(language)
            yield CannotHelp(message=message, language=language)
            yield TokensUsed(prompt=_tokens(request.instruction), completion=_tokens(message))
            return
        editor = Editor(site, language)
        editor.apply(intents)
        editor.images(image_ops, request.focus_images)
        written = ""
        for edit in editor.edits:
            await self._pause()
            written += edit.model_dump_json()
            yield EditGenerated(edit)
        yield Summary(text=summary(editor.notes, language, changed=bool(editor.edits)), language=language)
        yield TokensUsed(
            prompt=_tokens(request.instruction + site.model_dump_json()), completion=_tokens(written)
        )
