"""How well the damage proposal finds real losses, against masks marked by hand.

No collection comes with ground-truth damage, so a few of the demo's damaged images carry
hand-marked loss masks in `eval_masks/losses.json` (see the README there): polygons drawn
around losses by looking at the image, optionally narrowed to the pixels darker than a grey
level inside them (ragged emulsion flaking, which a polygon cannot follow). The figures are
the share of each hand mask the proposal covers (recall, by pixels) and the share of the
proposal that falls outside it (what the curator will have to erase, or other damage that was
not marked: the hand masks mark the obvious losses, not every crack). The same file names a few
undamaged images, on which everything proposed is a false alarm.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from restoration.damage import DamageParameters, detect_damage
from restoration.engines.base import Mask, RGBImage

EVAL_MASKS = Path(__file__).resolve().parent / "eval_masks" / "losses.json"


@dataclass(frozen=True)
class HandMask:
    slug: str
    size: tuple[int, int]  # (width, height) of the image the polygons were drawn on
    regions: list[dict[str, Any]]


@dataclass(frozen=True)
class Coverage:
    slug: str
    marked: float  # share of the image in the hand mask
    proposed: float  # share of the image in the proposal
    covered: float  # share of the hand mask inside the proposal
    outside: float  # share of the proposal outside the hand mask (0 when nothing proposed)


@dataclass(frozen=True)
class Means:
    """Coverage figures averaged over images, each image counting once."""

    images: int
    covered: float  # mean share of the hand mask covered
    outside: float  # mean share of the proposal outside it, over images with a proposal


def hand_masks(path: Path = EVAL_MASKS) -> list[HandMask]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        HandMask(slug=m["slug"], size=(int(m["size"][0]), int(m["size"][1])), regions=m["regions"])
        for m in data["masks"]
    ]


def rasterise(hand: HandMask, image: RGBImage) -> Mask:
    """The hand mask as a boolean array the size of `image` (which must be the marked size)."""
    import cv2

    height, width = image.shape[:2]
    if (width, height) != hand.size:
        raise ValueError(
            f"{hand.slug}: the hand mask was drawn on {hand.size[0]}×{hand.size[1]}, "
            f"the image is {width}×{height}"
        )
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    mask = np.zeros((height, width), dtype=bool)
    for region in hand.regions:
        canvas = np.zeros((height, width), dtype=np.uint8)
        cv2.fillPoly(canvas, [np.asarray(region["polygon"], dtype=np.int32)], 1)
        inside = canvas > 0
        if "only_darker_than" in region:
            inside &= grey < int(region["only_darker_than"])
        mask |= inside
    return mask


def coverage(slug: str, proposal: Mask, truth: Mask) -> Coverage:
    if proposal.shape != truth.shape:
        raise ValueError("the proposal and the hand mask differ in size")
    overlap = float(np.count_nonzero(proposal & truth))
    proposed = float(np.count_nonzero(proposal))
    marked = float(np.count_nonzero(truth))
    return Coverage(
        slug=slug,
        marked=marked / truth.size,
        proposed=proposed / truth.size,
        covered=overlap / marked if marked else 0.0,
        outside=(proposed - overlap) / proposed if proposed else 0.0,
    )


def evaluate_proposal(
    hand: HandMask, image: RGBImage, params: DamageParameters | None = None
) -> Coverage:
    proposal = detect_damage(image, params or DamageParameters())
    return coverage(hand.slug, proposal, rasterise(hand, image))


def clean_images(path: Path = EVAL_MASKS) -> list[str]:
    """Slugs of images checked by eye to show no damage worth marking."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [str(slug) for slug in data.get("clean", [])]


def proposed_share(image: RGBImage, params: DamageParameters | None = None) -> float:
    """Share of the image the proposal marks: on an undamaged image, all of it false alarms."""
    return float(detect_damage(image, params or DamageParameters()).mean())


def means(rows: list[Coverage]) -> Means:
    # An empty proposal has nothing outside the hand mask; counting it as 0 % would flatter
    # the detector that proposes least.
    outside = [row.outside for row in rows if row.proposed > 0]
    return Means(
        images=len(rows),
        covered=float(np.mean([row.covered for row in rows])) if rows else 0.0,
        outside=float(np.mean(outside)) if outside else 0.0,
    )
