"""The encoder interface: text and images to L2-normalised float32 vectors.

Engines are sibling modules (``text``, ``conse``, ``clip``) behind these base classes.
Image encoders are registered in ``settings.SEARCH_IMAGE_ENCODERS`` and the one in use is
named by ``settings.SEARCH_IMAGE_ENCODER`` (config/engines.py: the project's one pattern
for pluggable engines); see ``search.encoders.get_image_encoder``.
"""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from PIL import Image


@dataclass(frozen=True)
class Concept:
    """A visual concept an image shows, for explanations: an ImageNet class and its probability."""

    label: str
    score: float


@dataclass(frozen=True)
class ImageEncoding:
    # The text–image space that text queries are compared in.
    joint: np.ndarray
    # A purely visual space for photo search and "more like this" (None if the engine has none).
    visual: np.ndarray | None
    # Top concepts, best first; empty for engines that do not classify (CLIP).
    concepts: list[Concept]


class TextEncoder(ABC):
    name: str
    version: str
    dim: int

    @abstractmethod
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32, each row L2-normalised."""


class ImageEncoder(ABC):
    name: str
    version: str
    joint_dim: int
    visual_dim: int | None

    @classmethod
    @abstractmethod
    def from_settings(cls) -> "ImageEncoder":
        """The encoder as the site's settings configure it (loads its model)."""

    @abstractmethod
    def encode_images(self, images: Sequence["Image.Image"]) -> list[ImageEncoding]:
        """One encoding per image, in order."""

    @abstractmethod
    def encode_query(self, texts: Sequence[str]) -> np.ndarray:
        """Text queries into the joint space: (n, joint_dim) float32, L2-normalised."""


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float32; all-zero rows stay zero rather than NaN."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return np.asarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)
