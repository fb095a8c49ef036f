"""Propose a damage mask with classical image processing: cracks, losses and stains.

Five detectors, each a few OpenCV calls, are combined and then widened by a margin:

- **Cracks**: morphological black-hat (thin dark lines) and top-hat (thin bright lines, e.g.
  plaster showing through) with a structuring element wider than any crack. A pixel is kept
  when its response is strong in absolute terms *and* stands out from the local mean response
  (so textured areas such as hair or foliage, where every pixel responds, are left alone).
  Connected components must be long and elongated, as cracks are.
- **Plain losses** (on by default): large mid-tone areas with no texture at all, such as the
  flat plaster of the doorway cut through The Last Supper, which the crack detector cannot see.
  Deep shadows, dark backgrounds, skies and blank paper are flat too, so only mid tones count;
  areas touching two sides of the picture or ringing it (margins, mounts, borders) are left out.
- **Edge losses** (on by default): tears and flaked-off emulsion at the picture's edge, the
  commonest losses of old photographs. A candidate is an area at the medium's black point
  (clear glass where emulsion flaked off a negative prints solid black) reaching the picture's
  edge, or a bright area (bare paper) breaking through the black border round a print. It must
  stand out sharply from the picture along most of its outline and have a ragged outline:
  photographed things are blurred by the lens and usually have smooth outlines.
- **Losses**: areas much brighter or darker than their surroundings (missing paint,
  holes, plate damage), found against a median background estimated on a reduced image.
- **Stains**: areas whose colour (Lab chroma) departs from the local median colour (foxing,
  water stains).

Plain and edge losses are measured against hand-marked losses, and against images with no
marked damage for false alarms, by ``python manage.py evaluate_damage`` (see
``eval_masks/README.md``). They work on a copy reduced to ``WORKING_SIDE`` px, so a 6000 px
scan costs no more than a 1000 px one.

The straightness filter (``min_wander``) is off by default: it removes built edges on
photographs of architecture, but on the demo frescoes it also removed short, straight runs
of real cracks.

Loss and stain detection are off by default (threshold 0): on the demo photographs they
took white clothing and dark doorways for losses. Turn them on per object, e.g.
``--damage-loss-threshold 70`` or ``--damage-stain-threshold 15``.

Every threshold is a field of ``DamageParameters`` (exposed as ``restore --damage-…`` flags
and in the admin) because no default suits every collection: the curator is expected to
check and correct the proposed mask.
"""

from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from restoration.engines.base import Mask, RGBImage


@dataclass(frozen=True)
class DamageParameters:
    """Parameters of damage detection; lengths are in pixels of the full image."""

    crack_kernel: int = field(
        default=7,
        metadata={
            "help": "width of the black-hat/top-hat element; cracks up to about half "
            "this wide are found (odd, 3-51)"
        },
    )
    crack_threshold: float = field(
        default=40.0,
        metadata={"help": "grey levels (0-255) a crack must differ from its surroundings"},
    )
    crack_contrast: float = field(
        default=4.0,
        metadata={
            "help": "a crack's response must be this many times the local mean "
            "response (suppresses texture)"
        },
    )
    bright_cracks: bool = field(
        default=True, metadata={"help": "also detect thin bright lines (top-hat)"}
    )
    min_crack_length: int = field(
        default=20, metadata={"help": "shortest crack kept (length of its bounding box)"}
    )
    min_elongation: float = field(
        default=6.0,
        metadata={"help": "length²/area a crack component must reach (a dot is about 1-2)"},
    )
    min_wander: float = field(
        default=0.0,
        metadata={
            "help": "cracks wander: a component within this many px (spread across its "
            "main axis) of a straight line is taken for a drawn or built edge; 0 keeps "
            "straight lines"
        },
    )
    loss_threshold: float = field(
        default=0.0,
        metadata={
            "help": "grey levels a loss must differ from the local median background; "
            "0 disables loss detection"
        },
    )
    loss_window: int = field(
        default=101, metadata={"help": "size of the neighbourhood that defines the background"}
    )
    min_loss_area: int = field(default=60, metadata={"help": "smallest loss or stain kept, px²"})
    stain_threshold: float = field(
        default=0.0,
        metadata={
            "help": "Lab chroma difference from the local median colour marking a "
            "stain; 0 disables stain detection"
        },
    )
    flat_threshold: float = field(
        default=0.6,
        metadata={
            "help": "plain losses: mid-tone areas whose grey level varies by less than this "
            "(standard deviation over a few px) are taken for bare plaster or a flat infill; "
            "0 disables it"
        },
    )
    min_flat_fraction: float = field(
        default=0.002,
        metadata={"help": "smallest plain loss kept, as a share of the image"},
    )
    edge_loss_step: float = field(
        default=70.0,
        metadata={
            "help": "edge losses (tears, flaked emulsion at the picture's edge): grey levels "
            "a loss must differ from the picture just outside it, along most of its outline; "
            "0 disables it"
        },
    )
    edge_loss_dark: int = field(
        default=28,
        metadata={"help": "edge losses: grey level (0-255) at or below which an area is black"},
    )
    edge_loss_bright: int = field(
        default=210,
        metadata={
            "help": "edge losses: grey level (0-255) at or above which an area is bare paper"
        },
    )
    max_component_fraction: float = field(
        default=0.05,
        metadata={
            "help": "components larger than this share of the image are taken for "
            "content, not damage, and dropped"
        },
    )
    dilation: int = field(default=2, metadata={"help": "margin added around every detection, px"})

    def __post_init__(self) -> None:
        if not 3 <= self.crack_kernel <= 51 or self.crack_kernel % 2 == 0:
            raise ValueError("crack_kernel must be an odd number from 3 to 51")
        if self.loss_window < 9:
            raise ValueError("loss_window must be at least 9")
        if not 0 < self.max_component_fraction <= 1:
            raise ValueError("max_component_fraction must be in (0, 1]")
        if not 0 <= self.min_flat_fraction <= 1:
            raise ValueError("min_flat_fraction must be in [0, 1]")
        if not 0 <= self.edge_loss_dark < self.edge_loss_bright <= 255:
            raise ValueError("edge_loss_dark must be below edge_loss_bright, both in 0-255")
        for name in (
            "flat_threshold",
            "edge_loss_step",
            "crack_threshold",
            "crack_contrast",
            "loss_threshold",
            "stain_threshold",
            "min_elongation",
            "min_wander",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.dilation < 0 or self.dilation > 50:
            raise ValueError("dilation must be from 0 to 50")
        if self.min_crack_length < 0 or self.min_loss_area < 0:
            raise ValueError("min_crack_length and min_loss_area must not be negative")

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def help_texts(cls) -> dict[str, str]:
        return {f.name: str(f.metadata.get("help", "")) for f in fields(cls)}


def detect_damage(image: RGBImage, params: DamageParameters = DamageParameters()) -> Mask:
    """A proposed mask (True = damaged) for an RGB image; the curator reviews it."""
    import cv2

    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError("detect_damage expects a uint8 RGB image of shape (H, W, 3)")
    grey = np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    max_area = params.max_component_fraction * grey.size
    found = _cracks(grey, params, max_area)
    if params.loss_threshold > 0:
        found |= _losses(grey, params, max_area)
    if params.stain_threshold > 0:
        found |= _stains(image, params, max_area)
    if params.flat_threshold > 0:
        found |= _plain_losses(grey, params)
    if params.edge_loss_step > 0:
        found |= _edge_losses(grey, params)
    if params.dilation:
        size = 2 * params.dilation + 1
        element = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
        found = cv2.dilate(found.astype(np.uint8), element) > 0
    return found


def _cracks(grey: npt.NDArray[np.uint8], params: DamageParameters, max_area: float) -> Mask:
    import cv2

    element = cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (params.crack_kernel, params.crack_kernel)
    )
    responses = [cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, element)]
    if params.bright_cracks:
        responses.append(cv2.morphologyEx(grey, cv2.MORPH_TOPHAT, element))
    found = np.zeros(grey.shape, dtype=bool)
    window = 4 * params.crack_kernel + 1
    for response in responses:
        local_mean = cv2.blur(response.astype(np.float32), (window, window))
        candidate = (response > params.crack_threshold) & (
            response > params.crack_contrast * local_mean
        )
        found |= _keep_components(candidate, params, max_area, elongated=True)
    # Morphology answers to the picture's edge (frame, scan border) as if it were a crack.
    margin = params.crack_kernel
    found[:margin, :] = found[-margin:, :] = False
    found[:, :margin] = found[:, -margin:] = False
    return found


def _losses(grey: npt.NDArray[np.uint8], params: DamageParameters, max_area: float) -> Mask:
    background = _median_background(grey, params.loss_window)
    difference = np.abs(grey.astype(np.int16) - background.astype(np.int16))
    return _keep_components(difference > params.loss_threshold, params, max_area, elongated=False)


def _stains(image: RGBImage, params: DamageParameters, max_area: float) -> Mask:
    import cv2

    lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB)
    chroma = lab[:, :, 1:].astype(np.int16)
    background = np.stack(
        [
            _median_background(np.ascontiguousarray(lab[:, :, c]), params.loss_window)
            for c in (1, 2)
        ],
        axis=-1,
    ).astype(np.int16)
    distance = np.sqrt(((chroma - background) ** 2).sum(axis=-1))
    return _keep_components(distance > params.stain_threshold, params, max_area, elongated=False)


WORKING_SIDE = 1024  # px: plain and edge losses are found on a copy reduced to this, for speed
FLAT_WINDOW = 7  # px of the reduced copy over which the grey level must stay flat
# Grey levels outside which a flat area is not taken for a loss: below, dark backgrounds and
# shadows (flat because the paint or exposure is dark); above, skies, blank paper and blown
# highlights. With the old limits (8 and 240, and flat_threshold 1.0) plain-loss detection
# marked 1.7 % of each image not listed as damaged, on average (37 % of the dark background of
# Rubens's Christ on the Cross, 23 % of an engraving's blank paper); now 0.03 %, while it still
# covers 92 % of The Last Supper's doorway.
PLAIN_DARKEST, PLAIN_BRIGHTEST = 40, 215


def _plain_losses(grey: npt.NDArray[np.uint8], params: DamageParameters) -> Mask:
    """Large mid-tone areas with no texture at all: bare plaster or a flat infill.

    Painted and photographed surfaces always carry some texture (brush, grain, noise); a
    loss often does not. Areas touching two or more sides of the picture are its margin or
    mount, not a loss, and are left alone.
    """
    import cv2

    height, width = grey.shape
    small = _reduced(grey)
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


# Edge losses. Levels are grey levels of the reduced copy; lengths are its pixels.
BLACK_POINT = 10  # an edge loss's median grey level is at most this: clear glass prints black
SHARP_SHARE = 0.6  # share of the outline where the loss must stand out by edge_loss_step
RAGGEDNESS = 1.2  # outline length over that of its convex hull: torn and flaked edges wander
MIN_EDGE_LOSS = 20  # px: smaller specks are left to the curator
FRAME_BAND = 0.1  # share of the side within which a border round the picture lies
FRAME_TOLERANCE = 3  # px a bright loss must reach past the border's inner edge


def _edge_losses(grey: npt.NDArray[np.uint8], params: DamageParameters) -> Mask:
    """Tears and flaked-off emulsion breaking the picture's edge (see the module docstring).

    Dark losses are areas at the black point that reach the picture's edge (the image's
    side, or into a black border round the picture). Bright losses must break into such a
    border: without one, a bright area at the image's side is as often sky or a white wall
    cut by the crop as it is bare paper.
    """
    import cv2

    height, width = grey.shape
    small = _reduced(grey)
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
            if _sharp_share(patch, inside, level, is_dark, params.edge_loss_step) < SHARP_SHARE:
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


def _sharp_share(
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


def _raggedness(inside: npt.NDArray[np.uint8]) -> float:
    import cv2

    contours, _ = cv2.findContours(inside, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    outline = sum(cv2.arcLength(c, True) for c in contours)
    hull = cv2.arcLength(cv2.convexHull(np.vstack(contours)), True)
    return float(outline / max(hull, 1.0))


def _reduced(grey: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    import cv2

    scale = min(1.0, WORKING_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.asarray(small, dtype=np.uint8)


def _median_background(channel: npt.NDArray[np.uint8], window: int) -> npt.NDArray[np.uint8]:
    """A median over ``window`` px, computed on a reduced copy for speed, then enlarged."""
    import cv2

    height, width = channel.shape
    scale = min(1.0, 256 / max(height, width))
    small = cv2.resize(channel, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    kernel = max(3, int(window * scale) | 1)
    background = np.asarray(cv2.medianBlur(small, min(kernel, 255)), dtype=np.uint8)
    enlarged = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.asarray(enlarged, dtype=np.uint8)


def _keep_components(
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
            spread = _spread_across_axis(np.asarray(labels, dtype=np.int32), count)
            keep &= spread >= params.min_wander
    else:
        keep &= area >= params.min_loss_area
    keep[0] = False  # label 0 is the background
    result: Mask = keep[labels]
    return result


def _spread_across_axis(labels: npt.NDArray[np.int32], count: int) -> npt.NDArray[np.float64]:
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
