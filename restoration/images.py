"""Loading an original as pixels for restoration, with the pixel limit enforced.

The limit (``VITRINE_MAX_IMAGE_PIXELS``) is checked from the header before any pixel is
decoded, so an oversized file costs nothing and is refused with the limit named.
"""

import io
import warnings
from typing import BinaryIO

import numpy as np
from django.conf import settings
from PIL import Image, ImageOps, PngImagePlugin, UnidentifiedImageError

from exhibition.image_limits import too_many_pixels_message
from exhibition.models import ObjectImage
from restoration.engines.base import RGBImage


class ImageTooLarge(ValueError):
    """The image has more pixels than the configured limit; the message names the limit."""


class ImageUnreadable(ValueError):
    """The original cannot be opened or decoded as an image."""


def image_load_original(image: ObjectImage) -> RGBImage:
    """The object's original as upright uint8 RGB pixels (H, W, 3)."""
    try:
        with image.original.open("rb") as handle:
            return load_rgb(handle, max_pixels=settings.VITRINE_MAX_IMAGE_PIXELS)
    except FileNotFoundError:
        raise ImageUnreadable(f"the original file {image.original.name} is missing") from None


def load_rgb(source: BinaryIO, *, max_pixels: int) -> RGBImage:
    """Decode an image file to upright uint8 RGB, refusing one over ``max_pixels``."""
    with warnings.catch_warnings():
        # Our own, stricter limit applies below; Pillow's warning would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(source) as opened:
                width, height = opened.size
                if width * height > max_pixels:
                    raise ImageTooLarge(too_many_pixels_message(width, height, max_pixels))
                # Tiles and pages show the EXIF-upright image; restore that one.
                upright = ImageOps.exif_transpose(opened).convert("RGB")
        except Image.DecompressionBombError:
            raise ImageTooLarge(too_many_pixels_message(None, None, max_pixels)) from None
        except UnidentifiedImageError:
            raise ImageUnreadable("the original is not an image Pillow can read") from None
        except OSError as exc:  # truncated or corrupt data
            raise ImageUnreadable(f"the original could not be decoded: {exc}") from None
    return np.asarray(upright, dtype=np.uint8).copy()


def rgb_to_png(pixels: RGBImage, *, text: dict[str, str] | None = None) -> bytes:
    """PNG bytes of an RGB array, with optional international text chunks (iTXt)."""
    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_itxt(key, value)
    buffer = io.BytesIO()
    Image.fromarray(pixels, mode="RGB").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()
