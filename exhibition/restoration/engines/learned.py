"""The learned engine: a small gated-convolution network trained on the collection itself.

It refines OpenCV Navier–Stokes' fill (seeing Telea's too) with a residual predicted by the
network that `python manage.py train_inpainter` trains (see exhibition/restoration/training/).
It runs tile by tile (tiles without damage are skipped), and composites: every pixel outside the
mask is exactly the input's. Its version is the weights' version, so a result names the
weights that made it.
"""

import threading
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from exhibition.restoration.engines.base import EngineUnavailable, InpaintingEngine, Mask, RGBImage

NO_WEIGHTS = "no trained weights: run python manage.py train_inpainter"
TILE = 1024  # core of a tile, pixels
MARGIN = 64  # context on each side of a tile's core (the network was trained on 128 px crops)

_models: dict[Path, Any] = {}
_models_lock = threading.Lock()


class LearnedEngine(InpaintingEngine):
    name: ClassVar[str] = "learned"

    def __init__(self, *, weights_dir: str | Path | None = None, bf16: bool = True) -> None:
        from django.conf import settings

        self._directory = Path(weights_dir or settings.VITRINE_INPAINTER_DIR)
        self._bf16 = bool(bf16)

    def _saved(self) -> Any:
        from exhibition.restoration.training.weights import WeightsMissing, latest_weights

        try:
            return latest_weights(self._directory)
        except (WeightsMissing, ValueError, KeyError):
            return None

    @property
    def version(self) -> str:
        saved = self._saved()
        return saved.version if saved else "untrained"

    def parameters(self) -> dict[str, Any]:
        from exhibition.restoration.training.data import INPAINT_RADIUS

        saved = self._saved()
        return {
            "weights": saved.version if saved else None,
            "architecture": saved.metadata.get("architecture") if saved else None,
            "classical_fills": ["ns", "telea"],
            "inpaint_radius": INPAINT_RADIUS,
            "bf16": self._bf16,
            "tile": TILE,
            "margin": MARGIN,
        }

    def availability(self) -> str | None:
        return None if self._saved() else NO_WEIGHTS

    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        from exhibition.restoration.training.data import classical_fills

        _check(image, mask)
        saved = self._saved()
        if saved is None:
            raise EngineUnavailable(NO_WEIGHTS)
        result = image.copy()
        if not mask.any():
            return result
        holed = image.copy()
        holed[mask] = 0
        fills = classical_fills(holed, mask)
        refined = _refine(_model(saved), fills, mask, bf16=self._bf16)
        result[mask] = refined[mask]
        return result


def _check(image: RGBImage, mask: Mask) -> None:
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"expected a uint8 RGB image (H, W, 3), got {image.dtype} {image.shape}")
    if mask.shape != image.shape[:2]:
        raise ValueError(
            f"mask is {mask.shape[1]}×{mask.shape[0]} but the image is "
            f"{image.shape[1]}×{image.shape[0]}"
        )


def _model(saved: Any) -> Any:
    """One loaded network per weights file per process (loading takes a moment)."""
    from exhibition.restoration.training.weights import weights_load

    with _models_lock:
        if saved.path not in _models:
            _models[saved.path] = weights_load(saved)
        return _models[saved.path]


def _refine(model: Any, fills: tuple[RGBImage, RGBImage], mask: Mask, *, bf16: bool) -> RGBImage:
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
            tile = _run(model, (fills[0][window], fills[1][window]), mask[window], bf16)
            output[core] = tile[top - y0 : core[0].stop - y0, left - x0 : core[1].stop - x0]
    return output


def _run(model: Any, fills: tuple[RGBImage, RGBImage], mask: Mask, bf16: bool) -> RGBImage:
    import torch

    from exhibition.restoration.training.data import fills_to_unit
    from exhibition.restoration.training.model import DOWNSCALE

    height, width = mask.shape
    pad_y, pad_x = (-height) % DOWNSCALE, (-width) % DOWNSCALE
    fill_t = torch.from_numpy(fills_to_unit(fills))[None]
    mask_t = torch.from_numpy(mask[None, None].astype(np.float32))
    if pad_y or pad_x:
        # Replicate padding: reflect fails on tiles narrower than the padding.
        fill_t = torch.nn.functional.pad(fill_t, (0, pad_x, 0, pad_y), mode="replicate")
        mask_t = torch.nn.functional.pad(mask_t, (0, pad_x, 0, pad_y))
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        refined = model(fill_t, mask_t).float()[0, :, :height, :width]
    pixels = ((refined.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return np.ascontiguousarray(pixels.permute(1, 2, 0).numpy())
