"""Training data: the collection's intact training-split images, damaged on the fly.

Each sample is a random crop of a training image with fresh synthetic damage; the network sees
the classical fill of the damaged crop and the mask, and learns the intact crop. Images are
loaded once into memory (the demo collection's ~110 training images take ~250 MB).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from restoration.training.synthetic_damage import synthetic_damage_mask

RGBImage = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]

INPAINT_RADIUS = 3  # OpenCV's usual radius for both classical fills


@dataclass(frozen=True)
class Batch:
    fill: npt.NDArray[np.float32]  # (N,6,H,W) Navier–Stokes then Telea fill, in [-1,1]
    mask: npt.NDArray[np.float32]  # (N,1,H,W) 1 = hole
    target: npt.NDArray[np.float32]  # (N,3,H,W) intact crop in [-1,1]


def classical_fills(image: RGBImage, mask: Mask) -> tuple[RGBImage, RGBImage]:
    """OpenCV Navier–Stokes and Telea fills: the network refines the first (measured the
    better of the two here) and sees both, so it can choose between them region by region."""
    import cv2

    hole = mask.astype(np.uint8) * 255
    source = np.ascontiguousarray(image)
    ns = cv2.inpaint(source, hole, INPAINT_RADIUS, cv2.INPAINT_NS)
    telea = cv2.inpaint(source, hole, INPAINT_RADIUS, cv2.INPAINT_TELEA)
    return np.asarray(ns, dtype=np.uint8), np.asarray(telea, dtype=np.uint8)


def fills_to_unit(fills: tuple[RGBImage, RGBImage]) -> npt.NDArray[np.float32]:
    """The two fills as one (6,H,W) float32 array in [-1, 1]."""
    return np.concatenate([to_unit(fills[0]), to_unit(fills[1])], axis=0)


def to_unit(image: RGBImage) -> npt.NDArray[np.float32]:
    """(H,W,3) uint8 -> (3,H,W) float32 in [-1, 1]."""
    return (image.astype(np.float32).transpose(2, 0, 1) / 127.5) - 1.0


def load_images(
    paths: Iterable[Path], *, min_side: int, work_side: int | None = None
) -> list[RGBImage]:
    """The images as RGB arrays, skipping any smaller than a crop.

    With `work_side`, an image whose shorter side is longer is reduced to it: the network
    works at that scale (engines/learned.py reduces large images the same way), so it must
    learn damage sized as it will see it there, not as a 128 px window on a 6000 px scan.
    """
    from PIL import Image

    images = []
    for path in paths:
        with Image.open(path) as opened:
            array = np.asarray(opened.convert("RGB"), dtype=np.uint8)
        if work_side:
            array = reduce_to_side(array, work_side)
        if min(array.shape[:2]) >= min_side:
            images.append(array)
    return images


def working_scale(shape: tuple[int, ...], work_side: int | None) -> float:
    """The factor (at most 1) that brings an image's shorter side down to `work_side`."""
    shorter = min(shape[:2])
    return 1.0 if not work_side or shorter <= work_side else work_side / shorter


def reduce_to_side(image: RGBImage, work_side: int) -> RGBImage:
    """The image reduced (area averaging) so that its shorter side is `work_side`, if longer."""
    import cv2

    scale = working_scale(image.shape, work_side)
    if scale == 1.0:
        return image
    height, width = image.shape[:2]
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def sample_batch(
    images: list[RGBImage], *, rng: np.random.Generator, size: int, crop: int
) -> Batch:
    fills, masks, targets = [], [], []
    for _ in range(size):
        target, reference_side = _random_crop(images[int(rng.integers(len(images)))], rng, crop)
        mask = synthetic_damage_mask(
            size=(crop, crop), seed=int(rng.integers(2**63)), reference_side=reference_side
        )
        damaged = target.copy()
        damaged[mask] = 0  # engines never see what is under the damage
        fills.append(fills_to_unit(classical_fills(damaged, mask)))
        masks.append(mask[None].astype(np.float32))
        targets.append(to_unit(target))
    return Batch(fill=np.stack(fills), mask=np.stack(masks), target=np.stack(targets))


def _random_crop(image: RGBImage, rng: np.random.Generator, crop: int) -> tuple[RGBImage, int]:
    """A crop (sometimes from a downscaled image, for scale variety), flipped at random."""
    import cv2

    height, width = image.shape[:2]
    scale = 1.0 if rng.random() < 0.7 else rng.uniform(max(0.5, crop / min(height, width)), 1.0)
    window = min(round(crop / scale), height, width)
    top = int(rng.integers(height - window + 1))
    left = int(rng.integers(width - window + 1))
    piece: Any = image[top : top + window, left : left + window]
    if window != crop:
        piece = cv2.resize(piece, (crop, crop), interpolation=cv2.INTER_AREA)
    if rng.random() < 0.5:
        piece = piece[:, ::-1]
    reference_side = int(min(height, width) * crop / window)
    return np.ascontiguousarray(piece, dtype=np.uint8), reference_side
