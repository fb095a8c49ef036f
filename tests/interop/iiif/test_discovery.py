"""IIIF Change Discovery 1.0: Create, Update and Delete of manifests, read from the audit
log; a withdrawn object is a Delete that names only its address; pages never move."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from exhibition.iiif import discovery
from exhibition.models import AuditLogEntry, CollectionObject, Visibility
from exhibition.services.audit import audit_snapshot
from exhibition.services.collection_edits import collection_edit_record
from tests.builders import make_curator, make_object
from tests.interop.oai.harvest import set_visibility

pytestmark = pytest.mark.django_db
CONTEXT = "http://iiif.io/api/discovery/1/context.json"


@pytest.fixture
def curator() -> User:
    return make_curator()


def _created(curator: User, **fields: Any) -> CollectionObject:
    obj = make_object(**fields)
    collection_edit_record(
        instance=obj, before={}, after=audit_snapshot(obj),
        action=AuditLogEntry.Action.CREATED, actor=curator,
    )  # fmt: skip
    return obj


def _edited(obj: CollectionObject, curator: User, title: str) -> None:
    before = audit_snapshot(obj)
    obj.title = title
    obj.save()
    collection_edit_record(
        instance=obj, before=before, after=audit_snapshot(obj),
        action=AuditLogEntry.Action.CHANGED, actor=curator,
    )  # fmt: skip


def _page(client: Client, number: int) -> dict[str, Any]:
    response = client.get(f"/iiif/discovery/page/{number}/")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    page: dict[str, Any] = response.json()
    assert page["@context"] == CONTEXT and page["type"] == "OrderedCollectionPage"
    assert page["partOf"]["id"] == "http://testserver/iiif/discovery/"
    return page


def _activities(client: Client) -> list[tuple[str, str]]:
    top = client.get("/iiif/discovery/").json()
    assert top["type"] == "OrderedCollection" and top["@context"] == CONTEXT
    last = int(top["last"]["id"].rstrip("/").rsplit("/", 1)[1])
    found = []
    for number in range(1, last + 1):
        for item in _page(client, number)["orderedItems"]:
            assert item["object"]["type"] == "Manifest" and item["endTime"].endswith("Z")
            found.append((item["type"], item["object"]["id"].split("/")[-2]))
    assert len(found) == top["totalItems"]
    return found


def test_created_updated_and_withdrawn_objects(client: Client, curator: User) -> None:
    harbour = _created(curator, slug="harbour", title="Harbour")
    _created(curator, slug="never-public", visibility=Visibility.DRAFT)
    _edited(harbour, curator, "Harbour at dusk")
    set_visibility(harbour, Visibility.RESTRICTED, curator=curator)
    set_visibility(harbour, Visibility.PUBLIC, curator=curator)

    assert _activities(client) == [
        ("Create", "harbour"), ("Update", "harbour"), ("Delete", "harbour"), ("Create", "harbour"),
    ]  # fmt: skip


def test_a_withdrawn_objects_delete_carries_no_data(client: Client, curator: User) -> None:
    portrait = _created(curator, slug="portrait", title="A very private portrait")
    set_visibility(portrait, Visibility.DRAFT, curator=curator)

    body = client.get("/iiif/discovery/page/1/").content.decode()

    assert "A very private portrait" not in body
    assert _activities(client)[-1] == ("Delete", "portrait")


def test_pages_are_stable_and_linked(client: Client, curator: User, monkeypatch: Any) -> None:
    monkeypatch.setattr(discovery, "PAGE_SIZE", 2)
    first = [_created(curator, slug=f"object-{n}") for n in range(3)]
    before = _page(client, 1)
    set_visibility(first[0], Visibility.RESTRICTED, curator=curator)
    _created(curator, slug="object-late")

    after = _page(client, 1)
    assert after["orderedItems"] == before["orderedItems"]
    assert after["next"]["id"].endswith("/page/2/") and "prev" not in after
    second = _page(client, 2)
    assert second["prev"]["id"].endswith("/page/1/")
    assert [i["type"] for i in second["orderedItems"]] == ["Create", "Delete"]
    assert client.get("/iiif/discovery/page/4/").status_code == 404
    assert client.get("/iiif/discovery/page/x/").status_code == 404
