"""Fetch a manifest's full-size image: from its Image API service when it has one.

The service is asked for the whole image at full size (``full/max`` in Image API 3,
``full/full`` in 2), or at the largest size inside the site's pixel limit when its
``info.json`` says the full image is bigger. Without a service, or when the service
fails, the painted resource's own URL is used. The bytes are checked again by the
collection importer (format, pixels), exactly as a file in a collection folder is.
"""

import math
from pathlib import Path

from django.conf import settings

from exhibition.importing.iiif.documents import ImageRef
from exhibition.importing.iiif.fetching import (
    MAX_INFO_BYTES,
    FetchError,
    Location,
    TooLarge,
    fetch_bytes,
    fetch_json,
)

_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tif"),
    (b"MM\x00*", "tif"),
)


def image_urls(image: ImageRef, *, base: Location, max_pixels: int) -> list[str]:
    """The URLs to try, best first."""
    urls = []
    if image.service is not None:
        width, height = _service_size(image, base)
        size = "max" if image.service_version >= 3 else "full"
        if width and height and width * height > max_pixels:
            scale = math.sqrt(max_pixels / (width * height))
            size = f"!{max(1, math.floor(width * scale))},{max(1, math.floor(height * scale))}"
        urls.append(f"{image.service}/full/{size}/0/default.jpg")
    if image.url not in urls:
        urls.append(image.url)
    return urls


def fetch_image(image: ImageRef, *, base: Location, folder: Path, stem: str) -> Path:
    """Download the image into ``folder``; the file's name says its format."""
    max_bytes = settings.VITRINE_MAX_UPLOAD_BYTES
    problems: list[str] = []
    for url in image_urls(image, base=base, max_pixels=settings.VITRINE_MAX_IMAGE_PIXELS):
        try:
            data = fetch_bytes(base.resolve(url), max_bytes=max_bytes)
        except TooLarge as exc:
            problems.append(f"image {exc} (VITRINE_MAX_UPLOAD_BYTES)")
            continue
        except FetchError as exc:
            problems.append(f"image {exc}")
            continue
        path = folder / f"{stem}.{_extension(data)}"
        path.write_bytes(data)
        return path
    raise FetchError("; ".join(problems))


def _service_size(image: ImageRef, base: Location) -> tuple[int | None, int | None]:
    """The full size the service reports, else the size the manifest gives."""
    try:
        info = fetch_json(base.resolve(f"{image.service}/info.json"), max_bytes=MAX_INFO_BYTES)
    except FetchError:
        return image.width, image.height
    width, height = info.get("width"), info.get("height")
    if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
        return width, height
    return image.width, image.height


def _extension(data: bytes) -> str:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    for signature, extension in _SIGNATURES:
        if data.startswith(signature):
            return extension
    return "img"  # the importer's decoder names what it is not
