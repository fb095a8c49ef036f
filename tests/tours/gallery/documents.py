"""Small gallery-map documents for the tests: a valid two-room map, changed per test."""

import copy
import json
from pathlib import Path
from typing import Any


def square(x: float, y: float, size: float = 10) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]


def room(slug: str, **fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").title(),
        "shape": square(0, 0),
    }
    document.update(fields)
    return document


def two_rooms(
    *, hall_objects: tuple[str, ...] = (), gallery_objects: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A hall (entrance and exit) and a gallery beside it, 30 s apart."""
    return copy.deepcopy(
        {
            "format": "vitrine-gallery-map/1",
            "name": "Test museum",
            "viewing_seconds": {"default": 40, "painting": 90},
            "rooms": [
                room("hall", is_entrance=True, is_exit=True, objects=list(hall_objects)),
                room("gallery", shape=square(10, 0), objects=list(gallery_objects)),
            ],
            "links": [{"between": ["hall", "gallery"], "walking_seconds": 30}],
        }
    )


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
