"""A generator driven by a script, for Studio tests of timing, cancellation and failures.

It implements Page Magic's own ``SiteGenerator`` port (no third-party library
is replaced): each step is an event to yield, a number of seconds to wait, or
an exception to raise.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Union

from core.llm.port import GenerationEvent, GenerationRequest, HeaderGenerated, SectionGenerated
from core.site.schema import parse_site
from core.site.site import Site
from tests.core.site.samples import sample_site_data

Step = Union[GenerationEvent, float, BaseException]


class ScriptedGenerator:
    name = "scripted"

    def __init__(self, script: Callable[[GenerationRequest], Sequence[Step]]) -> None:
        self.script = script
        self.requests: list[GenerationRequest] = []
        self.closed = 0

    async def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        self.requests.append(request)
        try:
            for step in self.script(request):
                if isinstance(step, (int, float)):
                    await asyncio.sleep(step)
                elif isinstance(step, BaseException):
                    raise step
                else:
                    yield step
        finally:
            self.closed += 1


def sample_site() -> Site:
    return parse_site(sample_site_data())


def create_steps(site: Site, pause: float = 0.0) -> list[Step]:
    steps: list[Step] = [HeaderGenerated(site.header)]
    for section in site.sections:
        if pause:
            steps.append(pause)
        steps.append(SectionGenerated(section))
    return steps
