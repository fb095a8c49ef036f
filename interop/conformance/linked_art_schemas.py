"""The Linked Art 1.0 JSON Schemas (``../shared/standards/linked-art/schema``), with their
``$ref``s resolved inside that folder: nothing is fetched."""

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


class SchemasMissing(Exception):
    pass


@cache
def _registry() -> Registry:
    paths = sorted(SCHEMA_DIR.glob("*.json"))
    if not paths:
        raise SchemasMissing(f"no Linked Art schemas in {SCHEMA_DIR}")
    resources = []
    for path in paths:
        contents = json.loads(path.read_text())
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(schema_file: str) -> Draft202012Validator:
    registry = _registry()
    schema = json.loads((SCHEMA_DIR / schema_file).read_text())
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every way the document breaks the schema of its type, as 'path: message' lines."""
    schema_file = SCHEMA_FOR_TYPE.get(str(document.get("type")))
    if schema_file is None:
        return [f"type: {document.get('type')!r} has no Linked Art 1.0 schema here"]
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(schema_file).iter_errors(document)
    ]
