"""Losses and stains against the local median (both off by default).

- **Losses**: areas much brighter or darker than their surroundings (missing paint, holes, plate
  damage), found against a median background estimated on a reduced image.
- **Stains**: areas whose colour (Lab chroma) departs from the local median colour (foxing,
  water stains).

On the demo photographs they took white clothing and dark doorways for losses; turn them on per
object, e.g. ``--damage-loss-threshold 70`` or ``--damage-stain-threshold 15``.
"""

import numpy as np
import numpy.typing as npt

from restoration.damage.components import keep_components
from restoration.damage.parameters import DamageParameters
from restoration.damage.working_copy import median_background
from restoration.engines.base import Mask, RGBImage


def losses(grey: npt.NDArray[np.uint8], params: DamageParameters, max_area: float) -> Mask:
    background = median_background(grey, params.loss_window)
    difference = np.abs(grey.astype(np.int16) - background.astype(np.int16))
    return keep_components(difference > params.loss_threshold, params, max_area, elongated=False)


def stains(image: RGBImage, params: DamageParameters, max_area: float) -> Mask:
    import cv2

    lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB)
    chroma = lab[:, :, 1:].astype(np.int16)
    background = np.stack(
        [median_background(np.ascontiguousarray(lab[:, :, c]), params.loss_window) for c in (1, 2)],
        axis=-1,
    ).astype(np.int16)
    distance = np.sqrt(((chroma - background) ** 2).sum(axis=-1))
    return keep_components(distance > params.stain_threshold, params, max_area, elongated=False)
