"""The objects API keeps its list items per object version: never stale, never shared
between site addresses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from exhibition.models import CollectionObject, ObjectCreator, Visibility
from tests import builders

pytestmark = pytest.mark.django_db(transaction=True)  # writes commit: the version moves


def _items(api: APIClient, host: str = "testserver") -> dict[str, dict[str, object]]:
    response = api.get("/api/objects/", HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return {item["slug"]: item for item in response.json()["results"]}


def test_a_repeated_list_reads_no_related_rows(api: APIClient, steady_version: None) -> None:
    for n in range(3):
        obj = builders.make_object(slug=f"vase-{n}")
        ObjectCreator.objects.create(
            collection_object=obj, agent=builders.make_agent(), role="potter"
        )
        builders.add_image(obj)
    first = _items(api)

    with CaptureQueriesContext(connection) as queries:
        again = _items(api)

    assert again == first
    assert len(queries.captured_queries) == 1  # the page of objects itself


def test_an_edit_shows_in_the_next_list(api: APIClient) -> None:
    vase = builders.make_object(slug="vase", title="Vase")
    builders.make_object(slug="bowl", title="Bowl")
    assert _items(api)["vase"]["has_3d"] is False

    builders.add_model(vase)
    vase.title = "Blue vase"
    vase.save()
    bowl = CollectionObject.objects.get(slug="bowl")
    bowl.visibility = Visibility.RESTRICTED
    bowl.save()

    items = _items(api)
    assert items["vase"]["has_3d"] is True and items["vase"]["title"] == "Blue vase"
    assert "bowl" not in items


def test_links_follow_the_address_the_list_was_asked_at(api: APIClient, settings: object) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "museum.example"]  # type: ignore[attr-defined]
    builders.make_object(slug="vase")

    local = _items(api)["vase"]
    public = _items(api, host="museum.example")["vase"]

    assert local["links"]["page"] == "http://testserver/objects/vase/"  # type: ignore[index]
    assert public["links"]["page"] == "http://museum.example/objects/vase/"  # type: ignore[index]
