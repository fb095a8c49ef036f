"""Plain losses: large mid-tone areas with no texture at all (bare plaster, a flat infill).

Such as the flat plaster of the doorway cut through The Last Supper, which the crack detector
cannot see. Deep shadows, dark backgrounds, skies and blank paper are flat too, so only mid tones
count; areas touching two sides of the picture or ringing it (margins, mounts, borders) are left
out. Found on a reduced copy.
"""

import numpy as np
import numpy.typing as npt

from restoration.damage.parameters import DamageParameters
from restoration.damage.working_copy import reduced
from restoration.engines.base import Mask

FLAT_WINDOW = 7  # px of the reduced copy over which the grey level must stay flat
# Grey levels outside which a flat area is not taken for a loss: below, dark backgrounds and
# shadows (flat because the paint or exposure is dark); above, skies, blank paper and blown
# highlights. With the old limits (8 and 240, and flat_threshold 1.0) plain-loss detection
# marked 1.7 % of each image not listed as damaged, on average (37 % of the dark background of
# Rubens's Christ on the Cross, 23 % of an engraving's blank paper); now 0.03 %, while it still
# covers 92 % of The Last Supper's doorway.
PLAIN_DARKEST, PLAIN_BRIGHTEST = 40, 215


def plain_losses(grey: npt.NDArray[np.uint8], params: DamageParameters) -> Mask:
    """Large mid-tone areas with no texture at all: bare plaster or a flat infill.

    Painted and photographed surfaces always carry some texture (brush, grain, noise); a
    loss often does not. Areas touching two or more sides of the picture are its margin or
    mount, not a loss, and are left alone.
    """
    import cv2

    height, width = grey.shape
    small = reduced(grey)
    values = small.astype(np.float32)
    window = (FLAT_WINDOW, FLAT_WINDOW)
    mean = cv2.blur(values, window)
    spread = np.sqrt(np.maximum(cv2.blur(values * values, window) - mean * mean, 0.0))
    mid_tone = (mean >= PLAIN_DARKEST) & (mean <= PLAIN_BRIGHTEST)
    flat = ((spread < params.flat_threshold) & mid_tone).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(flat, connectivity=8)
    if count <= 1:
        return np.zeros(grey.shape, dtype=bool)
    left, top = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
    right = left + stats[:, cv2.CC_STAT_WIDTH]
    bottom = top + stats[:, cv2.CC_STAT_HEIGHT]
    small_h, small_w = flat.shape
    sides = (
        (left == 0).astype(int)
        + (top == 0).astype(int)
        + (right == small_w).astype(int)
        + (bottom == small_h).astype(int)
    )
    # A ring round the whole picture (a print's black border) is its frame, not a loss.
    ring = (stats[:, cv2.CC_STAT_WIDTH] > 0.8 * small_w) & (
        stats[:, cv2.CC_STAT_HEIGHT] > 0.8 * small_h
    )
    keep = (
        (stats[:, cv2.CC_STAT_AREA] >= params.min_flat_fraction * flat.size) & (sides < 2) & ~ring
    )
    keep[0] = False
    # The window that measures flatness stops half its width short of a loss's edge: give
    # that back, so the proposal reaches the edge instead of leaving a rim of the loss.
    element = np.ones((FLAT_WINDOW, FLAT_WINDOW), dtype=np.uint8)
    found = cv2.dilate(keep[labels].astype(np.uint8), element)
    enlarged = cv2.resize(found, (width, height), interpolation=cv2.INTER_NEAREST)
    return np.asarray(enlarged, dtype=bool)
