"""scikit-image's biharmonic inpainting: the smoothest surface matching the known pixels.

Each connected region of the mask is solved separately (``split_into_regions``), which keeps
the sparse systems small; the cost grows with the area of the largest loss.
"""

from typing import Any

import numpy as np
from django.utils.translation import gettext_noop

from restoration.engines.base import InpaintingEngine, Mask, RGBImage
from restoration.engines.classical import check_inputs, keep_known


class BiharmonicEngine(InpaintingEngine):
    name = "biharmonic"
    description = gettext_noop(
        "Biharmonic (scikit-image): the smoothest surface that meets the edges of the gap; clean "
        "on small, smooth losses, slow on large images."
    )

    def __init__(self, split_into_regions: bool = True) -> None:
        self.split_into_regions = bool(split_into_regions)

    @property
    def version(self) -> str:
        from importlib.metadata import version

        return f"scikit-image {version('scikit-image')}"

    def parameters(self) -> dict[str, Any]:
        return {"split_into_regions": self.split_into_regions}

    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        from skimage.restoration import inpaint_biharmonic

        check_inputs(image, mask)
        filled = inpaint_biharmonic(
            image.astype(np.float32) / 255.0,
            mask,
            split_into_regions=self.split_into_regions,
            channel_axis=-1,
        )
        pixels = np.clip(np.rint(filled * 255.0), 0, 255).astype(np.uint8)
        return keep_known(image, mask, pixels)
