"""OpenCV's fast-marching inpainting: Telea (2004) and Navier–Stokes (Bertalmio et al. 2001).

Both propagate the surrounding colours into the mask within ``radius`` pixels per step; they
are fast and good on thin cracks, and blur larger losses.
"""

from typing import Any

import numpy as np
from django.utils.translation import gettext_noop

from restoration.engines.base import InpaintingEngine, Mask, RGBImage


def check_inputs(image: RGBImage, mask: Mask) -> None:
    """Refuse arrays that do not follow the engine interface, with a clear message."""
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"image must be uint8 RGB (H, W, 3), not {image.dtype} {image.shape}")
    if mask.shape != image.shape[:2]:
        raise ValueError(f"mask shape {mask.shape} does not match image shape {image.shape[:2]}")


def keep_known(image: RGBImage, mask: Mask, filled: RGBImage) -> RGBImage:
    """The filled image with every unmasked pixel exactly as in the original."""
    result: RGBImage = np.where(mask[:, :, None], filled, image).astype(np.uint8)
    return result


class _OpenCVEngine(InpaintingEngine):
    _flag_name: str

    def __init__(self, radius: int = 3) -> None:
        if not isinstance(radius, int) or not 1 <= radius <= 50:
            raise ValueError("radius must be a whole number of pixels from 1 to 50")
        self.radius = radius

    @property
    def version(self) -> str:
        import cv2

        return f"opencv {cv2.__version__}"

    def parameters(self) -> dict[str, Any]:
        return {"radius": self.radius}

    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        import cv2

        check_inputs(image, mask)
        mask_u8 = mask.astype(np.uint8) * 255
        flag = getattr(cv2, self._flag_name)
        filled = np.asarray(cv2.inpaint(image, mask_u8, self.radius, flag), dtype=np.uint8)
        return keep_known(image, mask, filled)


class TeleaEngine(_OpenCVEngine):
    name = "telea"
    description = gettext_noop(
        "Fast marching (OpenCV, Telea 2004): spreads the surrounding colours inwards; good on "
        "thin cracks, blurs larger losses."
    )
    _flag_name = "INPAINT_TELEA"


class NavierStokesEngine(_OpenCVEngine):
    name = "ns"
    description = gettext_noop(
        "Navier–Stokes (OpenCV, Bertalmio 2001): continues edges and colours into the gap along "
        "their direction; good on cracks, smooth on larger losses."
    )
    _flag_name = "INPAINT_NS"
