"""The fixed split by slug that training and evaluation share.

One object in five (by a stable hash of its slug, never Python's salted `hash`) is held out for
evaluation: the learned engine never trains on it, so evaluation measures what it learned about
the collection's style, not what it memorised.
"""

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exhibition.models import ObjectImage

EVALUATION_MODULUS = 5


def is_evaluation_slug(slug: str) -> bool:
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % EVALUATION_MODULUS == 0


def is_training_slug(slug: str, *, is_damaged: bool) -> bool:
    """Training images: outside the evaluation split and intact (real damage would be learned)."""
    return not is_evaluation_slug(slug) and not is_damaged


def split_images(*, evaluation: bool) -> "list[ObjectImage]":
    """The first image of every public, intact object on one side of the split, by slug.

    Objects the collection marks as damaged are on neither side: their damage is real, so
    they can be neither a training target nor an intact reference.
    """
    from exhibition.selectors import public_objects

    chosen = []
    objects = public_objects().filter(is_damaged=False).prefetch_related("images")
    for collection_object in objects.order_by("slug"):
        images = list(collection_object.images.all())
        if images and is_evaluation_slug(collection_object.slug) == evaluation:
            chosen.append(images[0])
    return chosen


def split_collection_files(root: Path, *, evaluation: bool) -> "list[tuple[str, Path]]":
    """(slug, image path) of one side of the split, read from a collection folder.

    The same rule as `split_images`, applied to an import folder (`objects.jsonl` and
    `damaged.json`, see README) rather than the database: the shipped default weights are
    trained from the demo folder itself, so anyone can rebuild them without importing first.
    Objects with a `visibility` other than public are left out, as the import would hide them.
    """
    import json

    from exhibition.importing.services import read_damaged

    damaged = read_damaged(root) or set()
    chosen = []
    with (root / "objects.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            slug, image = record.get("id"), record.get("image")
            if not slug or not image or slug in damaged:
                continue
            if record.get("visibility") not in (None, "public"):
                continue
            if is_evaluation_slug(slug) == evaluation:
                chosen.append((slug, root / image))
    return sorted(chosen)
