"""The damage proposal: every detector's finds, combined and widened by a margin."""

import numpy as np

from restoration.damage.cracks import cracks
from restoration.damage.edge_losses import edge_losses
from restoration.damage.holes import holes
from restoration.damage.local_contrast import losses, stains
from restoration.damage.parameters import DamageParameters
from restoration.damage.plain_losses import plain_losses
from restoration.engines.base import Mask, RGBImage


def detect_damage(image: RGBImage, params: DamageParameters | None = None) -> Mask:
    """A proposed mask (True = damaged) for an RGB image; the curator reviews it."""
    import cv2

    params = params or DamageParameters()
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError("detect_damage expects a uint8 RGB image of shape (H, W, 3)")
    grey = np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    max_area = params.max_component_fraction * grey.size
    found = cracks(grey, params, max_area)
    if params.loss_threshold > 0:
        found |= losses(grey, params, max_area)
    if params.stain_threshold > 0:
        found |= stains(image, params, max_area)
    if params.flat_threshold > 0:
        found |= plain_losses(grey, params)
    if params.edge_loss_step > 0:
        found |= edge_losses(grey, params)
    if params.hole_step > 0:
        found |= holes(image, params)
    if params.dilation:
        size = 2 * params.dilation + 1
        element = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
        found = cv2.dilate(found.astype(np.uint8), element) > 0
    return found
