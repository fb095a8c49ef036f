"""Measures the visual channel alone: plain ConSE against the tuned recipe, in one run.

Run by ``manage.py evaluate_visual_search --queries FILE.jsonl [--images DIR]`` (images
default to the collection's). Every image in the folder (named <slug>.<ext>) is encoded;
each query is encoded with ``encode_query`` and the images ranked by cosine. Reports nDCG@10
(graded, exponential gain) for plain ConSE (bare lemmas, top-10 mean, one centre crop) and
for ``ConSEImageEncoder``, and their ratio. Not a test: it prints figures.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bench.search.evaluation.metrics import ndcg_at_k
from bench.search.evaluation.queries import EvalQuery
from search.encoders.base import l2_normalise
from search.encoders.conse import ConSEImageEncoder, load_class_table, views_tensor

if TYPE_CHECKING:
    from PIL import Image

PLAIN_TOP_T = 10


def mean_ndcg_at_10(scores: np.ndarray, slugs: list[str], queries: list[EvalQuery]) -> float:
    """nDCG@10 of each query's ranking of the images by score, averaged over the queries."""
    rankings = ([slugs[i] for i in np.argsort(-row)[:10]] for row in scores)
    values = [ndcg_at_k(ranked, q.grades) for ranked, q in zip(rankings, queries, strict=True)]
    return float(np.mean(values)) if values else 0.0


@dataclass(frozen=True)
class VisualEvaluation:
    images: int
    queries: int
    plain_ndcg: float
    tuned_ndcg: float
    tuned_recipe: str
    seconds_per_image: float


def centre_crop(image: "Image.Image") -> "Image.Image":
    """The classic single view: shorter side to 256, centre 224² (ratio 0.875)."""
    from PIL import Image

    picture = image.convert("RGB")
    width, height = picture.size
    side = min(width, height) * 0.875
    left, top = (width - side) / 2, (height - side) / 2
    box = (round(left), round(top), round(left + side), round(top + side))
    return picture.crop(box).resize((224, 224), Image.Resampling.BICUBIC)


def plain_conse(encoder: ConSEImageEncoder, images: Sequence["Image.Image"]) -> np.ndarray:
    import torch

    lemmas = encoder.text_encoder.encode([lemmas for lemmas, _ in load_class_table()])
    batch = views_tensor([centre_crop(image) for image in images])
    with torch.inference_mode():
        probabilities = encoder.model(batch).softmax(-1).numpy()
    joint = np.zeros((len(images), lemmas.shape[1]), dtype=np.float32)
    for i, row in enumerate(probabilities):
        top = np.argsort(-row)[:PLAIN_TOP_T]
        joint[i] = row[top] @ lemmas[top]
    return l2_normalise(joint)


def evaluate_visual(*, images_dir: Path, queries: list[EvalQuery]) -> VisualEvaluation:
    from PIL import Image

    from search.encoders.text import MiniLMTextEncoder

    files = sorted(p for p in images_dir.iterdir() if p.suffix.lower() in {".jpg", ".png"})
    slugs = [p.stem for p in files]
    encoder = ConSEImageEncoder(MiniLMTextEncoder())
    query_vectors = encoder.encode_query([q.query for q in queries])
    images = [Image.open(p) for p in files]
    plain = plain_conse(encoder, images)
    started = time.perf_counter()
    tuned = np.stack([encoder.encode_images([image])[0].joint for image in images])
    per_image = (time.perf_counter() - started) / max(1, len(images))
    return VisualEvaluation(
        images=len(images),
        queries=len(queries),
        plain_ndcg=mean_ndcg_at_10(query_vectors @ plain.T, slugs, queries),
        tuned_ndcg=mean_ndcg_at_10(query_vectors @ tuned.T, slugs, queries),
        tuned_recipe=encoder.version.split(";")[-1],
        seconds_per_image=per_image,
    )
