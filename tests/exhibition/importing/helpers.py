"""Build small collection folders (objects.jsonl plus files) for import tests."""

import json
from pathlib import Path
from typing import Any

from tests.builders import glb_bytes, jpeg_bytes


def record(slug: str, **fields: Any) -> dict[str, Any]:
    """A valid record with an image; override or drop (value None) any field."""
    data: dict[str, Any] = {
        "id": slug,
        "title": f"Title of {slug}",
        "creator": "Leonardo da Vinci",
        "date": "c. 1503",
        "date_start": 1503,
        "date_end": 1519,
        "culture": "Italy (Florentine)",
        "object_type": "painting",
        "medium": "oil on panel",
        "description": f"Description of {slug}.",
        "tags": ["portrait", "renaissance"],
        "image": f"images/{slug}.jpg",
        "model": None,
        "licence": "PDM-1.0",
        "attribution": "Public-domain work.",
        "source": "tests",
    }
    data.update(fields)
    return data


def write_collection(
    root: Path,
    records: list[dict[str, Any] | str],
    *,
    files: dict[str, bytes | None] | None = None,
    damaged: list[str] | None = None,
) -> Path:
    """Write objects.jsonl (a str entry is written as a raw line) and the files.

    Every image or model a record names gets a small valid file, unless ``files`` maps
    its path to other bytes, or to None to leave it missing.
    """
    root.mkdir(parents=True, exist_ok=True)
    files = dict(files or {})
    lines = []
    for item in records:
        if isinstance(item, str):
            lines.append(item)
            continue
        lines.append(json.dumps(item))
        if item.get("image") and item["image"] not in files:
            files[item["image"]] = jpeg_bytes(40, 30)
        if item.get("model") and item["model"] not in files:
            files[item["model"]] = glb_bytes()
    (root / "objects.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for relative, data in files.items():
        if data is None:
            continue  # deliberately missing
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if damaged is not None:
        (root / "damaged.json").write_text(json.dumps({"ids": damaged}))
    return root
