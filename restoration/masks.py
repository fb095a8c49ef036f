"""Damage masks: True (white in a PNG) marks the pixels to reconstruct.

A curator may replace the proposed mask with an image of the same size; this module turns
such an image into a mask, checks a mask against its image and writes masks as PNG.
"""

import io

import numpy as np
from PIL import Image

from restoration.engines.base import Mask

# Grey levels at or above this are "white": anti-aliased brush edges count from half-way.
WHITE_THRESHOLD = 128


class MaskError(ValueError):
    """A mask that cannot be used; the message says why, in the curator's terms."""


class NothingToRestore(MaskError):
    """The mask is empty: there is nothing to reconstruct (not a failure, nothing is stored)."""


def mask_from_image(upload: Image.Image, *, size: tuple[int, int]) -> Mask:
    """The mask drawn in an image of ``size`` (width, height): white = reconstruct.

    Transparent pixels count as black (keep), so a mask painted on a transparent layer works.
    """
    if upload.size != tuple(size):
        raise MaskError(
            f"mask is {upload.width}×{upload.height} but the image is {size[0]}×{size[1]}"
        )
    if upload.mode in ("RGBA", "LA", "PA") or (
        upload.mode == "P" and "transparency" in upload.info
    ):
        rgba = upload.convert("RGBA")
        black = Image.new("RGBA", rgba.size, (0, 0, 0, 255))
        grey = Image.alpha_composite(black, rgba).convert("L")
    else:
        grey = upload.convert("L")
    mask: Mask = np.asarray(grey) >= WHITE_THRESHOLD
    check_mask(mask, shape=(size[1], size[0]))
    return mask


def check_mask(mask: Mask, *, shape: tuple[int, int]) -> None:
    """Refuse a mask of another size (shape is (height, width)), an empty or a total one."""
    if mask.ndim != 2:
        raise MaskError(f"mask must be a single-channel image, not an array of shape {mask.shape}")
    if mask.shape != tuple(shape):
        height, width = mask.shape
        raise MaskError(f"mask is {width}×{height} but the image is {shape[1]}×{shape[0]}")
    if not mask.any():
        raise NothingToRestore("mask is empty: nothing to reconstruct")
    if mask.all():
        raise MaskError("mask covers the whole image: no known pixels to reconstruct from")


def mask_to_png(mask: Mask) -> bytes:
    """An 8-bit greyscale PNG: white (255) = reconstructed, black (0) = original."""
    buffer = io.BytesIO()
    Image.fromarray(np.where(mask, 255, 0).astype(np.uint8), mode="L").save(buffer, format="PNG")
    return buffer.getvalue()


def mask_from_png(data: bytes, *, size: tuple[int, int]) -> Mask:
    """A mask from PNG (or any image) bytes; MaskError if they are not an image."""
    try:
        with Image.open(io.BytesIO(data)) as upload:  # decoded only once its size is checked
            return mask_from_image(upload, size=size)
    except (OSError, Image.DecompressionBombError) as exc:
        raise MaskError(f"mask file is not an image that can be read: {exc}") from None


def masked_fraction(mask: Mask) -> float:
    """The share of pixels to reconstruct, 0..1."""
    return float(mask.mean()) if mask.size else 0.0
