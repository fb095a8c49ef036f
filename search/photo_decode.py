"""A visitor's photo decoded straight to the small size search needs, at a known cost.

The encoders read at most 896 px (ConSE; CLIP 224), so nothing larger than ``PHOTO_SIDE``
is kept, and the full-size image is never copied:

- JPEG is read at 1/2, 1/4 or 1/8 scale by libjpeg itself (``Image.draft``): a 40 MP photo
  costs about what a 1 MP one does. A progressive JPEG still buffers its DCT coefficients
  at full size (2 bytes per sample), which the estimate counts.
- PNG and WebP cannot be read at a reduced scale. The image is decoded once and then
  box-averaged (``Image.reduce``) strip by strip, each strip taken to 8-bit RGB on its own,
  so the reduction never makes a second full-size copy (``Image.reduce`` on RGBA, or a
  whole-image ``convert("RGB")``, would: that and three more copies were the ~500 MB a
  6320² PNG cost).
- Bits per pixel are capped: every accepted mode holds at most 8 bits per channel and 4
  channels once decoded (Pillow reads 16-bit RGB(A) PNGs at 8 bits as it decodes);
  16-bit greyscale is taken down to 8 bits strip by strip; anything wider is refused.

``decode_cost`` estimates the peak from the header alone, before any pixel is read, so
the caller can reserve it (search.decode_budget) or refuse the photo.
"""

import math

import numpy as np
from django.utils.translation import gettext as _
from PIL import Image, ImageFile

from search.upload_errors import UnsupportedImage

PHOTO_SIDE = 1024  # longest side kept: at least what any encoder reads
# The box average lands at PHOTO_SIDE or a little above (at most twice), and a bicubic
# resize takes it the rest of the way: the average already filters what the scale-down
# would alias, and a smaller intermediate image is less memory at the peak.
REDUCING_GAP = 1
STRIP_BYTES = 4 * 1024 * 1024  # how much of the full image one reduction step converts

# Bytes Pillow holds per pixel of a decoded image, by mode (1-bit and palette images take
# a byte; every mode of 2 to 4 channels takes 4). Modes not here are refused.
BYTES_PER_PIXEL = {
    "1": 1,
    "L": 1,
    "P": 1,
    "I;16": 2,
    "I;16B": 2,
    "I;16L": 2,
    "LA": 4,
    "La": 4,
    "PA": 4,
    "RGB": 4,
    "RGBA": 4,
    "RGBX": 4,
    "RGBa": 4,
    "CMYK": 4,
    "YCbCr": 4,
}
SIXTEEN_BIT_GREY = frozenset({"I;16", "I;16B", "I;16L"})
# Pillow's WebP decoder holds the frame in libwebp's canvas, in a bytes copy and in the
# image (measured: ~14 bytes per pixel at its peak); counted as 16.
WEBP_BYTES_PER_PIXEL = 16
COEFFICIENT_BYTES = 2  # a progressive JPEG's buffered DCT coefficient per sample
ORIENTATION_TAG = 0x0112
# The EXIF orientation values and the transposition that shows the photo upright.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def check_depth(image: Image.Image) -> None:
    """UnsupportedImage unless every channel fits in 8 bits once decoded."""
    if image.mode not in BYTES_PER_PIXEL:
        raise UnsupportedImage(
            _(
                "Photos stored as '%(mode)s' (more than 8 bits per channel, or an unusual "
                "colour model) cannot be searched with; save the photo as an ordinary JPEG "
                "or PNG."
            )
            % {"mode": image.mode}
        )


def reduce_factor(size: tuple[int, int]) -> int:
    """The box-average factor that leaves at least REDUCING_GAP × PHOTO_SIDE on the long side."""
    return max(1, max(size) // (PHOTO_SIDE * REDUCING_GAP))


def draft_small(image: ImageFile.ImageFile, kind: str) -> None:
    """Ask libjpeg for the smallest scale that still covers PHOTO_SIDE (JPEG only).

    libjpeg scales in the DCT domain, which averages rather than drops pixels: unlike
    the box reduction below, it needs no margin over the size kept.
    """
    if kind != "JPEG":
        return
    width, height = image.size
    scale = PHOTO_SIDE / max(width, height)
    if scale < 1:
        image.draft(None, (max(1, round(width * scale)), max(1, round(height * scale))))


def _progressive_coefficients(image: ImageFile.ImageFile, full_size: tuple[int, int]) -> int:
    if not image.info.get("progressive") and not image.info.get("progression"):
        return 0
    # (component id, horizontal, vertical sampling, table) per component; a subsampled
    # component (4:2:0 chroma) buffers fewer coefficients than the luma.
    layers = getattr(image, "layer", None) or [("", 1, 1, 0)] * len(image.getbands())
    most_h = max(int(layer[1]) for layer in layers)
    most_v = max(int(layer[2]) for layer in layers)
    samples = sum(int(layer[1]) * int(layer[2]) / (most_h * most_v) for layer in layers)
    return math.ceil(full_size[0] * full_size[1] * samples * COEFFICIENT_BYTES)


def decode_cost(image: ImageFile.ImageFile, kind: str, full_size: tuple[int, int]) -> int:
    """Peak bytes decoding this photo will hold, from its header (after ``draft_small``)."""
    width, height = image.size
    pixels = width * height
    per_pixel = WEBP_BYTES_PER_PIXEL if kind == "WEBP" else BYTES_PER_PIXEL[image.mode]
    decoded = pixels * per_pixel
    if kind == "JPEG":
        decoded += _progressive_coefficients(image, full_size)
    factor = reduce_factor(image.size)
    if factor == 1:  # converted whole, or used as it is when already RGB
        reduced, strip = (0 if image.mode == "RGB" else pixels * 4), 0
    else:
        reduced = math.ceil(width / factor) * math.ceil(height / factor) * 4
        strip = 2 * STRIP_BYTES + width * factor * 4
    # The resampled, turned and copied small images, and what Pillow rounds up to.
    return decoded + reduced + strip + 4 * PHOTO_SIDE * PHOTO_SIDE * 4


def _eight_bit_rgb(strip: Image.Image) -> Image.Image:
    if strip.mode in SIXTEEN_BIT_GREY:
        # Keep the high byte: Pillow's own I;16 -> L conversion clips at 255 instead.
        high = (np.asarray(strip).astype(np.uint16) >> 8).astype(np.uint8)
        strip = Image.fromarray(high)
    # Alpha is dropped, not composited: the photo's colours are what the encoder compares.
    return strip if strip.mode == "RGB" else strip.convert("RGB")


def reduced_rgb(image: Image.Image) -> Image.Image:
    """The loaded image box-averaged by ``reduce_factor`` into 8-bit RGB, strip by strip."""
    width, height = image.size
    factor = reduce_factor(image.size)
    if factor == 1:
        return _eight_bit_rgb(image)  # small: converting it whole costs little
    rows = max(factor, STRIP_BYTES // (width * 4) // factor * factor)
    reduced = Image.new("RGB", (math.ceil(width / factor), math.ceil(height / factor)))
    for top in range(0, height, rows):
        strip = _eight_bit_rgb(image.crop((0, top, width, min(top + rows, height))))
        reduced.paste(strip.reduce(factor), (0, top // factor))
    return reduced


def small_upright_rgb(image: ImageFile.ImageFile) -> Image.Image:
    """Decode (after ``draft_small``) into a fresh RGB image, upright, without metadata.

    Only the EXIF orientation is read: a phone stores photos sideways with that tag, and
    the classifier sees a rotated scene poorly. Nothing else of the metadata is kept.
    """
    orientation = image.getexif().get(ORIENTATION_TAG)
    image.load()
    small = reduced_rgb(image)
    if small is not image:
        image.close()  # the full-size pixels go now, not when the request ends
    small.thumbnail((PHOTO_SIDE, PHOTO_SIDE), Image.Resampling.BICUBIC)
    if orientation in UPRIGHT:
        small = small.transpose(UPRIGHT[orientation])
    # A copy made from raw pixels carries no info, EXIF or ICC data.
    return Image.frombytes("RGB", small.size, small.tobytes())
