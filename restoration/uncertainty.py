"""Per-pixel uncertainty of a reconstruction, stored beside each result.

Two signals, both 0 (certain) .. 1 (guess):

- **Distance**: a pixel far from any original pixel is extrapolated further. The distance d
  (px) to the nearest known pixel is mapped to d / (d + DISTANCE_SCALE), so a crack's pixels
  (d of 1-2) stay low while the middle of a large loss approaches 1. A fixed scale, not the
  image's maximum, keeps maps of different restorations comparable.
- **Disagreement**: when several engines' results are given, their per-pixel standard
  deviation (mean over channels) divided by DISAGREEMENT_SCALE grey levels, capped at 1.

They are combined as 1 - (1 - distance)(1 - disagreement): either signal alone can raise the
uncertainty. Unmasked pixels are original and have uncertainty 0.
"""

import io

import numpy as np
import numpy.typing as npt
from PIL import Image

from restoration.engines.base import Mask, RGBImage

DISTANCE_SCALE = 8.0  # px at which the distance signal reaches 0.5
DISAGREEMENT_SCALE = 48.0  # grey levels of spread between engines that count as a full guess

Uncertainty = npt.NDArray[np.float32]


def uncertainty_map(*, mask: Mask, results: list[RGBImage] | None = None) -> Uncertainty:
    """Float32 (H, W) in [0, 1]; 0 outside the mask."""
    import cv2

    if mask.ndim != 2:
        raise ValueError(f"mask must be two-dimensional, not of shape {mask.shape}")
    distance = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 5)
    certain = 1.0 - distance / (distance + DISTANCE_SCALE)
    results = results or []
    for result in results:
        if result.shape[:2] != mask.shape:
            raise ValueError(f"result of shape {result.shape} does not match mask {mask.shape}")
    if len(results) >= 2:
        spread = np.stack([r.astype(np.float32) for r in results]).std(axis=0).mean(axis=-1)
        certain *= 1.0 - np.minimum(spread / DISAGREEMENT_SCALE, 1.0)
    uncertainty = np.where(mask, 1.0 - certain, 0.0).astype(np.float32)
    return np.clip(uncertainty, 0.0, 1.0)


def uncertainty_to_png(u: Uncertainty) -> bytes:
    """An 8-bit greyscale PNG: black = original or certain, white = most uncertain."""
    if u.ndim != 2:
        raise ValueError(f"uncertainty must be two-dimensional, not of shape {u.shape}")
    grey = np.rint(np.clip(u, 0.0, 1.0) * 255.0).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(grey, mode="L").save(buffer, format="PNG")
    return buffer.getvalue()
