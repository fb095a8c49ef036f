"""A visitor's photo for search by photo: checked before decoding, never stored.

The type is sniffed from the bytes (the file name and the browser's content type are
not trusted); size and pixel count are checked before any pixel is decoded. The photo
lives in memory only for the request, and is decoded straight to the small size search
needs at a cost estimated from its header and reserved from the process's decoding
budget (search.photo_decode, search.decode_budget), on the process's photo thread
(search.photo_worker).

EXIF: metadata (camera, time, location) is never read into the search nor kept. The
orientation tag alone is applied, because a phone photo is often stored sideways with
that tag, and the classifier sees a rotated scene poorly; the pixels are then copied
into a fresh image that carries no metadata at all.
"""

import io
import warnings
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image, ImageFile, UnidentifiedImageError

from search import decode_budget
from search.photo_decode import check_depth, decode_cost, draft_small, small_upright_rgb
from search.photo_worker import on_photo_worker
from search.upload_errors import (
    CorruptImage,
    ImageTooLarge,
    PhotoSearchBusy,
    UnsupportedImage,
    UploadError,
)

__all__ = [
    "CorruptImage",
    "ImageTooLarge",
    "PhotoSearchBusy",
    "UnsupportedImage",
    "UploadError",
    "open_upload",
    "read_limited",
    "sniff_format",
    "too_large",
]

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# Translated when said, inside "This %(kind)s is too large…".
KIND_NAMES = {
    "JPEG": gettext_noop("JPEG"),
    "PNG": gettext_noop("PNG image"),
    "WEBP": gettext_noop("WebP image"),
}


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
    return ImageTooLarge(
        _("The photo is larger than %(megabytes)s MB.") % {"megabytes": f"{megabytes:g}"}
    )


def read_limited(stream: IO[bytes], *, declared_size: int | None = None) -> bytes:
    limit = settings.VITRINE_MAX_UPLOAD_BYTES
    if declared_size is not None and declared_size > limit:
        raise too_large()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large()
    return data


def _over_pixel_limit(width: int, height: int) -> ImageTooLarge:
    max_pixels = settings.VITRINE_MAX_IMAGE_PIXELS
    return ImageTooLarge(
        _("The photo has %(width)d×%(height)d pixels; the limit is %(limit)s megapixels.")
        % {"width": width, "height": height, "limit": f"{max_pixels / 1_000_000:g}"}
    )


def _over_budget(
    kind: str, image: ImageFile.ImageFile, full_size: tuple[int, int], cost: int
) -> ImageTooLarge:
    """A photo that would need more memory to read than the whole budget allows."""
    width, height = full_size
    name = _(KIND_NAMES[kind])
    if kind == "JPEG" and (image.info.get("progressive") or image.info.get("progression")):
        name = _("progressive JPEG")
    fitting = width * height * decode_budget.capacity_bytes() / cost / 1_000_000
    return ImageTooLarge(
        _(
            "This %(kind)s is too large to search with (%(width)d×%(height)d pixels); this "
            "kind of image can have about %(fitting).0f megapixels at most. Try a smaller "
            "copy, or an ordinary JPEG."
        )
        % {"kind": name, "width": width, "height": height, "fitting": fitting}
    )


def _opened(data: bytes, kind: str) -> ImageFile.ImageFile:
    """The photo with its header read and its pixels not yet decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data), formats=[kind])
    assert isinstance(image, ImageFile.ImageFile)  # what Image.open returns
    return image


def open_upload(data: bytes) -> Image.Image:
    """The photo as a small RGB image, or an UploadError saying what is wrong with it."""
    if not data:
        raise CorruptImage(_("The photo file is empty."))
    kind = sniff_format(data[:16])
    if kind is None:
        raise UnsupportedImage(_("Search by photo takes JPEG, PNG or WebP images."))
    max_pixels = settings.VITRINE_MAX_IMAGE_PIXELS
    try:
        image = _opened(data, kind)
        full_size = image.size
        if full_size[0] * full_size[1] > max_pixels:
            raise _over_pixel_limit(*full_size)
        check_depth(image)
        draft_small(image, kind)
        cost = decode_cost(image, kind, full_size)
        if cost > decode_budget.capacity_bytes():
            raise _over_budget(kind, image, full_size, cost)
        with decode_budget.reserve(cost):
            return on_photo_worker(small_upright_rgb, image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageTooLarge(
            _("The photo is over the limit of %(limit)s megapixels.")
            % {"limit": f"{max_pixels / 1_000_000:g}"}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, UploadError):
            raise
        raise CorruptImage(_("The photo could not be read; it may be damaged.")) from None
