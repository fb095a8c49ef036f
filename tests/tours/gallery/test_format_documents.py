"""The format's documentation and JSON Schema agree with the loader: their examples pass."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings

from tests.tours.gallery.documents import two_rooms
from tours.gallery.validation import validate_gallery_map

BASE = Path(settings.BASE_DIR)
SCHEMA = json.loads((BASE / "tours" / "gallery" / "gallery-map.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def docs_example() -> dict:  # type: ignore[type-arg]
    text = (BASE / "docs" / "gallery-map.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert block is not None
    return json.loads(block.group(1))


def test_the_documented_example_is_a_valid_map() -> None:
    example = docs_example()

    spec, errors = validate_gallery_map(example)

    assert errors == [] and spec is not None
    VALIDATOR.validate(example)


def test_the_demo_map_follows_the_schema() -> None:
    VALIDATOR.validate(json.loads((BASE / "tours" / "demo" / "gallery-map.json").read_text()))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="other"),
        lambda d: d["rooms"][0].update(slug="not a slug"),
        lambda d: d["rooms"][0].update(shape=[[0, 0], [1, 1]]),
        lambda d: d["rooms"][0].update(is_closed="no"),
        lambda d: d["links"][0].update(walking_seconds=0),
        lambda d: d.update(extra=True),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(change: object) -> None:
    document = two_rooms()
    change(document)  # type: ignore[operator]

    assert validate_gallery_map(document)[0] is None
    assert not VALIDATOR.is_valid(document)
