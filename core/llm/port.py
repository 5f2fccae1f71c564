"""The generator port: a request in, an async stream of generation events out.

The offline generator (the embedded default) and the OpenAI-compatible client
both implement ``SiteGenerator``. A *create* request streams a header and then
each section the moment it is complete; a *refine* request streams edit
operations. Studio validates, assembles, stores and forwards; a generator never
touches storage.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Literal, Protocol, Union

from core.site.edits import Edit
from core.site.sections import Section
from core.site.site import Site, SiteHeader
from core.site.values import Language


@dataclass(frozen=True)
class Turn:
    """One earlier message of the conversation, for context."""

    role: Literal["user", "assistant"]
    text: str


@dataclass(frozen=True)
class GenerationRequest:
    """What the user asked for, and what exists already.

    ``current`` is None for a new site (create) and the current version for a
    refinement. ``language`` is the conversation's language when known; a
    generator detects it from ``instruction`` otherwise.
    """

    instruction: str
    current: Site | None = None
    language: Language | None = None
    history: tuple[Turn, ...] = ()
    focus_images: tuple[str, ...] = ()  # hashes of the photos just sent: what "it" / "this photo" means
    caption: bool = False  # ``instruction`` is the caption of those photos ("cover" alone means them)

    @property
    def is_refinement(self) -> bool:
        return self.current is not None


@dataclass(frozen=True)
class HeaderGenerated:
    """Name, language, theme, SEO and business details of a new site."""

    header: SiteHeader


@dataclass(frozen=True)
class SectionGenerated:
    """One complete section of a new site, in page order."""

    section: Section


@dataclass(frozen=True)
class EditGenerated:
    """One edit operation of a refinement, in the order it must be applied."""

    edit: Edit


@dataclass(frozen=True)
class TokensUsed:
    """Model tokens consumed (the offline generator reports an estimate)."""

    prompt: int
    completion: int


@dataclass(frozen=True)
class CannotHelp:
    """The instruction was understood as nothing the generator can do.

    ``message`` is written in ``language`` and lists what it can do.
    """

    message: str
    language: Language


@dataclass(frozen=True)
class Summary:
    """A short sentence describing what was done, in the user's language."""

    text: str
    language: Language = "en"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PartSkipped:
    """A part the model could not produce validly, even after repair requests.

    ``part`` is "section" (of a new site) or "edit" (of a refinement); ``kind``
    is the section kind (or edit op) when known. Everything valid around it is
    kept; Studio tells the user plainly which part is missing.
    """

    part: Literal["section", "edit"]
    kind: str
    path: str
    reason: str


GenerationEvent = Union[
    HeaderGenerated, SectionGenerated, EditGenerated, TokensUsed, CannotHelp, Summary, PartSkipped
]


class SiteGenerator(Protocol):
    """Anything that turns a request into a stream of generation events."""

    name: str

    def generate(self, request: GenerationRequest) -> AsyncIterator[GenerationEvent]:
        """Stream events; raise ``core.errors.GenerationFailed`` on failure."""
        ...
