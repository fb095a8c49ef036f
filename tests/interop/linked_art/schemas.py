"""The Linked Art 1.0 JSON Schemas from ../shared/standards, with their $refs resolved locally."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "standards" / "linked-art" / "schema"
SCHEMA_FOR_TYPE = {
    "HumanMadeObject": "object.json",
    "Person": "person.json",
    "Group": "group.json",
    "Place": "place.json",
    "Type": "concept.json",
}


@cache
def _registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(schema_file: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_file).read_text())
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every way the document breaks the schema of its type, as 'path: message' lines."""
    schema_file = SCHEMA_FOR_TYPE[document["type"]]
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(schema_file).iter_errors(document)
    ]
