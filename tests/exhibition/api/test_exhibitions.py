"""Exhibitions API: public exhibitions only, and only their public objects."""

import pytest
from rest_framework.test import APIClient

from exhibition.models import ExhibitionSection, SectionObject, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def test_list_shows_public_exhibitions_with_public_counts(api: APIClient) -> None:
    shown = builders.make_object(slug="shown")
    sacred = builders.make_object(slug="sacred", visibility=Visibility.RESTRICTED)
    builders.make_exhibition(shown, sacred, slug="harbours", title="Harbours")
    builders.make_exhibition(shown, slug="next-year", visibility=Visibility.DRAFT)
    data = api.get("/api/exhibitions/").json()
    assert data["next"] is None
    [harbours] = data["results"]
    assert harbours["slug"] == "harbours"
    assert harbours["object_count"] == 1
    assert harbours["links"] == {
        "api": "http://testserver/api/exhibitions/harbours/",
        "page": "http://testserver/exhibitions/harbours/",
    }


def test_detail_lists_sections_with_public_objects_only(api: APIClient) -> None:
    shown = builders.make_object(slug="shown", title="Shown")
    sacred = builders.make_object(slug="sacred", visibility=Visibility.RESTRICTED)
    exhibition = builders.make_exhibition(shown, sacred, slug="harbours")
    second = ExhibitionSection.objects.create(exhibition=exhibition, order=1, heading="Second room")
    SectionObject.objects.create(section=second, collection_object=shown, caption="Again")
    data = api.get("/api/exhibitions/harbours/").json()
    assert [s["heading"] for s in data["sections"]] == ["First room", "Second room"]
    first_objects = data["sections"][0]["objects"]
    assert [o["slug"] for o in first_objects] == ["shown"]
    assert first_objects[0]["api"] == "http://testserver/api/objects/shown/"
    assert data["sections"][1]["objects"][0]["caption"] == "Again"
    assert "sacred" not in str(data)


def test_restricted_cover_is_not_shown(api: APIClient) -> None:
    sacred = builders.make_object(slug="sacred", visibility=Visibility.RESTRICTED)
    builders.make_exhibition(slug="ancestors", cover_object=sacred)
    assert api.get("/api/exhibitions/ancestors/").json()["cover"] is None


def test_public_cover_is_shown_with_its_thumbnail(api: APIClient) -> None:
    cover = builders.make_object(slug="cover", title="Cover")
    builders.add_image(cover)
    builders.make_exhibition(cover, slug="with-cover", cover_object=cover)
    data = api.get("/api/exhibitions/with-cover/").json()
    assert data["cover"]["slug"] == "cover"
    assert data["cover"]["thumbnail"]["alt_text"] == "Image of Cover"


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_hidden_exhibition_is_not_found(api: APIClient, visibility: str) -> None:
    builders.make_exhibition(slug="hidden", visibility=visibility)
    response = api.get("/api/exhibitions/hidden/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No public exhibition 'hidden'."}


def test_exhibitions_take_no_filters(api: APIClient) -> None:
    response = api.get("/api/exhibitions/?featured=true")
    assert response.status_code == 400
    assert "Unknown query parameter featured" in response.json()["detail"]
