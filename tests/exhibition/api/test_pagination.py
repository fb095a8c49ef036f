"""Page size bounds and page errors on the list endpoints."""

import pytest
from rest_framework.test import APIClient

from exhibition.models import CollectionObject, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_objects() -> None:
    CollectionObject.objects.bulk_create(
        CollectionObject(
            slug=f"object-{n:03d}",
            accession_number=f"B.{n:03d}",
            title=f"Object {n:03d}",
            object_type="print",
            licence="PDM-1.0",
            visibility=Visibility.PUBLIC,
        )
        for n in range(105)
    )


def test_default_page_has_24_results(api: APIClient, many_objects: None) -> None:
    data = api.get("/api/objects/").json()
    assert data["count"] == 105
    assert len(data["results"]) == 24
    assert data["next"] == "http://testserver/api/objects/?page=2"


def test_page_size_is_capped_at_100(api: APIClient, many_objects: None) -> None:
    data = api.get("/api/objects/?page_size=500").json()
    assert len(data["results"]) == 100
    assert len(api.get("/api/objects/?page_size=100&page=2").json()["results"]) == 5


def test_last_page_and_past_the_end(api: APIClient, many_objects: None) -> None:
    assert len(api.get("/api/objects/?page=last").json()["results"]) == 105 - 4 * 24
    response = api.get("/api/objects/?page=99")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Invalid page")
