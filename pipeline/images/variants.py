"""A decoded picture -> the files a page serves: AVIF and WebP at each width, and a fallback.

Pure and deterministic (one encoder thread, fixed settings), so the same upload
gives byte-identical files and the same content hash: a photo sent twice is
stored once. Encoder settings were picked with ``bench/images.py`` to keep a
12 MP photo under 1.5 s on one core (see docs/images.md).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image

from pipeline.images.colours import dominant, placeholder
from pipeline.images.decode import Limits, decode
from pipeline.images.names import MAX_WIDTH, extensions, variant_key, variant_widths

AVIF = {"quality": 52, "speed": 9, "max_threads": 1}  # speed 9: ~4x faster than 6 for ~5 % more bytes
# WebP is for browsers without AVIF (Safari before 16): method 2 encodes ~3x faster than 4 for ~8 % more bytes
WEBP = {"quality": 76, "method": 2}
JPEG = {"quality": 80, "optimize": True, "progressive": True}
PNG = {"optimize": False, "compress_level": 6}


@dataclass(frozen=True)
class ProcessedImage:
    """What is stored for one upload; ``hash`` is the SHA-256 of all its files, in name order."""

    hash: str
    width: int
    height: int
    alpha: bool
    files: dict[str, bytes]  # variant key ("960.avif") -> bytes
    placeholder: tuple[str, str]
    colours: tuple[str, ...]
    source_format: str

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.files.values())


def process(data: bytes, limits: Limits | None = None) -> ProcessedImage:
    """Decode, orient, strip and re-encode an upload; ``ImageRejected`` says why it cannot be used."""
    decoded = decode(data, limits or Limits(), target_width=MAX_WIDTH)  # at most MAX_WIDTH wide
    image = decoded.image
    alpha = image.mode == "RGBA" and _has_transparency(image)
    if image.mode == "RGBA" and not alpha:
        image = image.convert("RGB")
    files: dict[str, bytes] = {}
    current = image
    for width in reversed(variant_widths(image.width)):  # largest first; each smaller one from the last
        current = current if current.width == width else _resized(current, width)
        for ext in extensions(alpha):
            files[variant_key(width, ext)] = encode(current, ext)
    digest = hashlib.sha256()
    for key in sorted(files):
        digest.update(key.encode() + b"\0" + files[key])
    return ProcessedImage(
        hash=digest.hexdigest(),
        width=image.width,
        height=image.height,
        alpha=alpha,
        files=files,
        placeholder=placeholder(image),
        colours=dominant(image),
        source_format=decoded.source_format,
    )


def encode(image: Image.Image, ext: str) -> bytes:
    out = io.BytesIO()
    if ext == "avif":
        image.save(out, "AVIF", **AVIF)
    elif ext == "webp":
        image.save(out, "WEBP", **WEBP)
    elif ext == "jpg":
        image.convert("RGB").save(out, "JPEG", **JPEG)
    else:
        image.save(out, "PNG", **PNG)
    return out.getvalue()


def _resized(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _has_transparency(image: Image.Image) -> bool:
    extrema = image.getchannel("A").getextrema()
    low = extrema[0] if isinstance(extrema, tuple) else extrema
    return bool(isinstance(low, (int, float)) and low < 255)
