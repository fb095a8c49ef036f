"""Connected components filtered by size and shape, and the sharpness of an area's outline:
shared by the detectors."""

import numpy as np
import numpy.typing as npt

from restoration.damage.parameters import DamageParameters
from restoration.engines.base import Mask


def keep_components(
    candidate: Mask, params: DamageParameters, max_area: float, *, elongated: bool
) -> Mask:
    """Filter connected components by size (and, for cracks, by length and elongation)."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        candidate.astype(np.uint8), connectivity=8
    )
    if count <= 1:
        return np.zeros(candidate.shape, dtype=bool)
    area = stats[:, cv2.CC_STAT_AREA].astype(np.float64)
    box_w = stats[:, cv2.CC_STAT_WIDTH].astype(np.float64)
    box_h = stats[:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    keep = area <= max_area
    if elongated:
        # The bounding-box diagonal approximates a crack's length whatever its direction.
        length_sq = box_w**2 + box_h**2
        keep &= np.maximum(box_w, box_h) >= params.min_crack_length
        keep &= length_sq / area >= params.min_elongation
        if params.min_wander > 0:
            spread = spread_across_axis(np.asarray(labels, dtype=np.int32), count)
            keep &= spread >= params.min_wander
    else:
        keep &= area >= params.min_loss_area
    keep[0] = False  # label 0 is the background
    result: Mask = keep[labels]
    return result


def spread_across_axis(labels: npt.NDArray[np.int32], count: int) -> npt.NDArray[np.float64]:
    """Per component, the standard deviation of its pixels across its main axis (px).

    A straight line a few px wide spreads well under 1 px; a wandering crack spreads more.
    Computed for all components at once from per-label sums of coordinates.
    """
    ys, xs = np.nonzero(labels)
    which = labels[ys, xs]
    n = np.maximum(np.bincount(which, minlength=count).astype(np.float64), 1.0)

    def mean(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.bincount(which, weights=values, minlength=count) / n

    x, y = xs.astype(np.float64), ys.astype(np.float64)
    mx, my = mean(x), mean(y)
    cxx, cyy, cxy = mean(x * x) - mx**2, mean(y * y) - my**2, mean(x * y) - mx * my
    # The smaller eigenvalue of the 2×2 covariance is the variance across the main axis.
    minor = (cxx + cyy) / 2 - np.sqrt(((cxx - cyy) / 2) ** 2 + cxy**2)
    spread: npt.NDArray[np.float64] = np.sqrt(np.maximum(minor, 0.0))
    return spread


def sharp_share(
    patch: npt.NDArray[np.int16],
    inside: npt.NDArray[np.uint8],
    level: float,
    is_dark: bool,
    step: float,
) -> float:
    """Share of a ring 2-3 px outside the area that differs from its level by `step` or more.

    The ring skips the first pixel, where a sharp edge is still half loss, half picture.
    """
    import cv2

    near = cv2.dilate(inside, np.ones((3, 3), np.uint8))
    far = cv2.dilate(inside, np.ones((7, 7), np.uint8))
    ring = patch[(far > 0) & (near == 0)]
    if ring.size == 0:
        return 0.0
    difference = ring - level if is_dark else level - ring
    return float(np.mean(difference >= step))
