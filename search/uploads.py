"""A visitor's photo for search by photo: checked before decoding, never stored.

The type is sniffed from the bytes (the file name and the browser's content type are
not trusted); size and pixel count are checked before any pixel is decoded. The photo
lives in memory only for the request.

EXIF: metadata (camera, time, location) is never read into the search nor kept. The
orientation tag alone is applied, because a phone photo is often stored sideways with
that tag, and the classifier sees a rotated scene poorly; the pixels are then copied
into a fresh image that carries no metadata at all.
"""

import io
import warnings
from typing import IO

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class UploadError(ValueError):
    status_code = 400


class UnsupportedImage(UploadError):
    status_code = 415


class CorruptImage(UploadError):
    status_code = 400


class ImageTooLarge(UploadError):
    status_code = 413


def sniff_format(head: bytes) -> str | None:
    """JPEG, PNG or WEBP from the file's first bytes; None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def too_large() -> ImageTooLarge:
    megabytes = settings.VITRINE_MAX_UPLOAD_BYTES / (1024 * 1024)
    return ImageTooLarge(f"The photo is larger than {megabytes:g} MB.")


def read_limited(stream: IO[bytes], *, declared_size: int | None = None) -> bytes:
    limit = settings.VITRINE_MAX_UPLOAD_BYTES
    if declared_size is not None and declared_size > limit:
        raise too_large()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large()
    return data


def open_upload(data: bytes) -> Image.Image:
    """The photo as an RGB image, or an UploadError saying what is wrong with it."""
    if not data:
        raise CorruptImage("The photo file is empty.")
    kind = sniff_format(data[:16])
    if kind is None:
        raise UnsupportedImage("Search by photo takes JPEG, PNG or WebP images.")
    max_pixels = settings.VITRINE_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])  # reads the header only
            width, height = image.size
            if width * height > max_pixels:
                raise ImageTooLarge(
                    f"The photo has {width}×{height} pixels; the limit is "
                    f"{max_pixels / 1_000_000:g} megapixels."
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageTooLarge(
            f"The photo is over the limit of {max_pixels / 1_000_000:g} megapixels."
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, UploadError):
            raise
        raise CorruptImage("The photo could not be read; it may be damaged.") from None
    upright = ImageOps.exif_transpose(image) or image
    return Image.frombytes("RGB", upright.size, upright.convert("RGB").tobytes())
