"""Prompt texts from ``core/prompts/``, filled in per request.

The files are read once. A per-kind template (``core/prompts/kinds/*.md``)
starts with a ``keywords:`` line and a ``sections:`` line, then guidance;
the kind is the one whose keyword appears earliest in the description
(accent-insensitive, at a word start), "other" when none does.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from core.i18n.locales import html_lang
from core.llm.stated import stated_facts
from core.site.site import Site
from core.site.values import Language

# The variant is named, with the forms that give it away: a model left to "Portuguese" mixes them.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "pt_BR": "Brazilian Portuguese (português do Brasil: você, equipe, celular, cardápio, contato, "
    "“Fale conosco”, “estamos preparando”; never European forms such as equipa, telemóvel, “está a fazer”)",
    "pt_PT": "European Portuguese (português de Portugal: equipa, telemóvel, contacto, ementa, "
    "“Contacte-nos”, “estamos a preparar”; never Brazilian forms such as equipe, celular, “está fazendo”)",
    "es": "Spanish (neutral forms that read naturally in Latin America and Spain: “ustedes”, not “vosotros”)",
}


def fold(text: str) -> str:
    """Lower case without accents, so "Panadería" matches "panaderia"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class KindTemplate:
    kind: str
    keywords: tuple[str, ...]
    sections: tuple[str, ...]
    guidance: str
    pattern: re.Pattern[str] | None


def _template(kind: str, text: str) -> KindTemplate:
    lines = text.strip().splitlines()
    keywords = tuple(k.strip() for k in lines[0].removeprefix("keywords:").split(",") if k.strip())
    sections = tuple(s.strip() for s in lines[1].removeprefix("sections:").split(",") if s.strip())
    guidance = " ".join(line.strip() for line in lines[2:] if line.strip())
    words = sorted({fold(k) for k in keywords}, key=len, reverse=True)
    # Short keywords must be whole words ("app" is not "apple", "bar" is not "barro").
    alternatives = [re.escape(w) + (r"s?\b" if len(w) <= 4 else "") for w in words]
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + ")") if alternatives else None
    return KindTemplate(kind, keywords, sections, guidance, pattern)


@dataclass(frozen=True)
class PromptBook:
    system: str
    generate: str
    refine: str
    repair: str
    kinds: tuple[KindTemplate, ...]
    photos: dict[str, str]  # "sent", "newest", "none": what "it" means in a refinement

    def pick(self, description: str) -> KindTemplate:
        folded = fold(description)
        best: tuple[int, KindTemplate] | None = None
        fallback = self.kinds[-1]
        for template in self.kinds:
            if template.kind == "other":
                fallback = template
            if template.pattern is None:
                continue
            match = template.pattern.search(folded)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), template)
        return best[1] if best else fallback

    def system_text(self, language: Language) -> str:
        return self.system.format(language=language, language_tag=html_lang(language), language_name=LANGUAGE_NAMES[language])

    def generate_text(self, description: str, language: Language, template: KindTemplate) -> str:
        return self.generate.format(
            description=description.replace('"""', "”””"),
            language=language,
            kind=template.kind.replace("_", " "),
            kind_guidance=template.guidance,
            sections=", ".join(template.sections),
            facts="\n".join(stated_facts(description)) or "- (none beyond the description)",
        )

    def refine_text(self, site: Site, instruction: str, language: Language, just_sent: tuple[str, ...] = ()) -> str:
        """The refinement prompt; ``just_sent``: hashes of the photos this message came with (or that
        the latest version added), which "it" and "this photo" mean."""
        return self.refine.format(
            spec=compact_spec(site),
            instruction=instruction.replace('"""', "”””"),
            language_name=LANGUAGE_NAMES[language],
            photos=self.photos_text(site, just_sent),
        )

    def photos_text(self, site: Site, just_sent: tuple[str, ...]) -> str:
        sent = [h for h in just_sent if site.image(h) is not None]
        if sent:
            return self.photos["sent"].format(count=len(sent), hashes=", ".join(sent))
        if site.images:
            return self.photos["newest"].format(newest=site.images[-1].hash)
        return self.photos["none"]

    def repair_text(self, part: str, path: str, error: str, fragment: str, language: Language) -> str:
        return self.repair.format(
            part=part, path=path, error=error, fragment=fragment, language_name=LANGUAGE_NAMES[language]
        )


def compact_spec(site: Site) -> str:
    """The spec without defaults and without spaces: what the model needs, in few tokens.

    A section's ``kind`` is a default too (the discriminator), so it is put back.
    """
    data = site.model_dump(mode="json", exclude_defaults=True)
    data["sections"] = [{"kind": s.kind, **d} for s, d in zip(site.sections, data.get("sections", []), strict=True)]
    if site.images:  # sizes, colours and placeholders are the renderer's business, not the model's
        data["images"] = [
            {"hash": image.hash, "alt": image.alt, **({"decorative": True} if image.decorative else {})}
            for image in site.images
        ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _keyed_lines(text: str) -> dict[str, str]:
    """``key: text`` lines as a mapping."""
    pairs = (line.split(":", 1) for line in text.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


@cache
def prompt_book() -> PromptBook:
    root = files("core.prompts")
    kinds_dir = root / "kinds"
    kinds = tuple(
        _template(entry.name.removesuffix(".md"), entry.read_text(encoding="utf-8"))
        for entry in sorted(kinds_dir.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".md")
    )
    return PromptBook(
        system=(root / "system.md").read_text(encoding="utf-8"),
        generate=(root / "generate.md").read_text(encoding="utf-8"),
        refine=(root / "refine.md").read_text(encoding="utf-8"),
        repair=(root / "repair.md").read_text(encoding="utf-8"),
        kinds=kinds,
        photos=_keyed_lines((root / "photos.md").read_text(encoding="utf-8")),
    )
