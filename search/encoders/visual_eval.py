"""Measures the visual channel alone: plain ConSE against the tuned recipe, in one run.

    HF_HUB_OFFLINE=1 python -m search.encoders.visual_eval \
        [--images DIR] [--queries FILE.jsonl]  (defaults: the demo collection and dev set)

Every image in the folder (named <slug>.<ext>) is encoded; each query is encoded with
``encode_query`` and the images ranked by cosine. Prints nDCG@10 (graded, exponential gain)
for plain ConSE (bare lemmas, top-10 mean, one centre crop) and for ``ConSEImageEncoder``,
and their ratio. Not a test: it prints figures.
"""

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from search.encoders.base import l2_normalise
from search.encoders.conse import ConSEImageEncoder, load_class_table, views_tensor

if TYPE_CHECKING:
    from PIL import Image

PLAIN_TOP_T = 10


def ndcg_at_10(scores: np.ndarray, slugs: list[str], queries: list[dict[str, object]]) -> float:
    total = 0.0
    for row, query in zip(scores, queries, strict=True):
        relevant = [str(slug) for slug in query["relevant"]]  # type: ignore[attr-defined]
        grades: dict[str, int] = query.get("grades") or dict.fromkeys(relevant, 1)  # type: ignore[assignment]
        ranked = np.argsort(-row)[:10]
        dcg = sum((2 ** grades.get(slugs[i], 0) - 1) / np.log2(r + 2) for r, i in enumerate(ranked))
        ideal = sorted(grades.values(), reverse=True)[:10]
        idcg = sum((2**g - 1) / np.log2(r + 2) for r, g in enumerate(ideal))
        total += dcg / idcg if idcg else 0.0
    return total / len(queries)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--images", type=Path, default=Path("/work/shared/data/collection/images"))
    parser.add_argument("--queries", type=Path, default=Path("/work/shared/eval/search_dev.jsonl"))
    args = parser.parse_args()
    from PIL import Image

    from search.encoders.text import MiniLMTextEncoder

    files = sorted(p for p in args.images.iterdir() if p.suffix.lower() in {".jpg", ".png"})
    slugs = [p.stem for p in files]
    lines = args.queries.read_text(encoding="utf-8").splitlines()
    queries = [json.loads(line) for line in lines if line.strip()]
    encoder = ConSEImageEncoder(MiniLMTextEncoder())
    query_vectors = encoder.encode_query([str(q["query"]) for q in queries])
    images = [Image.open(p) for p in files]
    plain = plain_conse(encoder, images)
    started = time.perf_counter()
    tuned = np.stack([encoder.encode_images([image])[0].joint for image in images])
    per_image = (time.perf_counter() - started) / len(images)
    base = ndcg_at_10(query_vectors @ plain.T, slugs, queries)
    ours = ndcg_at_10(query_vectors @ tuned.T, slugs, queries)
    print(f"images {len(images)}, queries {len(queries)}")
    print(f"plain ConSE (lemmas, top-{PLAIN_TOP_T}, centre crop)  nDCG@10 {base:.3f}")
    print(f"{encoder.version.split(';')[-1]}  nDCG@10 {ours:.3f}")
    print(f"ratio {ours / base:.2f}x; tuned encoding {per_image:.2f} s/image")


if __name__ == "__main__":
    main()
