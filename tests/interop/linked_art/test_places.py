"""Places, with coordinates as a WKT point when the record has them."""

import pytest
from django.test import Client

from tests.interop.linked_art.collection import Collection
from tests.interop.linked_art.conftest import HOST

pytestmark = pytest.mark.django_db


def test_place_with_coordinates_is_defined_by_a_point(
    client: Client, collection: Collection
) -> None:
    doc = client.get("/linked-art/place/harbour", HTTP_HOST=HOST).json()
    assert doc["type"] == "Place"
    assert doc["id"] == f"http://{HOST}/linked-art/place/harbour"
    assert doc["identified_by"][0]["content"] == "Harbour Town"
    # WKT: longitude first.
    assert doc["defined_by"] == "POINT(4.900000 52.370000)"


def test_place_without_coordinates_has_no_definition(
    client: Client, collection: Collection
) -> None:
    doc = client.get("/linked-art/place/capital", HTTP_HOST=HOST).json()
    assert "defined_by" not in doc
    page = doc["subject_of"][0]["digitally_carried_by"][0]["access_point"][0]["id"]
    assert page == f"http://{HOST}/objects/?place=capital"


@pytest.mark.parametrize("slug", ["hidden-place", "nowhere"])
def test_place_of_hidden_works_only_is_absent(
    client: Client, collection: Collection, slug: str
) -> None:
    response = client.get(f"/linked-art/place/{slug}", HTTP_HOST=HOST)
    assert response.status_code == 404
    assert response.content == b'{"error": "Not found"}'
