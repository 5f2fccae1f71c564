"""Photographs and bad files made on the spot, for tests and benchmarks (nothing is downloaded).

``photo`` paints a scene the way a phone camera records one — a lit
background, rounded subjects with soft shading and shadows, lens vignetting,
sensor noise at several scales — so encoders meet the detail and gradients of
real photos (a 12 MP one is ~4-5 MB as JPEG, like a phone's). ``camera_jpeg``
adds the EXIF a phone writes (make, model, date, orientation and GPS), so tests
can check it is applied and then stripped. The bad files are the shapes the
issue lists: a 60 MB upload, a 30,000 x 30,000 PNG bomb, a truncated JPEG, an SVG
with script, a PDF renamed .jpg, a GIF animation.
"""

from __future__ import annotations

import io
import random
import struct
import zlib

import pillow_heif
from PIL import Image, ImageChops, ImageDraw, ImageFilter

PHONE = (4032, 3024)  # 12 MP, 4:3, as most phone cameras
GPS_IFD = 0x8825
ORIENTATION = 0x0112
PALETTES = (
    ((236, 214, 178), (120, 72, 38), (196, 132, 66), (92, 58, 40)),  # bakery: flour, crust, wood
    ((206, 224, 236), (54, 96, 70), (180, 160, 120), (40, 60, 48)),  # garden
    ((244, 236, 228), (160, 60, 50), (220, 180, 140), (70, 50, 46)),  # café
    ((200, 210, 226), (60, 80, 140), (230, 200, 120), (36, 40, 60)),  # evening street
)


def photo(size: tuple[int, int] = PHONE, seed: int = 1) -> Image.Image:
    """An RGB scene of ``size``; the same seed always paints the same picture."""
    rng = random.Random(seed)
    width, height = size
    light, subject, accent, dark = PALETTES[seed % len(PALETTES)]
    ramp = Image.linear_gradient("L").resize((width, height))
    scene = Image.composite(Image.new("RGB", size, dark), Image.new("RGB", size, light), ramp.point(lambda v: v * 0.55))
    draw = ImageDraw.Draw(scene)
    horizon = int(height * rng.uniform(0.55, 0.7))
    draw.rectangle((0, horizon, width, height), fill=tuple(int(c * 0.8) for c in accent))
    for _ in range(rng.randrange(5, 9)):  # loaves, cups, pots: rounded subjects on the table
        cx, cy = rng.randrange(width), rng.randrange(horizon - height // 8, height)
        rx, ry = rng.randrange(width // 14, width // 5), rng.randrange(height // 18, height // 7)
        colour = tuple(max(0, min(255, c + rng.randrange(-30, 30))) for c in rng.choice((subject, accent)))
        draw.ellipse((cx - rx + rx // 5, cy - ry + ry // 2, cx + rx + rx // 5, cy + ry + ry // 2), fill=dark)
        draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=colour)
        highlight = tuple(min(255, c + 45) for c in colour)
        draw.ellipse((cx - rx // 2, cy - ry * 3 // 4, cx + rx // 3, cy - ry // 6), fill=highlight)
    scene = scene.filter(ImageFilter.GaussianBlur(max(2, width // 600)))
    texture = _octaves(size, rng)
    scene = Image.blend(scene, ImageChops.overlay(scene, Image.merge("RGB", (texture,) * 3)), 0.6)
    vignette = Image.radial_gradient("L").resize(size).point(lambda v: 255 - int(v * 0.45))
    scene = ImageChops.multiply(scene, Image.merge("RGB", (vignette,) * 3))
    grain = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(scene, ImageChops.overlay(scene, grain), 0.35)


def _octaves(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Noise at four scales: the crumb of bread, grain of wood, fibres of a cloth."""
    width, height = size
    out: Image.Image | None = None
    for divisor, weight in ((128, 1.0), (32, 0.45), (8, 0.3), (2, 0.2)):
        small = Image.effect_noise((max(2, width // divisor), max(2, height // divisor)), 40 + rng.random() * 20)
        layer = small.resize(size, Image.Resampling.BICUBIC)
        out = layer if out is None else Image.blend(out, layer, weight / (1 + weight))
    assert out is not None
    return out


def camera_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: make, model, time, orientation, and where the photo was taken."""
    exif = Image.Exif()
    exif[0x010F] = "Pixelphone"
    exif[0x0110] = "PP-12"
    exif[0x0132] = "2026:05:01 09:30:00"
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (38.0, 42.0, 27.5), 3: "W", 4: (9.0, 8.0, 11.2)}  # Lisbon
    return exif


def camera_jpeg(size: tuple[int, int] = PHONE, seed: int = 1, orientation: int = 1) -> bytes:
    """A phone's JPEG: quality 92, EXIF with GPS; ``orientation`` 6 is a portrait held upright."""
    out = io.BytesIO()
    photo(size, seed).save(out, "JPEG", quality=92, exif=camera_exif(orientation))
    return out.getvalue()


def portrait_jpeg(size: tuple[int, int] = PHONE, seed: int = 2) -> bytes:
    """A portrait photo stored sideways (``size`` landscape pixels) with EXIF orientation 6, as phones
    do: an upright scene turned a quarter left, so applying the orientation shows it upright."""
    upright = photo((size[1], size[0]), seed)
    out = io.BytesIO()
    upright.transpose(Image.Transpose.ROTATE_90).save(out, "JPEG", quality=92, exif=camera_exif(6))
    return out.getvalue()


def heic(size: tuple[int, int] = PHONE, seed: int = 3) -> bytes:
    """An iPhone-style HEIC with EXIF and GPS (encoded with pillow-heif's x265).

    Quality 50 makes a 12 MP one about 2.4 MB, about 70 % of the camera JPEG: an iPhone's own
    12 MP HEICs are 1.5-3 MB, half its JPEGs' size (quality 70 made 5.5 MB, more than the JPEG)."""
    out = io.BytesIO()
    pillow_heif.from_pillow(photo(size, seed)).save(out, quality=50, exif=camera_exif().tobytes())
    return out.getvalue()


def screenshot_png(size: tuple[int, int] = (1170, 2532), seed: int = 4) -> bytes:
    """A phone screenshot: flat colours, text-like bars, sharp edges (PNG)."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (250, 250, 252))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 160), fill=(30, 90, 160))
    y = 220
    while y < size[1] - 80:
        width = rng.randrange(size[0] // 3, size[0] - 120)
        draw.rounded_rectangle((60, y, 60 + width, y + 34), 8, fill=(60, 60, 70))
        y += rng.choice((60, 60, 60, 140))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def logo_png(size: int = 600, colour: tuple[int, int, int] = (196, 64, 40)) -> bytes:
    """A logo with a transparent background: a coloured round mark and a darker bar."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((size // 10, size // 10, size * 9 // 10, size * 9 // 10), fill=(*colour, 255))
    draw.rectangle((size // 4, size * 9 // 20, size * 3 // 4, size * 11 // 20), fill=(40, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# -- bad inputs ------------------------------------------------------------------------


def oversized(size: int = 60 * 1024 * 1024) -> bytes:
    """A 60 MB "photo": a JPEG start, then padding (only its size matters)."""
    start = camera_jpeg((64, 48))
    return start + b"\0" * (size - len(start))


def png_bomb(side: int = 30_000) -> bytes:
    """A tiny file declaring a ``side`` x ``side`` PNG (900 MP): a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\0" * (side + 1) * 64, 9)  # the first rows; the rest would follow
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    whole = camera_jpeg((800, 600))
    return whole[: len(whole) // 2]


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert(document.cookie)</script><circle cx="50" cy="50" r="40" fill="red"/></svg>'
)
PDF_AS_JPG = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def gif_animation() -> bytes:
    frames = [Image.new("RGB", (120, 90), (i * 60, 200 - i * 40, 90)) for i in range(4)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()
