"""Small synthetic pictures for the restoration tests, drawn with known damage."""

import hashlib
import io

import numpy as np
import numpy.typing as npt
from django.core.files.base import ContentFile
from PIL import Image

from exhibition.models import CollectionObject, ObjectImage

RGB = npt.NDArray[np.uint8]
Bool = npt.NDArray[np.bool_]


def smooth_picture(height: int = 160, width: int = 200, seed: int = 0) -> RGB:
    """A smooth colour gradient with faint noise, like an even painted surface."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    red = 150 + 60 * xx / width
    green = 120 + 50 * yy / height
    blue = 90 + 30 * np.sin(xx / 40.0)
    pixels = np.stack([red, green, blue], axis=-1) + rng.normal(0, 2.0, (height, width, 3))
    return np.clip(pixels, 0, 255).astype(np.uint8)


def with_cracks(pixels: RGB, *, bright: bool = False) -> tuple[RGB, Bool]:
    """The picture with three thin dark (or bright) cracks drawn in, and where they are."""
    import cv2

    cracked = pixels.copy()
    truth = np.zeros(pixels.shape[:2], dtype=np.uint8)
    height, width = truth.shape
    lines = [
        [(15, 20), (60, 45), (110, 40), (150, 80)],
        [(30, height - 20), (80, height - 60), (120, height - 70)],
        [(width - 30, 15), (width - 40, 70), (width - 25, 130)],
    ]
    colour = (250, 250, 240) if bright else (25, 20, 15)
    for points in lines:
        polyline = np.array(points, dtype=np.int32).reshape(-1, 1, 2)
        cv2.polylines(cracked, [polyline], False, colour, thickness=2)
        cv2.polylines(truth, [polyline], False, 1, thickness=2)
    return cracked, truth > 0


def stripes(height: int = 120, width: int = 160) -> RGB:
    """A regular texture (diagonal stripes) that a patch method can continue exactly."""
    yy, xx = np.mgrid[0:height, 0:width]
    band = ((xx + yy) // 6) % 2
    pixels = np.where(band[:, :, None] == 1, [200, 60, 40], [40, 60, 200])
    return pixels.astype(np.uint8)


def png(pixels: RGB) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def add_picture(obj: CollectionObject, pixels: RGB, *, order: int = 0) -> ObjectImage:
    """Attach the pixels to the object as its (lossless) original image."""
    data = png(pixels)
    image = ObjectImage(
        collection_object=obj,
        checksum=hashlib.sha256(data).hexdigest(),
        alt_text="test picture",
        order=order,
    )
    image.original.save(f"{obj.slug}-{order}.png", ContentFile(data), save=False)
    image.height, image.width = pixels.shape[:2]
    image.save()
    return image
