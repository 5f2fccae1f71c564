"""Processing uploads: sniff, decode under limits, orient, strip metadata, encode variants."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from core.errors import ImageRejected
from pipeline.images import Limits, logo_icons, process
from pipeline.images.names import parse_file_name, variant_widths
from tests import photos


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_phone_photo_becomes_avif_webp_and_jpeg_at_three_widths_without_metadata() -> None:
    processed = process(photos.camera_jpeg(photos.PHONE))
    assert (processed.width, processed.height) == (1600, 1200)
    assert sorted(processed.files) == sorted(
        f"{w}.{ext}" for w in (480, 960, 1600) for ext in ("avif", "webp", "jpg")
    )
    for key, data in processed.files.items():
        image = _open(data)
        assert image.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[key.split(".")[1]]
        assert image.width == int(key.split(".")[0])
        assert not image.getexif(), f"{key} kept EXIF"
        assert b"Pixelphone" not in data and b"GPS" not in data, f"{key} kept camera or GPS data"
        assert "icc_profile" not in image.info and "xmp" not in image.info
    assert processed.files["960.avif"].__len__() < processed.files["960.jpg"].__len__()
    assert len(processed.hash) == 64


def test_the_same_upload_gives_the_same_files_and_hash() -> None:
    data = photos.camera_jpeg((1200, 900), seed=5)
    assert process(data).hash == process(data).hash
    assert process(data).hash != process(photos.camera_jpeg((1200, 900), seed=6)).hash


def test_exif_rotation_is_applied_then_dropped() -> None:
    processed = process(photos.portrait_jpeg((1200, 900)))
    assert (processed.width, processed.height) == (900, 1200)  # upright: taller than wide
    assert variant_widths(900) == (480, 900)
    assert not _open(processed.files["900.jpg"]).getexif()


@pytest.mark.parametrize(("orientation", "corner"), [(1, (0, 0)), (3, (1, 1)), (6, (1, 0)), (8, (0, 1))])
@pytest.mark.parametrize("size", [(4032, 3024), (1200, 900)])  # scaled down before it is turned, or not
def test_each_exif_orientation_ends_upright(orientation: int, corner: tuple[int, int], size: tuple[int, int]) -> None:
    """The stored top-left corner is red; once upright it is where a viewer of the photo sees it."""
    stored = Image.new("RGB", size, (20, 40, 160))
    stored.paste((220, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=photos.camera_exif(orientation))
    processed = process(out.getvalue())
    turned = orientation in (6, 8)
    wide, tall = (size[1], size[0]) if turned else size
    assert processed.width == min(wide, 1600) and abs(processed.height - round(tall * processed.width / wide)) <= 1
    image = _open(processed.files[f"{processed.width}.jpg"]).convert("RGB")
    quarter = (image.width // 4, image.height // 4)
    red = image.getpixel((quarter[0] * (1 + 2 * corner[0]), quarter[1] * (1 + 2 * corner[1])))
    assert isinstance(red, tuple) and red[0] > 180 and red[2] < 80, (orientation, red)
    opposite = image.getpixel((quarter[0] * (3 - 2 * corner[0]), quarter[1] * (3 - 2 * corner[1])))
    assert isinstance(opposite, tuple) and opposite[2] > 120, (orientation, opposite)


def test_heic_from_an_iphone_is_decoded_and_stripped() -> None:
    processed = process(photos.heic((1200, 900)))
    assert processed.source_format == "HEIF"
    assert (processed.width, processed.height) == (1200, 900)
    assert b"GPS" not in processed.files["1200.jpg"]


def test_a_screenshot_and_a_transparent_logo() -> None:
    screenshot = process(photos.screenshot_png())
    assert (screenshot.width, screenshot.height) == (1170, 2532)
    logo = process(photos.logo_png())
    assert logo.alpha and "600.png" in logo.files and _open(logo.files["600.png"]).mode == "RGBA"
    assert logo.colours[0] == "#c44028" or logo.colours[0].startswith("#c")  # the mark's red first
    icons = logo_icons(logo.files["600.png"], "#ffffff")
    assert {name: _open(data).size for name, data in icons.items()} == {
        "favicon-32.png": (32, 32), "apple-touch-icon.png": (180, 180), "icon-192.png": (192, 192),
        "icon-512.png": (512, 512),
    }


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (photos.oversized, "too_big"),
        (photos.png_bomb, "too_many_pixels"),
        (photos.truncated_jpeg, "damaged"),
        (lambda: photos.SVG_WITH_SCRIPT, "vector"),
        (lambda: photos.PDF_AS_JPG, "pdf"),
        (photos.gif_animation, "animated"),
        (lambda: b"just some text, not a picture", "not_image"),
    ],
    ids=["60MB", "30000x30000-png", "truncated-jpeg", "svg-with-script", "pdf-renamed-jpg", "gif-animation", "text"],
)
def test_bad_input_is_refused_with_a_reason(make: object, reason: str) -> None:
    with pytest.raises(ImageRejected) as refused:
        process(make(), Limits())  # type: ignore[operator]
    assert refused.value.reason == reason


def test_published_names_map_back_to_stored_variants() -> None:
    assert parse_file_name("img/0123456789abcdef-960.avif") == ("0123456789abcdef", "960.avif")
    assert parse_file_name("img/0123456789abcdef-icon-192.png") == ("0123456789abcdef", "icon-192.png")
    assert parse_file_name("img/../../etc/passwd") is None
