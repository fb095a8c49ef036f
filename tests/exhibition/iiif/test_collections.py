"""IIIF Collections: the whole collection in pages, and each exhibition; public only."""

from typing import Any

import pytest
from django.test import Client

from exhibition.iiif import collections
from exhibition.models import Visibility
from tests import builders
from tests.exhibition.iiif.helpers import PRESENTATION_CONTEXT

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data: dict[str, Any] = response.json()
    assert data["@context"] == PRESENTATION_CONTEXT
    assert data["type"] == "Collection" and data["id"].startswith("http://testserver/iiif/")
    assert all(isinstance(v, str) for v in data["label"]["en"])
    assert isinstance(data["items"], list)
    return data


def _public_with_image(**fields: Any) -> Any:
    obj = builders.make_object(**fields)
    builders.add_image(obj)
    return obj


def test_pages_list_every_public_manifest_once(client: Client, monkeypatch: Any) -> None:
    monkeypatch.setattr(collections, "PAGE_SIZE", 2)
    public = [_public_with_image(slug=f"public-{n}", title=f"Public {n}") for n in range(5)]
    for visibility in (Visibility.RESTRICTED, Visibility.DRAFT):
        _public_with_image(slug=f"hidden-{visibility}", visibility=visibility)
    builders.make_object(slug="no-media")

    top = _get(client, "/iiif/collection/")
    pages = [item for item in top["items"] if "/page/" in item["id"]]
    assert len(pages) == 3 and all(item["type"] == "Collection" for item in pages)
    listed = []
    for page in pages:
        data = _get(client, page["id"])
        assert len(data["items"]) <= 2
        assert data["partOf"][0]["id"] == top["id"]
        for item in data["items"]:
            assert item["type"] == "Manifest" and item["thumbnail"][0]["type"] == "Image"
            listed.append(item["id"])
    assert listed == [f"http://testserver/iiif/{obj.slug}/manifest.json" for obj in public]
    for item_id in listed:
        assert client.get(item_id.removeprefix("http://testserver")).status_code == 200
    assert client.get("/iiif/collection/page/4/").status_code == 404
    assert client.get("/iiif/collection/page/0/").status_code == 404


def test_each_public_exhibition_lists_its_public_objects(client: Client) -> None:
    shown = _public_with_image(slug="shown", title="Shown")
    hidden = _public_with_image(slug="withdrawn", visibility=Visibility.RESTRICTED)
    builders.make_exhibition(shown, hidden, slug="harbours", title="Harbours")
    builders.make_exhibition(shown, slug="secret", visibility=Visibility.DRAFT)

    exhibitions = _get(client, "/iiif/collection/exhibitions/")
    assert [item["label"] for item in exhibitions["items"]] == [{"en": ["Harbours"]}]
    harbours = _get(client, exhibitions["items"][0]["id"])
    assert [item["id"] for item in harbours["items"]] == [
        "http://testserver/iiif/shown/manifest.json"
    ]
    assert harbours["items"][0]["label"] == {"en": ["Shown"]}
    assert client.get("/iiif/collection/exhibitions/secret/").status_code == 404
