"""Exemplar (patch-based) inpainting for larger losses, after Criminisi, Pérez and Toyama (2004).

Per-region choice, because no single method suits both thin cracks and large losses:

1. The whole mask is first filled with OpenCV Telea. Thin regions (every pixel within
   ``thin_width`` px of a known pixel, i.e. cracks) keep that fill: it is fast and, for a
   gap a few pixels wide, as good as any patch.
2. Each wider region is then rebuilt patch by patch from the image itself. The fill front
   is processed in order of priority = confidence × data term, so strong structures (edges
   that run into the loss) are carried in before flat areas; each step copies the source
   patch with the smallest SSD over the target patch's already-known pixels, searched only
   within ``search_radius`` px for speed (OpenCV's masked ``matchTemplate`` computes the
   SSD over the whole window at once). The Telea fill from step 1 gives the isophotes a
   sensible value at the front and stands where no source patch can be found.

Only original pixels serve as sources, so a reconstruction is never copied from a
reconstruction. Unmasked pixels are returned unchanged.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext_noop

from restoration.engines.base import InpaintingEngine, Mask, RGBImage
from restoration.engines.classical import check_inputs, keep_known

ALGORITHM_VERSION = "1.0"
FloatImage = npt.NDArray[np.float32]


@dataclass
class _Region:
    """One wide loss, in a crop of the padded working image."""

    pixels: FloatImage  # (h, w, 3) working colours, filled in place
    to_fill: Mask  # pixels still to reconstruct
    valid_source: Mask  # patch centres whose whole patch is original, known pixels


class ExemplarEngine(InpaintingEngine):
    name = "exemplar"
    description = gettext_noop(
        "Exemplar (written here): copies patches of original paint into wider losses, in order of "
        "priority, so texture continues; Telea for thin cracks."
    )

    def __init__(self, patch_size: int = 9, search_radius: int = 48, thin_width: int = 5) -> None:
        if not isinstance(patch_size, int) or patch_size % 2 == 0 or not 5 <= patch_size <= 31:
            raise ValueError("patch_size must be an odd whole number from 5 to 31")
        if not isinstance(search_radius, int) or not 8 <= search_radius <= 400:
            raise ValueError("search_radius must be a whole number of pixels from 8 to 400")
        if not isinstance(thin_width, int) or not 0 <= thin_width <= 50:
            raise ValueError("thin_width must be a whole number of pixels from 0 to 50")
        self.patch_size = patch_size
        self.search_radius = search_radius
        self.thin_width = thin_width

    @property
    def version(self) -> str:
        import cv2

        return f"{ALGORITHM_VERSION} (opencv {cv2.__version__})"

    def parameters(self) -> dict[str, Any]:
        return {
            "patch_size": self.patch_size,
            "search_radius": self.search_radius,
            "thin_width": self.thin_width,
        }

    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        import cv2

        check_inputs(image, mask)
        mask_u8 = mask.astype(np.uint8)
        initial = cv2.inpaint(image, mask_u8 * 255, 3, cv2.INPAINT_TELEA)
        half = self.patch_size // 2
        padded = cv2.copyMakeBorder(initial, half, half, half, half, cv2.BORDER_REFLECT_101).astype(
            np.float32
        )
        border = cv2.BORDER_REFLECT_101
        known = np.asarray(
            cv2.copyMakeBorder(1 - mask_u8, half, half, half, half, border), dtype=np.uint8
        )
        for box, region_mask in self._wide_regions(mask_u8):
            top, left, bottom, right = self._crop(box, padded.shape[:2])
            target = np.zeros((bottom - top, right - left), dtype=bool)
            y0, x0, h, w = box
            row, column = y0 + half - top, x0 + half - left
            target[row : row + h, column : column + w] = region_mask
            region = _Region(
                pixels=padded[top:bottom, left:right],  # a view: filling writes through
                to_fill=target,
                valid_source=self._valid_sources(known[top:bottom, left:right]),
            )
            self._fill(region)
        filled = np.clip(np.rint(padded[half:-half, half:-half]), 0, 255).astype(np.uint8)
        return keep_known(image, mask, filled)

    def _wide_regions(self, mask_u8: npt.NDArray[np.uint8]) -> list[tuple[tuple[int, ...], Mask]]:
        """Bounding box (y, x, h, w) and pixels of each region wider than ``thin_width``."""
        import cv2

        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask_u8, connectivity=8)
        if count <= 1:
            return []
        distance = cv2.distanceTransform(mask_u8, cv2.DIST_L2, 5)
        inside = mask_u8 > 0
        widest = np.zeros(count, dtype=np.float32)
        np.maximum.at(widest, np.asarray(labels, dtype=np.int32)[inside], distance[inside])
        regions: list[tuple[tuple[int, ...], Mask]] = []
        for label in np.flatnonzero(widest > self.thin_width):
            x, y, w, h = (int(v) for v in stats[label, :4])
            regions.append(((y, x, h, w), labels[y : y + h, x : x + w] == label))
        return regions

    def _crop(self, box: tuple[int, ...], shape: tuple[int, ...]) -> tuple[int, int, int, int]:
        """Padded-image crop holding the region, its patches and its search window."""
        y, x, h, w = box
        half = self.patch_size // 2
        margin = self.search_radius + half
        top, left = max(0, y + half - margin), max(0, x + half - margin)
        bottom = min(shape[0], y + half + h + margin)
        right = min(shape[1], x + half + w + margin)
        return top, left, bottom, right

    def _valid_sources(self, known: npt.NDArray[np.uint8]) -> Mask:
        import cv2

        half = self.patch_size // 2
        element = np.ones((self.patch_size, self.patch_size), dtype=np.uint8)
        whole = cv2.erode(known, element, borderType=cv2.BORDER_CONSTANT, borderValue=0) > 0
        # matchTemplate scores patch centres from (half, half); keep that grid.
        valid: Mask = whole[half : whole.shape[0] - half, half : whole.shape[1] - half]
        return valid

    def _fill(self, region: _Region) -> None:
        if not region.valid_source.any():
            return  # nothing to copy from: the Telea fill stands
        half = self.patch_size // 2
        confidence = (~region.to_fill).astype(np.float32)
        for _ in range(int(region.to_fill.sum())):
            if not region.to_fill.any():
                break
            y, x, patch_confidence = self._next_target(region, confidence)
            sy, sx = self._best_source(region, y, x)
            hole = region.to_fill[y - half : y + half + 1, x - half : x + half + 1]
            target = region.pixels[y - half : y + half + 1, x - half : x + half + 1]
            source = region.pixels[sy - half : sy + half + 1, sx - half : sx + half + 1]
            target[hole] = source[hole]
            confidence[y - half : y + half + 1, x - half : x + half + 1][hole] = patch_confidence
            hole[:] = False

    def _next_target(self, region: _Region, confidence: FloatImage) -> tuple[int, int, float]:
        """The front pixel of highest priority, and its patch's confidence."""
        import cv2

        unknown = region.to_fill.astype(np.uint8)
        front = (cv2.dilate(1 - unknown, np.ones((3, 3), np.uint8)) > 0) & region.to_fill
        ys, xs = np.nonzero(front)
        size = (self.patch_size, self.patch_size)
        patch_confidence = cv2.boxFilter(confidence, -1, size, borderType=cv2.BORDER_REPLICATE)
        grey = cv2.cvtColor(region.pixels, cv2.COLOR_RGB2GRAY)
        gx, gy = cv2.Sobel(grey, -1, 1, 0, ksize=3), cv2.Sobel(grey, -1, 0, 1, ksize=3)
        shape = cv2.GaussianBlur(unknown.astype(np.float32), (5, 5), 0)
        nx, ny = cv2.Sobel(shape, -1, 1, 0, ksize=3), cv2.Sobel(shape, -1, 0, 1, ksize=3)
        norm = np.hypot(nx[ys, xs], ny[ys, xs]) + 1e-6
        # Data term: how strongly the isophote (gradient turned 90°) flows into the front.
        data = np.abs(gx[ys, xs] * ny[ys, xs] - gy[ys, xs] * nx[ys, xs]) / norm / (4 * 255.0)
        priority = patch_confidence[ys, xs] * (data + 1e-3)
        best = int(np.argmax(priority))
        return int(ys[best]), int(xs[best]), float(patch_confidence[ys[best], xs[best]])

    def _best_source(self, region: _Region, y: int, x: int) -> tuple[int, int]:
        """Centre of the original patch nearest in colour over the target's known pixels."""
        import cv2

        half, radius = self.patch_size // 2, self.search_radius
        height, width = region.to_fill.shape
        top, left = max(0, y - radius - half), max(0, x - radius - half)
        bottom, right = min(height, y + radius + half + 1), min(width, x + radius + half + 1)
        template = region.pixels[y - half : y + half + 1, x - half : x + half + 1]
        weights = (~region.to_fill[y - half : y + half + 1, x - half : x + half + 1]).astype(
            np.float32
        )
        scores = cv2.matchTemplate(
            region.pixels[top:bottom, left:right],
            np.ascontiguousarray(template),
            cv2.TM_SQDIFF,
            mask=np.repeat(weights[:, :, None], 3, axis=2),
        )
        valid = region.valid_source[top : bottom - 2 * half, left : right - 2 * half]
        scores = np.where(valid, scores, np.inf)
        if not np.isfinite(scores).any():
            return self._any_source(region, y, x)
        sy, sx = np.unravel_index(int(np.argmin(scores)), scores.shape)
        return int(sy) + top + half, int(sx) + left + half

    def _any_source(self, region: _Region, y: int, x: int) -> tuple[int, int]:
        """No original patch in the window: take the nearest one anywhere in the crop."""
        half = self.patch_size // 2
        ys, xs = np.nonzero(region.valid_source)
        nearest = int(np.argmin((ys + half - y) ** 2 + (xs + half - x) ** 2))
        return int(ys[nearest]) + half, int(xs[nearest]) + half
