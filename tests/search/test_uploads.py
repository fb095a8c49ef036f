import io

import pytest
from PIL import Image

from search.uploads import (
    CorruptImage,
    ImageTooLarge,
    UnsupportedImage,
    open_upload,
    read_limited,
    sniff_format,
)
from tests.builders import jpeg_bytes, png_bytes


def _webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (1, 2, 3)).save(buffer, format="WEBP")
    return buffer.getvalue()


def test_jpeg_png_and_webp_are_accepted() -> None:
    for data in (jpeg_bytes(), png_bytes(), _webp()):
        image = open_upload(data)
        assert image.mode == "RGB"
        assert image.size[0] > 0


def test_type_is_sniffed_from_content_not_name() -> None:
    assert sniff_format(b"GIF89a....") is None
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    with pytest.raises(UnsupportedImage):
        open_upload(gif.getvalue())


def test_truncated_photo_is_reported_as_damaged() -> None:
    with pytest.raises(CorruptImage):
        open_upload(png_bytes(200, 200)[:60])


def test_too_many_pixels_are_refused_before_decoding(settings: object) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 1000  # type: ignore[attr-defined]
    with pytest.raises(ImageTooLarge):
        open_upload(png_bytes(100, 100))


def test_too_many_bytes_are_refused(settings: object) -> None:
    settings.VITRINE_MAX_UPLOAD_BYTES = 10  # type: ignore[attr-defined]
    with pytest.raises(ImageTooLarge):
        read_limited(io.BytesIO(b"x" * 11))
    assert read_limited(io.BytesIO(b"x" * 10)) == b"x" * 10


def test_exif_orientation_is_applied_and_metadata_dropped() -> None:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: rotate 90° clockwise to view
    exif[0x010F] = "Camera maker"
    Image.new("RGB", (40, 20), (200, 10, 10)).save(buffer, format="JPEG", exif=exif)
    image = open_upload(buffer.getvalue())
    assert image.size == (20, 40)
    assert not image.getexif()
