"""Colours taken from a picture: its placeholder while it loads, and a logo's dominant colours."""

from __future__ import annotations

from PIL import Image


def _hex(rgb: tuple[int, ...]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb[:3])


def _flat(image: Image.Image) -> Image.Image:
    """RGB, transparent parts on white (how a logo looks on a light page)."""
    if image.mode == "RGBA":
        ground = Image.new("RGB", image.size, (255, 255, 255))
        ground.paste(image, mask=image.getchannel("A"))
        return ground
    return image.convert("RGB")


def placeholder(image: Image.Image) -> tuple[str, str]:
    """The average colours of the top and bottom halves: a soft gradient in the photo's place."""
    two = _flat(image).resize((1, 2), Image.Resampling.BOX)
    top = two.getpixel((0, 0))
    bottom = two.getpixel((0, 1))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    return _hex(top), _hex(bottom)


def dominant(image: Image.Image, count: int = 4) -> tuple[str, ...]:
    """The most frequent colours, most frequent first; transparent pixels and near-white ground ignored.

    A logo's brand colour is rarely its background, so pixels that are (almost)
    transparent or white are left out when anything else remains.
    """
    small = image.copy()
    small.thumbnail((96, 96))
    rgba = small.convert("RGBA")
    raw = rgba.tobytes()
    pixels = [tuple(raw[i : i + 4]) for i in range(0, len(raw), 4) if raw[i + 3] >= 128]
    coloured = [p for p in pixels if not (p[0] > 235 and p[1] > 235 and p[2] > 235)]
    chosen = coloured or pixels or [(255, 255, 255, 255)]
    strip = Image.new("RGB", (len(chosen), 1))
    strip.frombytes(b"".join(bytes(p[:3]) for p in chosen))
    quantized = strip.quantize(colors=count, method=Image.Quantize.MEDIANCUT)
    palette = quantized.getpalette() or []
    counts = sorted(quantized.getcolors() or [], reverse=True)
    indexes = [i for _, i in counts if isinstance(i, int)]
    return tuple(_hex(tuple(palette[i * 3 : i * 3 + 3])) for i in indexes)
