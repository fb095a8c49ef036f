"""Holes and paper losses inside the picture: wormholes, tears and abrasion, where the white or
grey backing (or bare paper) shows through a toned sheet.

A hole is an area, narrower than ``HOLE_WINDOW``, that is

- much lighter than its surroundings (by ``hole_step`` grey levels over a morphological opening,
  which removes light areas narrower than the window);
- among the lightest pixels of the picture (``PAPER_PERCENTILE``): the backing shows whiter than
  the paper, which is itself the lightest thing in a print;
- neutral where its surroundings are coloured (``hole_chroma_drop``): old paper and albumen
  prints are toned, and so are the picture's own whites (a collar, a highlight), while the
  backing seen through a hole is not;
- flat inside, and lighter than the paper just outside it along most of its outline (a hole
  has a sharp edge).

On grey photographs the colour test cannot tell a hole from a white collar, so nothing is
proposed there: the curator paints such holes. Found on a reduced copy; the candidates are the
lightest ``100 - PAPER_PERCENTILE`` % of its pixels, so the work per image is bounded.
"""

import numpy as np
import numpy.typing as npt

from restoration.damage.components import sharp_share
from restoration.damage.parameters import DamageParameters
from restoration.damage.working_copy import enlarged, reduced
from restoration.engines.base import Mask, RGBImage

# Lengths are pixels of the reduced copy; levels are 8-bit Lab (L 0-255, chroma in a*b* units).
HOLE_WINDOW = 31  # px: wider light areas are not measured against their surroundings
PAPER_PERCENTILE = 99.5  # a hole is at least as light as this share of the picture's pixels
MIN_HOLE = 6  # px²: smaller specks are dust, or left to the curator
MAX_HOLE_TEXTURE = 14.0  # grey levels (standard deviation) inside: the backing is plain
SHARP_SHARE = 0.6  # share of the outline where the hole is lighter by half of hole_step


def holes(image: RGBImage, params: DamageParameters) -> Mask:
    """Light, neutral, plain areas with a sharp edge inside toned paper (module docstring)."""
    import cv2

    small = reduced(image)
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB)
    lightness = np.ascontiguousarray(lab[:, :, 0])
    chroma = np.hypot(lab[:, :, 1].astype(np.float32) - 128, lab[:, :, 2].astype(np.float32) - 128)
    element = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (HOLE_WINDOW, HOLE_WINDOW))
    # Outside the image counts as dark, so a loss at the picture's side or corner is still
    # lighter than its surroundings (by default the opening would take it for the background).
    background = cv2.morphologyEx(
        lightness, cv2.MORPH_OPEN, element, borderType=cv2.BORDER_CONSTANT, borderValue=0
    )
    lighter = lightness.astype(np.int16) - background.astype(np.int16)
    paper = float(np.percentile(lightness, PAPER_PERCENTILE))
    candidate = (lighter >= params.hole_step) & (lightness >= paper)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        candidate.astype(np.uint8), connectivity=8
    )
    max_area = params.hole_max_fraction * lightness.size
    keep = np.zeros(count, dtype=bool)
    for label in range(1, count):
        left, top, w, h, area = (int(v) for v in stats[label])
        if not MIN_HOLE <= area <= max_area:
            continue
        x0, y0 = max(0, left - 4), max(0, top - 4)
        x1, y1 = min(small.shape[1], left + w + 4), min(small.shape[0], top + h + 4)
        keep[label] = _is_hole(
            (labels[y0:y1, x0:x1] == label).astype(np.uint8),
            lightness[y0:y1, x0:x1].astype(np.int16),
            chroma[y0:y1, x0:x1],
            params,
        )
    # The opening's threshold stops short of a hole's soft rim: give back a pixel.
    found = cv2.dilate(keep[labels].astype(np.uint8), np.ones((3, 3), np.uint8))
    return enlarged(np.asarray(found, dtype=np.uint8), image.shape)


def _is_hole(
    inside: npt.NDArray[np.uint8],
    lightness: npt.NDArray[np.int16],
    chroma: npt.NDArray[np.float32],
    params: DamageParameters,
) -> bool:
    import cv2

    values = lightness[inside > 0]
    if float(values.std()) > MAX_HOLE_TEXTURE:
        return False
    level = float(np.median(values))
    if sharp_share(lightness, inside, level, False, params.hole_step / 2) < SHARP_SHARE:
        return False
    near = cv2.dilate(inside, np.ones((3, 3), np.uint8))
    far = cv2.dilate(inside, np.ones((7, 7), np.uint8))
    around = chroma[(far > 0) & (near == 0)]
    drop = float(np.median(around)) - float(np.median(chroma[inside > 0]))
    return drop >= params.hole_chroma_drop
