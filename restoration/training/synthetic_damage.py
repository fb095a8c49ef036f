"""Synthetic damage: the masks that training and evaluation both reconstruct.

No collection comes with ground-truth damage masks, so the learned engine is trained and every
engine is measured on intact images with damage drawn on them: thin cracks (random polylines
1–3 px wide), blotches (irregular ellipses) and one large loss per image. Sizes scale with the
image's shorter side, so a 330 px thumbnail and a 1024 px scan get comparable damage. The same
seed always draws the same mask (evaluation is repeatable).
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class SyntheticDamage:
    """How much damage to draw; lengths are fractions of the image's shorter side."""

    cracks: tuple[int, int] = (3, 7)  # number of crack polylines (inclusive range)
    crack_segments: tuple[int, int] = (3, 8)
    crack_segment_length: float = 0.08
    crack_width: tuple[int, int] = (1, 3)  # pixels
    blotches: tuple[int, int] = (2, 6)
    blotch_radius: tuple[float, float] = (0.01, 0.035)
    large_loss_radius: tuple[float, float] = (0.05, 0.09)


def synthetic_damage_mask(
    *,
    size: tuple[int, int],
    seed: int,
    damage: SyntheticDamage = SyntheticDamage(),
    reference_side: int | None = None,
) -> Mask:
    """A (height, width) bool mask for an image of `size` = (width, height).

    `reference_side` draws damage sized for an image of that shorter side: training draws on a
    crop but wants the sizes that a whole image would get.
    """
    import cv2

    width, height = size
    if width < 8 or height < 8:
        raise ValueError(f"image is {width}×{height}: too small for synthetic damage (8×8 minimum)")
    rng = np.random.default_rng(seed)
    canvas = np.zeros((height, width), dtype=np.uint8)
    side = reference_side or min(width, height)
    _draw_cracks(cv2, canvas, rng, side, damage)
    for _ in range(int(rng.integers(damage.blotches[0], damage.blotches[1] + 1))):
        _draw_blob(cv2, canvas, rng, side * rng.uniform(*damage.blotch_radius))
    # The large loss never exceeds a third of the canvas: a hole wider than its context
    # cannot be reconstructed from anything.
    large = min(side * rng.uniform(*damage.large_loss_radius), min(width, height) / 3)
    _draw_blob(cv2, canvas, rng, large)
    return canvas > 0


def _draw_cracks(
    cv2: object, canvas: np.ndarray, rng: np.random.Generator, side: int, damage: SyntheticDamage
) -> None:
    height, width = canvas.shape
    for _ in range(int(rng.integers(damage.cracks[0], damage.cracks[1] + 1))):
        point = np.array([rng.uniform(0, width), rng.uniform(0, height)])
        heading = rng.uniform(0, 2 * np.pi)
        points = [point.copy()]
        for _ in range(int(rng.integers(damage.crack_segments[0], damage.crack_segments[1] + 1))):
            # Cracks wander but keep a general direction, as real craquelure does.
            heading += rng.normal(0, 0.6)
            step = side * damage.crack_segment_length * rng.uniform(0.4, 1.2)
            point = point + step * np.array([np.cos(heading), np.sin(heading)])
            points.append(point.copy())
        polyline = np.round(np.array(points)).astype(np.int32).reshape(-1, 1, 2)
        thickness = int(rng.integers(damage.crack_width[0], damage.crack_width[1] + 1))
        cv2.polylines(canvas, [polyline], False, 255, thickness)  # type: ignore[attr-defined]


def _draw_blob(cv2: object, canvas: np.ndarray, rng: np.random.Generator, radius: float) -> None:
    """An irregular ellipse: a polygon whose radius wobbles around an elliptical outline."""
    height, width = canvas.shape
    centre = np.array([rng.uniform(0, width), rng.uniform(0, height)])
    angles = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    aspect = rng.uniform(0.5, 1.0)
    tilt = rng.uniform(0, np.pi)
    wobble = 1 + 0.25 * np.convolve(rng.normal(0, 1, 28), np.ones(5) / 5, mode="valid")
    radii_x = max(radius, 1.5) * wobble
    radii_y = radii_x * aspect
    x = radii_x * np.cos(angles)
    y = radii_y * np.sin(angles)
    rotated = np.stack(
        [x * np.cos(tilt) - y * np.sin(tilt), x * np.sin(tilt) + y * np.cos(tilt)], axis=1
    )
    polygon = np.round(rotated + centre).astype(np.int32).reshape(-1, 1, 2)
    cv2.fillPoly(canvas, [polygon], 255)  # type: ignore[attr-defined]


def evaluation_seed(*, seed: int, slug: str) -> int:
    """Per-image seed: the same image gets the same damage in every run with this seed."""
    import hashlib

    digest = hashlib.sha256(f"{seed}:{slug}".encode()).digest()
    return int.from_bytes(digest[:8], "big")
