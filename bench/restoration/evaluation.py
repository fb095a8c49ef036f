"""Measured quality of the inpainting engines on synthetically damaged intact images.

Each evaluation image gets synthetic damage from a seed derived from the run's seed and its slug
(the same mask in every run), every engine reconstructs it, and the result is compared with the
intact original: PSNR and SSIM inside the damage (what an engine actually made) and over the
whole image, and seconds per megapixel. Figures are means over the images.
"""

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from restoration.engines.base import InpaintingEngine, Mask, RGBImage
from restoration.training.synthetic_damage import evaluation_seed, synthetic_damage_mask

PSNR_CAP = 100.0  # dB, for identical pixels (an infinite PSNR would not survive JSON)


def psnr(original: RGBImage, result: RGBImage, mask: Mask | None = None) -> float:
    """Peak signal-to-noise ratio in dB, over the masked pixels when a mask is given."""
    difference = original.astype(np.float64) - result.astype(np.float64)
    if mask is not None:
        if not mask.any():
            raise ValueError("mask is empty: no pixels to measure")
        difference = difference[mask]
    mse = float(np.mean(difference**2))
    if mse == 0:
        return PSNR_CAP
    return min(PSNR_CAP, 10 * math.log10(255.0**2 / mse))


def ssim(original: RGBImage, result: RGBImage, mask: Mask | None = None) -> float:
    """SSIM (skimage, 7×7 windows); with a mask, the SSIM map averaged over the masked pixels."""
    from skimage.metrics import structural_similarity

    score, full = structural_similarity(  # type: ignore[no-untyped-call]
        original, result, full=True, channel_axis=2, data_range=255
    )
    if mask is None:
        return float(score)
    if not mask.any():
        raise ValueError("mask is empty: no pixels to measure")
    return float(np.asarray(full)[mask].mean())


@dataclass(frozen=True)
class EvaluationImage:
    slug: str
    pixels: RGBImage


@dataclass
class EngineScores:
    psnr_masked: list[float] = field(default_factory=list)
    ssim_masked: list[float] = field(default_factory=list)
    psnr: list[float] = field(default_factory=list)
    ssim: list[float] = field(default_factory=list)
    seconds: float = 0.0
    megapixels: float = 0.0

    def summary(self) -> dict[str, float]:
        return {
            "psnr_masked": round(float(np.mean(self.psnr_masked)), 3),
            "ssim_masked": round(float(np.mean(self.ssim_masked)), 4),
            "psnr": round(float(np.mean(self.psnr)), 3),
            "ssim": round(float(np.mean(self.ssim)), 4),
            "s_per_mp": round(self.seconds / self.megapixels, 3),
        }


@dataclass(frozen=True)
class EvaluationReport:
    engines: dict[str, dict[str, float]]
    skipped: dict[str, str]  # engine name -> why
    images: int
    masked_fraction: float  # mean share of pixels damaged


def damage_for(image: EvaluationImage, *, seed: int) -> Mask:
    height, width = image.pixels.shape[:2]
    return synthetic_damage_mask(
        size=(width, height), seed=evaluation_seed(seed=seed, slug=image.slug)
    )


def evaluate(
    images: Sequence[EvaluationImage], engines: dict[str, InpaintingEngine], *, seed: int
) -> EvaluationReport:
    """Every engine on every image; an engine that raises is reported as skipped with the error."""
    if not images:
        raise ValueError("no evaluation images")
    scores = {name: EngineScores() for name in engines}
    skipped: dict[str, str] = {}
    fractions = []
    for image in images:
        mask = damage_for(image, seed=seed)
        fractions.append(float(mask.mean()))
        damaged = image.pixels.copy()
        damaged[mask] = 0  # engines must not see what is under the damage
        for name, engine in engines.items():
            if name in skipped:
                continue
            try:
                _score(engine, image.pixels, damaged, mask, scores[name])
            except Exception as error:
                skipped[name] = f"failed on {image.slug}: {type(error).__name__}: {error}"
    return EvaluationReport(
        engines={name: s.summary() for name, s in scores.items() if name not in skipped},
        skipped=skipped,
        images=len(images),
        masked_fraction=float(np.mean(fractions)),
    )


def _score(
    engine: InpaintingEngine,
    original: RGBImage,
    damaged: RGBImage,
    mask: Mask,
    scores: EngineScores,
) -> None:
    started = time.perf_counter()
    result = engine.inpaint(damaged.copy(), mask)
    scores.seconds += time.perf_counter() - started
    scores.megapixels += mask.size / 1e6
    if result.shape != original.shape or result.dtype != np.uint8:
        raise ValueError(f"returned {result.dtype} {result.shape}, expected uint8 {original.shape}")
    scores.psnr_masked.append(psnr(original, result, mask))
    scores.ssim_masked.append(ssim(original, result, mask))
    scores.psnr.append(psnr(original, result))
    scores.ssim.append(ssim(original, result))
