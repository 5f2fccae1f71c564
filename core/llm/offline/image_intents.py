"""Understanding what a message asks of the site's photos, in pt, en and es.

"use it as the cover", "faz dela o logótipo", "añádela a la galería", "remove
photo 3", "move the second photo first", "replace the cover with this one",
"put it next to Ana", "the photo shows our sourdough". "It"/"this" is the
image the user just sent (or the newest one); "photo N" counts the gallery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.site.images import ImageTarget
from core.site.presets import fold

ImageVerb = Literal["place", "remove", "move", "alt", "replace"]


@dataclass(frozen=True)
class ImageOp:
    verb: ImageVerb
    target: ImageTarget | None = None
    name: str = ""  # a team member, service or menu item the photo goes with
    which: int | None = None  # 1-based gallery position ("photo 3"); None: the photo just sent
    to: int | None = None  # move: 0-based new position (-1: last)
    alt: str = ""


_PHOTO = r"(?:photo|picture|image|pic|foto|fotografia|imagem|imagen)s?"
# "it", "this one", pt "-a"/"dela"/"esta", es "úsala"/"ponla"/"esta": the photo just sent.
_REFERS = re.compile(
    rf"\b{_PHOTO}\b|\b(?:it|this|that|them|these|esta|essa|estas|ela|dela|delas|ella)\b|\w-(?:a|as|la|las)\b"
    r"|\b(?:usa|utiliza|pon|anade|agrega|coloca|mete|adiciona)\w*?(?:la|las)\b"
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": -1,
    "primeira": 1, "segunda": 2, "terceira": 3, "quarta": 4, "quinta": 5, "sexta": 6, "ultima": -1,
    "primera": 1, "tercera": 3, "cuarta": 4,
}  # fmt: skip
_TARGETS: tuple[tuple[ImageTarget, str], ...] = (
    ("logo", r"\b(?:logo|logotipo|logotype)\b"),
    ("cover", r"\b(?:cover|hero|banner|capa|portada|header photo|imagem principal|foto principal|imagen principal)\b"),
    ("gallery", r"\b(?:gallery|galeria)\b"),
    ("about", r"\b(?:about(?: us)? section|about us|sobre nos|sobre nosotros|quem somos|nossa historia|nuestra historia)\b"),
)
_ALT = re.compile(
    r"(?:^|\b)(?:it|this|the (?:photo|picture|image)|(?:a|esta|essa) (?:foto|imagem|fotografia)|(?:la|esta) "
    r"(?:foto|imagen))?\s*(?:shows|mostra|muestra|is of|e de|es de)\s+(?P<alt>[^.!?\n]{2,160})",
    re.IGNORECASE,
)
_REMOVE = re.compile(r"\b(?:remove|delete|take out|take away|drop|tira|retira|apaga|elimina|quita|borra|saca)\b")
_MOVE = re.compile(r"\b(?:move|put|place|passa|poe|coloca|mete|pon|mueve|pasa)\b")
_PLACE = re.compile(
    r"\b(?:use|make|set|put|add|as|como|poe|faz|haz|"
    r"(?:usa|utiliza|adiciona|acrescenta|coloca|mete|pon|anade|agrega)\w*)\b"
)
_REPLACE = re.compile(r"\b(?:replace|swap|substitui|troca|reemplaza|sustituye|cambia)\b")
_NUMBER = re.compile(rf"\b{_PHOTO}\s*(?:n[oº.]*\s*|#)?(?P<n>\d{{1,2}})\b|\b(?P<ord>{'|'.join(_ORDINALS)})\s+{_PHOTO}\b")
_FIRST = re.compile(r"\b(?:first|primeiro|primeira|primero|primera|to the (?:start|top|front)|ao inicio|al principio|no inicio)\b")
_LAST = re.compile(r"\b(?:last|ultimo|ultima|to the end|ao fim|al final|no fim)\b")
_NAMED = re.compile(
    r"\b(?:next to|beside|with|for|on|junto (?:a|ao|a[os]?)|ao lado de|para|con|en la ficha de|no cartao de|of)\s+"
    r"(?P<name>[^\d,.;!?\n][^,.;!?\n]{1,60})$",
    re.IGNORECASE,
)


def parse_image_ops(text: str, *, with_photo: bool = False) -> list[ImageOp]:
    """Image operations the message asks for; empty when it is about something else.

    ``with_photo``: the message is the caption of photos just sent, so "cover" or
    "gallery" alone mean them; otherwise a photo must be named ("it", "photo 2")
    so that "add a gallery" stays a request for a section.
    """
    ops: list[ImageOp] = []
    alt = _ALT.search(text)
    if alt:
        ops.append(ImageOp("alt", alt=alt["alt"].strip().strip("\"“”«»'").rstrip()))
        text = text[: alt.start()] + " " + text[alt.end() :]
    folded = fold(text)
    if not folded.strip():
        return ops
    which = _which(folded)
    number = _NUMBER.search(folded)
    rest = folded[number.end() :] if number else ""
    target = next((t for t, pattern in _TARGETS if re.search(pattern, folded)), None)
    # "it", "photo 2", or the logo (always a picture; "remove the cover" may mean the section)
    mentions_photo = with_photo or which is not None or target == "logo" or _REFERS.search(folded) is not None
    if _REPLACE.search(folded) and (target or which is not None):
        ops.append(ImageOp("replace", target=target, which=which))
    elif _REMOVE.search(folded) and mentions_photo and (target in ("cover", "logo") or which is not None or target is None):
        ops.append(ImageOp("remove", target=target, which=which))
    elif which is not None and _MOVE.search(folded) and (_FIRST.search(rest) or _LAST.search(rest)):
        ops.append(ImageOp("move", which=which, to=0 if _FIRST.search(rest) else -1))
    elif target is not None and mentions_photo and _PLACE.search(folded):
        ops.append(ImageOp("place", target=target, which=which))
    elif mentions_photo and _PLACE.search(folded):
        named = _NAMED.search(text.strip())
        if named:
            ops.append(ImageOp("place", name=named["name"].strip(), which=which))
    return ops


def _which(folded: str) -> int | None:
    match = _NUMBER.search(folded)
    if match is None:
        return None
    if match["n"]:
        return int(match["n"])
    return _ORDINALS[match["ord"]]
