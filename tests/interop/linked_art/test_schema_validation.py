"""Every Linked Art document of a varied collection validates against its 1.0 schema."""

import json
import re
from typing import Any

import pytest
from django.test import Client

from exhibition.selectors import public_agents, public_objects, public_places
from interop.linked_art.agents import agent_path
from tests.interop.linked_art.collection import Collection
from tests.interop.linked_art.conftest import HOST
from tests.interop.linked_art.schemas import schema_errors

pytestmark = pytest.mark.django_db
LOCAL_TERM = re.compile(rf'"(http://{re.escape(HOST)}(/linked-art/concept/[^"]+))"')
# The schemas declare date-time but jsonschema's checker needs an extra package for it.
DATE_TIME = re.compile(r"^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def fetch(client: Client, path: str) -> dict[str, Any]:
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, path
    return response.json()


def test_every_document_validates(client: Client, collection: Collection) -> None:
    paths = [f"/linked-art/object/{o.slug}" for o in public_objects()]
    paths += [agent_path(agent) for agent in public_agents()]
    paths += [f"/linked-art/place/{p.slug}" for p in public_places()]
    documents = {path: fetch(client, path) for path in paths}
    text = json.dumps(list(documents.values()))
    terms = {match.group(2) for match in LOCAL_TERM.finditer(text)}
    documents.update({path: fetch(client, path) for path in terms})
    assert {doc["type"] for doc in documents.values()} == {
        "HumanMadeObject",
        "Person",
        "Group",
        "Place",
        "Type",
    }
    # 4 objects, 3 agents, 2 places; banknote, machine-generated, its provenance, restoration.
    assert len(documents) == 4 + 3 + 2 + 4
    for path, doc in documents.items():
        assert schema_errors(doc) == [], path
        for stamp in re.findall(r"'(?:begin_of_the_begin|end_of_the_end)': '([^']+)'", str(doc)):
            assert DATE_TIME.match(stamp), (path, stamp)


def test_the_validator_rejects_what_the_schema_forbids(
    client: Client, collection: Collection
) -> None:
    doc = fetch(client, "/linked-art/object/harbour-at-dusk")
    doc["subject_to"] = [{"type": "Right"}]  # not a HumanMadeObject property in 1.0
    del doc["produced_by"]["part"][0]["carried_out_by"][0]["id"]
    errors = schema_errors(doc)
    assert any("subject_to" in error for error in errors)
    assert len(errors) == 2
