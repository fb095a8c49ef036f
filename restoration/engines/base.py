"""The one interface every inpainting engine implements.

Engines are sibling modules (`classical`: telea and ns, `biharmonic`, `exemplar`, `learned`),
registered in ``settings.RESTORATION_ENGINES`` and chosen per run by name. Each declares its
name, version and parameters, which go into the stored provenance of every restoration it
makes.
"""

from abc import ABC, abstractmethod
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

RGBImage = npt.NDArray[np.uint8]  # (height, width, 3), RGB
Mask = npt.NDArray[np.bool_]  # (height, width), True = reconstruct


class EngineUnavailable(RuntimeError):
    """The engine cannot run here (e.g. the learned engine's weights are absent)."""


class InpaintingEngine(ABC):
    name: ClassVar[str]
    # One line for curators choosing an engine: what it does and where it is good.
    description: ClassVar[str] = ""

    @property
    @abstractmethod
    def version(self) -> str:
        """What exactly produced a result: library version, algorithm or weights version."""

    @abstractmethod
    def parameters(self) -> dict[str, Any]:
        """The parameters a run used, JSON-serialisable, stored in the provenance."""

    def availability(self) -> str | None:
        """None when the engine can run; otherwise why not (shown to curators)."""
        return None

    @abstractmethod
    def inpaint(self, image: RGBImage, mask: Mask) -> RGBImage:
        """The image with the masked pixels reconstructed; unmasked pixels unchanged."""
