"""Write a synthetic collection folder: the media pool once, then records line by line."""

import json
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic.media import write_image_pool, write_model_pool
from bench.synthetic.records import synthetic_records

MAX_RECORDS = 1_000_000
RECORDS_FILE = "objects.jsonl"


@dataclass(frozen=True)
class SyntheticSummary:
    records: int
    images: int
    models: int
    path: Path


def write_synthetic_collection(*, out: Path, count: int, seed: int = 0) -> SyntheticSummary:
    """``count`` records in ``out/objects.jsonl``; memory does not grow with ``count``."""
    if not 1 <= count <= MAX_RECORDS:
        raise ValueError(f"the number of records must be from 1 to {MAX_RECORDS:,}, not {count}")
    out.mkdir(parents=True, exist_ok=True)
    images = write_image_pool(out, seed=seed)
    models = write_model_pool(out)
    path = out / RECORDS_FILE
    with path.open("w", encoding="utf-8") as lines:
        for record in synthetic_records(count, seed=seed, images=images, models=models):
            lines.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return SyntheticSummary(records=count, images=len(images), models=len(models), path=path)
