"""CLIP as the image encoder: images and queries in CLIP's own joint space.

Loads a sentence-transformers CLIP model from a local path (never the hub). The visual
space is the same CLIP image embedding: CLIP has no separate classifier features, and its
image embedding is a good "looks like" space for photo search and "more like this".
No concepts: CLIP does not classify.
"""

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from search.encoders.base import ImageEncoder, ImageEncoding, l2_normalise

if TYPE_CHECKING:
    from PIL import Image

BATCH_SIZE = 16


def model_fingerprint(path: Path) -> str:
    """Short hash of the model's weight files, so a swapped model re-embeds everything."""
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in {".safetensors", ".bin", ".json"}:
            digest.update(file.relative_to(path).as_posix().encode())
            digest.update(str(file.stat().st_size).encode())
    return digest.hexdigest()[:12]


class CLIPImageEncoder(ImageEncoder):
    @classmethod
    def from_settings(cls) -> "CLIPImageEncoder":
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        path = str(settings.SEARCH_CLIP_MODEL)
        if not path:
            raise ImproperlyConfigured(
                "SEARCH_IMAGE_ENCODER=clip needs SEARCH_CLIP_MODEL (a path)."
            )
        return cls(path)

    def __init__(self, path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        model_dir = Path(path)
        if not model_dir.is_dir():
            raise FileNotFoundError(f"SEARCH_CLIP_MODEL is not a folder: {path}")
        self.model = SentenceTransformer(str(model_dir), device="cpu")
        dim = self.model.get_embedding_dimension()
        if dim is None:
            raise ValueError(f"Cannot tell the embedding size of the CLIP model at {path}")
        self.joint_dim = int(dim)
        self.visual_dim = self.joint_dim
        self.name = f"clip:{model_dir.name}"
        self.version = f"sentence-transformers-clip@{model_fingerprint(model_dir)}"

    def encode_images(self, images: Sequence["Image.Image"]) -> list[ImageEncoding]:
        if not images:
            return []
        rgb = [image.convert("RGB") for image in images]
        vectors = l2_normalise(
            self.model.encode(
                rgb, batch_size=BATCH_SIZE, convert_to_numpy=True, show_progress_bar=False
            )
        )
        return [ImageEncoding(joint=row, visual=row.copy(), concepts=[]) for row in vectors]

    def encode_query(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.joint_dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts), batch_size=BATCH_SIZE, convert_to_numpy=True, show_progress_bar=False
        )
        return l2_normalise(vectors)
