"""The outline of a restoration's mask, drawn for the reviewer over the full-size images.

A filled mask hides the very pixels a reviewer must judge; an outline shows where the fill
begins and leaves the fill visible. The line is magenta on a thin dark halo, so it reads on
light and dark paint alike, and is thicker on large images so that it stays visible when the
whole picture is shown reduced in the viewer.
"""

import io
from typing import TYPE_CHECKING

import numpy as np

from restoration.engines.base import Mask

if TYPE_CHECKING:
    from exhibition.models import Restoration

LINE_RGBA = (228, 0, 124, 255)  # the site's --mask colour
HALO_RGBA = (0, 0, 0, 200)
PIXELS_PER_LINE_PX = 1200  # one more pixel of line width per this many pixels of image side


def outline_width(shape: tuple[int, int]) -> int:
    """Line width in image pixels for an image of (height, width)."""
    return max(1, round(max(shape) / PIXELS_PER_LINE_PX))


def mask_outline(mask: Mask) -> tuple[Mask, Mask]:
    """(line, halo): the mask's border pixels, widened, and a one-pixel ring round them."""
    import cv2

    width = outline_width(mask.shape)
    hole = mask.astype(np.uint8)
    element = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1, 2 * width + 1))
    # The border band straddles the mask's edge: half on the fill, half on original paint.
    line = (cv2.dilate(hole, element) - cv2.erode(hole, element)) > 0
    ring = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    halo = (cv2.dilate(line.astype(np.uint8), ring) > 0) & ~line
    return line, halo


def mask_outline_png(mask: Mask) -> bytes:
    """The outline as an RGBA PNG the size of the mask, transparent elsewhere."""
    from PIL import Image

    line, halo = mask_outline(mask)
    rgba = np.zeros((*mask.shape, 4), dtype=np.uint8)
    rgba[halo] = HALO_RGBA
    rgba[line] = LINE_RGBA
    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="PNG")
    return buffer.getvalue()


def restoration_outline_png(restoration: "Restoration") -> bytes:
    """The outline of a stored restoration's mask (white pixels of its mask PNG)."""
    from PIL import Image

    from restoration.masks import WHITE_THRESHOLD

    with restoration.mask.open("rb") as handle, Image.open(handle) as image:
        mask: Mask = np.asarray(image.convert("L")) >= WHITE_THRESHOLD
    return mask_outline_png(mask)
