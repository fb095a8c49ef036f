"""Edge losses: tears and flaked-off emulsion at the picture's edge, the commonest losses of
old photographs.

A candidate is an area at the medium's black point (clear glass where emulsion flaked off a
negative prints solid black) reaching the picture's edge, or a bright area (bare paper) breaking
through the black border round a print. It must stand out sharply from the picture along most of
its outline and have a ragged outline: photographed things are blurred by the lens and usually
have smooth outlines. Found on a reduced copy.
"""

import numpy as np
import numpy.typing as npt

from restoration.damage.components import sharp_share
from restoration.damage.parameters import DamageParameters
from restoration.damage.working_copy import reduced
from restoration.engines.base import Mask

# Edge losses. Levels are grey levels of the reduced copy; lengths are its pixels.
BLACK_POINT = 10  # an edge loss's median grey level is at most this: clear glass prints black
SHARP_SHARE = 0.6  # share of the outline where the loss must stand out by edge_loss_step
RAGGEDNESS = 1.2  # outline length over that of its convex hull: torn and flaked edges wander
MIN_EDGE_LOSS = 20  # px: smaller specks are left to the curator
FRAME_BAND = 0.1  # share of the side within which a border round the picture lies
FRAME_TOLERANCE = 3  # px a bright loss must reach past the border's inner edge


def edge_losses(grey: npt.NDArray[np.uint8], params: DamageParameters) -> Mask:
    """Tears and flaked-off emulsion breaking the picture's edge (see the module docstring).

    Dark losses are areas at the black point that reach the picture's edge (the image's
    side, or into a black border round the picture). Bright losses must break into such a
    border: without one, a bright area at the image's side is as often sky or a white wall
    cut by the crop as it is bare paper.
    """
    import cv2

    height, width = grey.shape
    small = reduced(grey)
    small_h, small_w = small.shape
    dark = small <= params.edge_loss_dark
    bright = small >= params.edge_loss_bright
    frame = _frame(dark) | _frame(bright)
    box = _picture_box(frame) if frame.any() else None
    max_area = params.max_component_fraction * small.size
    found = np.zeros(small.shape, dtype=bool)
    for candidate, is_dark in ((dark, True), (bright, False)):
        count, labels, stats, _ = cv2.connectedComponentsWithStats(
            candidate.astype(np.uint8), connectivity=8
        )
        keep = np.zeros(count, dtype=bool)
        for label in range(1, count):
            left, top, w, h, area = (int(v) for v in stats[label])
            if not MIN_EDGE_LOSS <= area <= max_area:
                continue
            if w > 0.8 * small_w and h > 0.8 * small_h:
                continue  # the border itself
            at_side = left == 0 or top == 0 or left + w == small_w or top + h == small_h
            into_border = box is not None and (
                left < box[0] - FRAME_TOLERANCE
                or top < box[1] - FRAME_TOLERANCE
                or left + w > box[2] + FRAME_TOLERANCE
                or top + h > box[3] + FRAME_TOLERANCE
            )
            if not (into_border or (is_dark and at_side)):
                continue
            x0, y0 = max(0, left - 4), max(0, top - 4)
            x1, y1 = min(small_w, left + w + 4), min(small_h, top + h + 4)
            inside = (labels[y0:y1, x0:x1] == label).astype(np.uint8)
            patch = small[y0:y1, x0:x1].astype(np.int16)
            level = float(np.median(patch[inside > 0]))
            if is_dark and level > BLACK_POINT:
                continue  # dark paint or clothing, not clear glass
            if sharp_share(patch, inside, level, is_dark, params.edge_loss_step) < SHARP_SHARE:
                continue
            keep[label] = _raggedness(inside) >= RAGGEDNESS
        found |= keep[labels]
    found = cv2.dilate(found.astype(np.uint8), np.ones((3, 3), np.uint8))
    enlarged = cv2.resize(found, (width, height), interpolation=cv2.INTER_NEAREST)
    return np.asarray(enlarged, dtype=bool)


def _frame(candidate: Mask) -> Mask:
    """Components ringing the picture (a print's black border, a mount) within its edge band."""
    import cv2

    height, width = candidate.shape
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        candidate.astype(np.uint8), connectivity=8
    )
    band = np.ones(candidate.shape, dtype=bool)
    margin = int(FRAME_BAND * max(height, width))
    band[margin : height - margin, margin : width - margin] = False
    in_band = np.bincount(labels[band].ravel(), minlength=count)
    area = stats[:, cv2.CC_STAT_AREA]
    ring = (
        (stats[:, cv2.CC_STAT_WIDTH] > 0.8 * width)
        & (stats[:, cv2.CC_STAT_HEIGHT] > 0.8 * height)
        & (in_band >= 0.8 * area)
    )
    ring[0] = False
    result: Mask = ring[labels]
    return result


def _picture_box(frame: Mask) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the picture inside a border: per side, the median depth
    the border reaches, so a notch torn into it does not move the picture's edge."""
    height, width = frame.shape
    deep_h, deep_w = int(0.2 * height), int(0.2 * width)
    cols = slice(int(0.2 * width), int(0.8 * width))
    rows = slice(int(0.2 * height), int(0.8 * height))

    def depth(strip: Mask) -> int:  # rows of `strip` run inward from the picture's side
        deepest = strip.shape[0] - 1 - np.argmax(strip[::-1], axis=0)
        return int(np.median(np.where(strip.any(axis=0), deepest, -1))) + 1

    return (
        depth(frame[rows, :deep_w].T),
        depth(frame[:deep_h, cols]),
        width - depth(frame[rows, width - deep_w :][:, ::-1].T),
        height - depth(frame[height - deep_h :, cols][::-1]),
    )


def _raggedness(inside: npt.NDArray[np.uint8]) -> float:
    import cv2

    contours, _ = cv2.findContours(inside, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    outline = sum(cv2.arcLength(c, True) for c in contours)
    hull = cv2.arcLength(cv2.convexHull(np.vstack(contours)), True)
    return float(outline / max(hull, 1.0))
