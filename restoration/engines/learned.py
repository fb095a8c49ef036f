"""The learned engine: a small gated-convolution network trained on the collection itself.

It refines OpenCV Navier–Stokes' fill (seeing Telea's too) with a residual predicted by the
network that `python manage.py train_inpainter` trains (see restoration/training/).

- **Working scale.** The network sees an image reduced so that its shorter side is the
  weights' `work_side` (512 px for the shipped weights): at full resolution a 128 px training
  crop of a 6000 px scan is all hole, and the network never learns the context that a large
  loss needs. Its fill is enlarged into the holes; within a few pixels of the original paint
  (thin cracks, hole borders) the full-resolution Navier–Stokes fill is kept, blended by
  distance, because fine detail there is lost at the working scale.
- **Flip ensemble.** The network runs on the image and on its three mirror images and the
  four fills are averaged (test-time augmentation): errors that depend on orientation cancel
  out, which measured steadier than any single pass.
- It runs tile by tile (tiles without damage are skipped), and composites: every pixel outside
  the mask is exactly the input's.

Weights: the latest ones trained here (`latest.json` in settings.VITRINE_INPAINTER_DIR) win;
otherwise the default weights shipped in `restoration/default_weights/` (trained on
the demo collection's training split, see the README there). Its version is the weights'
version, so a result names the weights that made it.
"""

import threading
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from django.utils.translation import gettext_noop

from restoration.engines.base import EngineUnavailable, InpaintingEngine, Mask, RGBImage

NO_WEIGHTS = "no trained weights: run python manage.py train_inpainter"
TILE = 1024  # core of a tile, pixels
MARGIN = 64  # context on each side of a tile's core (the network was trained on 128 px crops)
# Shipped default weights: used when the museum has trained none of its own.
DEFAULT_WEIGHTS_DIR = Path(__file__).resolve().parents[1] / "default_weights"
# Pixels this far (in working-scale pixels) from original paint take the network's enlarged
# fill whole; nearer ones lean on the full-resolution Navier–Stokes fill.
BLEND_WORK_PIXELS = 2.0
FLIPS = ((False, False), (False, True), (True, False), (True, True))  # (vertical, horizontal)

_models: dict[Path, Any] = {}
_models_lock = threading.Lock()


class LearnedEngine(InpaintingEngine):
    name: ClassVar[str] = "learned"
    description = gettext_noop(
        "Learned: a small network trained on this collection's intact images refines the "
        "Navier–Stokes fill; shipped default weights unless the museum trains its own."
    )

    def __init__(
        self,
        *,
        weights_dir: str | Path | None = None,
        shipped_weights: bool = True,
        bf16: bool = False,
        flips: bool = True,
    ) -> None:
        from django.conf import settings

        self._directory = Path(weights_dir or settings.VITRINE_INPAINTER_DIR)
        # Read at run time (not bound as a default argument) so a deployment or a test can
        # point it elsewhere.
        self._default = DEFAULT_WEIGHTS_DIR if shipped_weights else None
        # bf16 only pays on CPUs with native bf16 (AVX512-BF16/AMX); elsewhere it is emulated
        # and measured ~15x slower, so float32 is the default (and the same on every machine).
        self._bf16 = bool(bf16)
        self._flips = bool(flips)

    def _saved(self) -> Any:
        from restoration.training.weights import WeightsMissing, latest_weights

        for directory in (self._directory, self._default):
            if directory is None:
                continue
            try:
                return latest_weights(directory)
            except (WeightsMissing, ValueError, KeyError):
                continue
        return None

    @property
    def version(self) -> str:
        saved = self._saved()
        return saved.version if saved else "untrained"

    def parameters(self) -> dict[str, Any]:
        from restoration.training.data import INPAINT_RADIUS

        saved = self._saved()
        architecture = saved.metadata.get("architecture") if saved else None
        shipped = bool(saved and self._default and saved.path.parent == self._default)
        return {
            "weights": saved.version if saved else None,
            "weights_source": None
            if not saved
            else "shipped default"
            if shipped
            else "trained here",
            "architecture": architecture,
            "work_side": (architecture or {}).get("work_side"),
            "classical_fills": ["ns", "telea"],
            "inpaint_radius": INPAINT_RADIUS,
            "flip_ensemble": self._flips,
            "bf16": self._bf16,
            "tile": TILE,
            "margin": MARGIN,
        }

    def availability(self) -> str | None:
        return None if self._saved() else NO_WEIGHTS

    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        from restoration.training.data import classical_fills

        _check(image, mask)
        saved = self._saved()
        if saved is None:
            raise EngineUnavailable(NO_WEIGHTS)
        result = image.copy()
        if not mask.any():
            return result
        holed = image.copy()
        holed[mask] = 0
        model, work_side = _model(saved)
        passes = FLIPS if self._flips else FLIPS[:1]
        fill = _at_working_scale(model, holed, mask, work_side, passes, self._bf16)
        if fill is None:  # the image is no larger than the working scale
            fill = _refine(model, classical_fills(holed, mask), mask, passes, self._bf16)
        result[mask] = fill[mask]
        return result


def _check(image: RGBImage, mask: Mask) -> None:
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"expected a uint8 RGB image (H, W, 3), got {image.dtype} {image.shape}")
    if mask.shape != image.shape[:2]:
        raise ValueError(
            f"mask is {mask.shape[1]}×{mask.shape[0]} but the image is "
            f"{image.shape[1]}×{image.shape[0]}"
        )


def _model(saved: Any) -> tuple[Any, int | None]:
    """One loaded network per weights file per process (loading takes a moment)."""
    from restoration.training.weights import weights_load

    with _models_lock:
        if saved.path not in _models:
            _models[saved.path] = weights_load(saved)
        work_side = (saved.metadata.get("architecture") or {}).get("work_side")
        return _models[saved.path], int(work_side) if work_side else None


def _at_working_scale(
    model: Any,
    holed: RGBImage,
    mask: Mask,
    work_side: int | None,
    passes: tuple[tuple[bool, bool], ...],
    bf16: bool,
) -> RGBImage | None:
    """The network's fill made at the working scale and enlarged, blended by distance into
    the full-resolution Navier–Stokes fill near original paint; None for a small image."""
    import cv2

    from restoration.training.data import (
        INPAINT_RADIUS,
        classical_fills,
        reduce_to_side,
        working_scale,
    )

    scale = working_scale(holed.shape, work_side)
    if work_side is None or scale == 1.0:
        return None
    height, width = mask.shape
    small = reduce_to_side(holed, work_side)
    hole = mask.astype(np.uint8) * 255
    # A reduced pixel that any damaged pixel went into is damaged: it mixes in the zeros.
    small_mask = (
        cv2.resize(hole, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_AREA) > 0
    )
    small[small_mask] = 0
    refined = _refine(model, classical_fills(small, small_mask), small_mask, passes, bf16)
    enlarged = cv2.resize(refined, (width, height), interpolation=cv2.INTER_CUBIC)
    near = cv2.inpaint(np.ascontiguousarray(holed), hole, INPAINT_RADIUS, cv2.INPAINT_NS)
    distance = cv2.distanceTransform(hole, cv2.DIST_L2, 3)
    weight = np.clip((distance - 1.0) * scale / BLEND_WORK_PIXELS, 0.0, 1.0)[:, :, None]
    blended = weight * enlarged.astype(np.float32) + (1.0 - weight) * near.astype(np.float32)
    return np.asarray(np.clip(np.rint(blended), 0, 255), dtype=np.uint8)


def _refine(
    model: Any,
    fills: tuple[RGBImage, RGBImage],
    mask: Mask,
    passes: tuple[tuple[bool, bool], ...],
    bf16: bool,
) -> RGBImage:
    """The network's output over every tile that holds damage; the base fill elsewhere."""
    height, width = mask.shape
    output = fills[0].copy()
    for top in range(0, height, TILE):
        for left in range(0, width, TILE):
            core = (slice(top, min(top + TILE, height)), slice(left, min(left + TILE, width)))
            if not mask[core].any():
                continue
            y0, x0 = max(0, top - MARGIN), max(0, left - MARGIN)
            y1, x1 = min(height, top + TILE + MARGIN), min(width, left + TILE + MARGIN)
            window = (slice(y0, y1), slice(x0, x1))
            tile = _run(model, (fills[0][window], fills[1][window]), mask[window], passes, bf16)
            output[core] = tile[top - y0 : core[0].stop - y0, left - x0 : core[1].stop - x0]
    return output


def _run(
    model: Any,
    fills: tuple[RGBImage, RGBImage],
    mask: Mask,
    passes: tuple[tuple[bool, bool], ...],
    bf16: bool,
) -> RGBImage:
    """One tile through the network, averaged over the mirror images in `passes`."""
    import torch

    from restoration.training.data import fills_to_unit
    from restoration.training.model import DOWNSCALE

    height, width = mask.shape
    pad_y, pad_x = (-height) % DOWNSCALE, (-width) % DOWNSCALE
    fill_t = torch.from_numpy(fills_to_unit(fills))[None]
    mask_t = torch.from_numpy(mask[None, None].astype(np.float32))
    if pad_y or pad_x:
        # Replicate padding: reflect fails on tiles narrower than the padding.
        fill_t = torch.nn.functional.pad(fill_t, (0, pad_x, 0, pad_y), mode="replicate")
        mask_t = torch.nn.functional.pad(mask_t, (0, pad_x, 0, pad_y))
    total = torch.zeros(1, 3, fill_t.shape[2], fill_t.shape[3])
    for vertical, horizontal in passes:
        dims = [d for d, flip in ((2, vertical), (3, horizontal)) if flip]
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            if dims:
                out = model(fill_t.flip(dims), mask_t.flip(dims)).float().flip(dims)
            else:
                out = model(fill_t, mask_t).float()
        total += out.clamp(-1, 1)
    refined = (total / len(passes))[0, :, :height, :width]
    pixels = ((refined + 1) * 127.5).round().to(torch.uint8)
    return np.ascontiguousarray(pixels.permute(1, 2, 0).numpy())
